// Sandbox source: the vault snapshot (published notes only), link resolution, and Dataview page objects.
export const PAGES_JS = String.raw`
var snapshotPages = snapshot.pages;
var pagesByPath = new Map();
var pagesByLowerPath = new Map();
var pagesByLowerName = new Map();
snapshotPages.forEach(function (page) {
  pagesByPath.set(page.path, page);
  pagesByLowerPath.set(page.path.toLowerCase(), page);
  var name = page.name.toLowerCase();
  if (!pagesByLowerName.has(name)) pagesByLowerName.set(name, []);
  pagesByLowerName.get(name).push(page);
});

/** Like Obsidian's getFirstLinkpathDest: exact path, path without .md, path suffix, then unique name (same folder wins). */
function resolveLinkpath(linkpath, originPath) {
  if (linkpath === null || linkpath === undefined) return undefined;
  var text = String(linkpath).trim().replace(/^\/+/, '');
  if (text === '') return pagesByPath.get(originPath);
  var lower = text.toLowerCase();
  var exact = pagesByPath.get(text) || pagesByPath.get(text + '.md') || pagesByLowerPath.get(lower) || pagesByLowerPath.get(lower + '.md');
  if (exact) return exact;
  var bare = lower.replace(/\.md$/, '');
  if (bare.indexOf('/') >= 0) {
    return snapshotPages.find(function (page) { return page.path.toLowerCase().slice(0, -3).endsWith('/' + bare); });
  }
  var named = pagesByLowerName.get(bare) || [];
  if (named.length <= 1) return named[0];
  var origin = pagesByPath.get(originPath);
  return named.find(function (page) { return origin && page.folder === origin.folder; }) || named[0];
}

/** '#a/b/c' → '#a/b/c', '#a/b', '#a': each explicit tag then its parents, nearest first, each once. */
function expandTags(etags) {
  var result = [];
  etags.forEach(function (tag) {
    var parts = tag.split('/');
    for (var n = parts.length; n >= 1; n--) {
      var candidate = '#' + parts.slice(0, n).join('/');
      if (result.indexOf(candidate) < 0) result.push(candidate);
    }
  });
  return result;
}

var tagsByPath = new Map();
function tagsOf(page) {
  if (!tagsByPath.has(page.path)) tagsByPath.set(page.path, expandTags(page.etags));
  return tagsByPath.get(page.path);
}

/** Frontmatter as Dataview reads it: '[[x]]' strings become links, ISO date strings become dates. */
function frontmatterValue(value, originPath) {
  if (Array.isArray(value)) return value.map(function (v) { return frontmatterValue(v, originPath); });
  if (value && typeof value === 'object') {
    var object = {};
    Object.keys(value).forEach(function (key) { object[key] = frontmatterValue(value[key], originPath); });
    return object;
  }
  if (typeof value !== 'string') return value;
  var link = /^(!?)\[\[([^\[\]]*?)\]\]$/.exec(value.trim());
  if (link) {
    var bar = link[2].indexOf('|');
    var target = bar >= 0 ? link[2].slice(0, bar) : link[2];
    var display = bar >= 0 ? link[2].slice(bar + 1) : undefined;
    var parsed = Link.infer(target, link[1] === '!', display);
    var resolved = resolveLinkpath(parsed.path, originPath);
    return resolved ? parsed.withPath(resolved.path) : parsed;
  }
  var ts = /^\d{4}-\d{2}-\d{2}/.test(value) ? parseIsoMillis(value) : undefined;
  return ts === undefined ? value : new DateTime(ts);
}

/** A value the host typed (snapshot-values.ts): tagged dates, durations and links become sandbox values. */
function decodeValue(value) {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null || typeof value !== 'object') return value;
  if ('$date' in value) return new DateTime(value.$date);
  if ('$duration' in value) return new Duration(value.$duration, value.$text);
  if ('$link' in value) return new Link(value.$link);
  var object = {};
  Object.keys(value).forEach(function (key) { object[key] = decodeValue(value[key]); });
  return object;
}

/** A list item or task: its children, tags and links are data arrays, as in Dataview. */
function decodeListItem(item) {
  var wrap = function (o) {
    o.children = wrapDataArray((o.children || []).map(wrap));
    o.subtasks = o.children;
    if (Array.isArray(o.tags)) o.tags = wrapDataArray(o.tags);
    if (Array.isArray(o.outlinks)) o.outlinks = wrapDataArray(o.outlinks);
    return o;
  };
  return wrap(decodeValue(item));
}

/** List items come from the host when a block first reads them (most never do), then stay, frozen, for every block. */
var listsByPath = new Map();
function listsOf(path) {
  if (!listsByPath.has(path)) {
    var items = askHost({ op: 'lists', path: path }).map(decodeListItem);
    var entry = { lists: wrapDataArray(items), tasks: wrapDataArray(items.filter(function (item) { return item.task; })) };
    freezeData(entry.lists);
    freezeData(entry.tasks);
    listsByPath.set(path, entry);
  }
  return listsByPath.get(path);
}
function fileListsGetter() { return listsOf(this.path).lists; }
function fileTasksGetter() { return listsOf(this.path).tasks; }

/** One getter per label, shared by every object that has the field (page objects must not carry closures of their own). */
var unsupportedGetters = new Map();
function unsupportedField(object, key, label) {
  if (!unsupportedGetters.has(label)) {
    unsupportedGetters.set(label, function () { throw new Error(label + ' is not supported by tsunagu'); });
  }
  Object.defineProperty(object, key, { enumerable: false, get: unsupportedGetters.get(label) });
}

/**
 * A Dataview page object. Built once per build and shared by every block, so frozen with freezeData (isolation.ts):
 * plain data, class instances and data arrays only, whose prototypes and getters are shared and hardened.
 */
function buildPageObject(page) {
  var fm = page.frontmatter || {};
  var ctime = new DateTime(page.ctime);
  var mtime = new DateTime(page.mtime);
  var aliasKey = Object.keys(fm).find(function (k) { return /^alias(es)?$/i.test(k); });
  var aliases = aliasKey === undefined ? [] : [].concat(fm[aliasKey]).filter(function (a) { return typeof a === 'string'; });
  var file = {
    path: page.path,
    folder: page.folder,
    name: page.name,
    link: Link.file(page.path),
    outlinks: wrapDataArray(page.outlinks.map(function (l) { return new Link(l); })),
    // Only pages in the snapshot, even if the host passed more: a private page's name must not show.
    inlinks: wrapDataArray(page.inlinks.filter(function (p) { return pagesByPath.has(p); }).map(function (p) { return Link.file(p); })),
    etags: wrapDataArray(page.etags.map(function (t) { return '#' + t; })),
    tags: wrapDataArray(tagsOf(page).slice()),
    aliases: wrapDataArray(aliases),
    ctime: ctime,
    cday: ctime.startOf('day'),
    mtime: mtime,
    mday: mtime.startOf('day'),
    frontmatter: fm,
    ext: 'md'
  };
  var typed = page.typed || { fields: {} };
  if (typed.day) file.day = decodeValue(typed.day);
  Object.defineProperty(file, 'lists', { enumerable: true, get: fileListsGetter });
  Object.defineProperty(file, 'tasks', { enumerable: true, get: fileTasksGetter });
  // Without a size from the host, say so rather than answer wrongly.
  if (typeof page.size === 'number') file.size = page.size;
  else unsupportedField(file, 'size', 'file.size');
  var result = { file: file };
  Object.keys(typed.fields).forEach(function (key) { result[key] = decodeValue(typed.fields[key]); });
  return result;
}

var pageObjects = new Map();
snapshotPages.forEach(function (page) { pageObjects.set(page, buildPageObject(page)); });
function pageObject(page) { return pageObjects.get(page); }
var sharedPageObjectSet = new Set(pageObjects.values());
function isSharedPageObject(value) { return sharedPageObjectSet.has(value); }
`;
