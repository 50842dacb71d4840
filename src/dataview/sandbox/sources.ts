// Sandbox source: Dataview source expressions (`#tag`, `"folder"`, `[[note]]`, `outgoing([[note]])`, and/or, `-`, parens)
// parsed and resolved to ordered page lists.
export const SOURCES_JS = String.raw`
function parseSource(text) {
  var input = String(text);
  var pos = 0;
  function fail(expected) {
    throw new Error("Failed to parse query in 'pagePaths': expected " + expected + ' at position ' + pos + ' of "' + input + '"');
  }
  function skipSpace() { while (pos < input.length && /\s/.test(input[pos])) pos++; }
  function match(re) {
    re.lastIndex = pos;
    var m = re.exec(input);
    if (!m) return null;
    pos = re.lastIndex;
    return m;
  }
  function linkTarget(inner) { return inner.split('|')[0].split('#')[0].trim(); }
  function atom() {
    skipSpace();
    var m;
    if (match(/\(/y)) {
      var inner = binary();
      skipSpace();
      if (!match(/\)/y)) fail("')'");
      return inner;
    }
    if (match(/[-!]/y)) return { type: 'negate', child: atom() };
    if ((m = match(/outgoing\(\s*\[\[([^\[\]]*?)\]\]\s*\)/y))) return { type: 'link', file: linkTarget(m[1]), incoming: false };
    if ((m = match(/\[\[([^\[\]]*?)\]\]/y))) return { type: 'link', file: linkTarget(m[1]), incoming: true };
    if ((m = match(/"((?:[^"\\]|\\.)*)"/y))) return { type: 'folder', folder: m[1].replace(/\\(.)/g, '$1') };
    if ((m = match(/#[^\s,;.:!?"'()\[\]{}<>#]+/y))) return { type: 'tag', tag: m[0] };
    if (match(/csv\(/y)) throw new Error('csv() sources are not supported by tsunagu');
    return fail('a source (#tag, "folder", [[link]], outgoing([[link]]))');
  }
  function binary() {
    var left = atom();
    for (;;) {
      skipSpace();
      var op = match(/(and|or)(?![\p{L}\p{N}_])|&|\|/iuy);
      if (!op) return left;
      left = { type: 'binary', op: /^(and|&)$/i.test(op[0]) ? 'and' : 'or', left: left, right: atom() };
    }
  }
  var source = binary();
  skipSpace();
  if (pos < input.length) fail('and/or or the end');
  return source;
}

function pagesLinkingTo(targetPath) {
  return snapshotPages.filter(function (page) {
    return page.outlinks.some(function (link) { return link.path === targetPath; });
  });
}

/** Pages (snapshot order within a source) matching a parsed source; and/or combine like Dataview's sets. */
function matchingPages(source, originPath) {
  switch (source.type) {
    case 'tag': {
      var tag = source.tag.toLowerCase();
      return snapshotPages.filter(function (page) { return lowerTagsOf(page).has(tag); });
    }
    case 'folder': {
      var folder = source.folder.replace(/^\/+|\/+$/g, '');
      if (folder === '') return snapshotPages.slice();
      var inFolder = snapshotPages.filter(function (page) { return page.path.startsWith(folder + '/'); });
      if (inFolder.length > 0) return inFolder;
      var file = pagesByPath.get(folder) || pagesByPath.get(folder + '.md');
      return file ? [file] : [];
    }
    case 'link': {
      var target = resolveLinkpath(source.file, originPath);
      if (!target) return pagesLinkingTo(source.file);
      if (source.incoming) return pagesLinkingTo(target.path);
      var seen = new Set();
      return target.outlinks.map(function (link) { return pagesByPath.get(link.path); }).filter(function (page) {
        if (!page || seen.has(page)) return false;
        seen.add(page);
        return true;
      });
    }
    case 'negate': {
      var excluded = new Set(matchingPages(source.child, originPath));
      return snapshotPages.filter(function (page) { return !excluded.has(page); });
    }
    case 'binary': {
      var left = matchingPages(source.left, originPath);
      var right = matchingPages(source.right, originPath);
      if (source.op === 'and') {
        var leftSet = new Set(left);
        return right.filter(function (page) { return leftSet.has(page); });
      }
      var union = new Set(left);
      right.forEach(function (page) { union.add(page); });
      return Array.from(union);
    }
  }
  return [];
}

function pagesForQuery(query, originPath) {
  if (query === undefined || query === null || String(query).trim() === '') return snapshotPages.slice();
  return matchingPages(parseSource(String(query).trim()), originPath);
}
`;
