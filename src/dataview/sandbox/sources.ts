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

/** Appends the page to the list under key, once; lists keep snapshot order. */
function addTo(index, key, page) {
  var list = index.get(key);
  if (!list) index.set(key, (list = []));
  if (list[list.length - 1] !== page) list.push(page);
}

// Indexes built once per build, so a source costs the size of its result, not of the vault.
/** Lowercased '#tag' → pages whose file.tags hold it (a tag source includes subtags). */
var pagesByLowerTag = new Map();
/** Folder → pages in it or below. */
var pagesByFolder = new Map();
/** Link path (resolved page path, or the raw target) → pages linking to it. */
var pagesByLinkPath = new Map();
snapshotPages.forEach(function (page) {
  tagsOf(page).forEach(function (tag) { addTo(pagesByLowerTag, tag.toLowerCase(), page); });
  var parts = page.folder === '' ? [] : page.folder.split('/');
  for (var n = 1; n <= parts.length; n++) addTo(pagesByFolder, parts.slice(0, n).join('/'), page);
  page.outlinks.forEach(function (link) { addTo(pagesByLinkPath, link.path, page); });
});

function indexed(index, key) {
  var pages = index.get(key);
  return pages ? pages.slice() : [];
}

/** Pages (snapshot order within a source) matching a parsed source; and/or combine like Dataview's sets. */
function matchingPages(source, originPath) {
  switch (source.type) {
    case 'tag':
      return indexed(pagesByLowerTag, source.tag.toLowerCase());
    case 'folder': {
      var folder = source.folder.replace(/^\/+|\/+$/g, '');
      if (folder === '') return snapshotPages.slice();
      var inFolder = indexed(pagesByFolder, folder);
      if (inFolder.length > 0) return inFolder;
      var file = pagesByPath.get(folder) || pagesByPath.get(folder + '.md');
      return file ? [file] : [];
    }
    case 'link': {
      var target = resolveLinkpath(source.file, originPath);
      if (!target) return indexed(pagesByLinkPath, source.file);
      if (source.incoming) return indexed(pagesByLinkPath, target.path);
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

/** A dv.pages() query parsed (a malformed one throws here, as in Dataview); null for the whole vault. */
function parseQuery(query) {
  if (query === undefined || query === null || String(query).trim() === '') return null;
  return parseSource(String(query).trim());
}

function pagesForSource(source, originPath) {
  return source === null ? snapshotPages.slice() : matchingPages(source, originPath);
}

function pagesForQuery(query, originPath) {
  return pagesForSource(parseQuery(query), originPath);
}

/** Whether a source's pages depend on the note asking: a [[link]] resolves from there. */
function dependsOnOrigin(source) {
  if (source === null) return false;
  if (source.type === 'link') return true;
  if (source.type === 'negate') return dependsOnOrigin(source.child);
  if (source.type === 'binary') return dependsOnOrigin(source.left) || dependsOnOrigin(source.right);
  return false;
}
`;
