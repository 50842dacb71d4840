// Sandbox source: the `dv` object a block sees, and its output recorded as JSON for the host to render.
export const API_JS = String.raw`
var HEADER_TAGS = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' };
var UNSUPPORTED = ['queryMarkdown', 'tryQueryMarkdown', 'evaluate', 'tryEvaluate',
  'literal', 'container', 'app', 'component', 'index', 'api', 'settings', 'evaluationContext', 'func'];
// Elements that act on the vault or the app when used (buttons, inputs): shown as a notice, once per block.
var APP_ONLY_TAGS = new Set(['button', 'input', 'select', 'textarea', 'form']);
// Deeper values render as '...', like Dataview's maxRecursiveRenderDepth; one spare level for the host's cut.
var MAX_OUTPUT_DEPTH = 6;

function className(value) {
  var proto = Object.getPrototypeOf(value);
  return proto && proto.constructor && proto.constructor.name;
}

function markdownValue(text) {
  return { t: 'md', s: text };
}

/** A value as JSON for the host renderer. */
function outputValue(value, originPath, depth) {
  if (depth > MAX_OUTPUT_DEPTH) return { t: 'more' };
  if (value === null || value === undefined) return { t: 'null' };
  if (typeof value === 'string') return markdownValue(value);
  if (typeof value === 'number' || typeof value === 'boolean') return { t: 'num', s: String(value) };
  if (typeof value === 'function') return { t: 'text', s: '<function>' };
  if (isDate(value)) return { t: 'text', s: renderMinimalDate(value) };
  if (isDuration(value)) return { t: 'text', s: value.text };
  if (value instanceof ListPairWidget) {
    return { t: 'pair', key: outputValue(value.key, originPath, depth), value: outputValue(value.value, originPath, depth) };
  }
  if (isLink(value)) {
    var page = resolveLinkpath(value.path, originPath);
    var link = { t: 'link', path: page ? page.path : null, text: value.text() };
    if (value.type !== 'file' && value.subpath) link.subpath = value.subpath;
    return link;
  }
  if (Array.isArray(value)) {
    return { t: 'array', items: Array.from(value).map(function (v) { return outputValue(v, originPath, depth + 1); }) };
  }
  if (typeof value === 'object') {
    var name = className(value);
    if (name && name !== 'Object') return { t: 'text', s: '<' + name + '>' };
    return { t: 'object', entries: Object.keys(value).map(function (k) { return [k, outputValue(value[k], originPath, depth + 1)]; }) };
  }
  return { t: 'text', s: String(value) };
}

/** dv.io.normalize: '/x' is vault-root; otherwise next to the origin note when a file is there, else as given. */
function normalizeIoPath(path, originPath) {
  var text = isLink(path) ? path.path : String(path);
  if (text.charAt(0) === '/') return text.slice(1);
  var slash = originPath.lastIndexOf('/');
  var relative = slash >= 0 ? originPath.slice(0, slash) + '/' + text : text;
  return readVaultFile(relative) !== undefined ? relative : text;
}

/** A CSV line split on commas outside double quotes ("" is a quote). */
function csvCells(line) {
  var cells = [], cell = '', quoted = false;
  for (var i = 0; i < line.length; i++) {
    var c = line.charAt(i);
    if (quoted && c === '"' && line.charAt(i + 1) === '"') { cell += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

function csvValue(text) {
  var t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return frontmatterValue(t, '');
}

var AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;

/** A query answer's values as sandbox values (tasks as list items, with data-array children). */
function decodeQueryValue(value) {
  if (value.type === 'task') {
    value.values = value.values.map(function (v) {
      return 'rows' in v ? { key: decodeValue(v.key), rows: wrapDataArray(v.rows.map(decodeListItem)) } : decodeListItem(v);
    });
    return value;
  }
  return decodeValue(value);
}

/** The task tree Dataview's task views draw; a task inside a listed task's subtree is not listed again. */
function taskTree(tasks) {
  var listed = new Set(tasks.map(function (t) { return t.path + ':' + t.line; }));
  var item = function (t) {
    return { text: markdownValue(String(t.text || '')), task: !!t.task, status: typeof t.status === 'string' ? t.status : ' ',
      children: Array.from(t.children || []).map(item) };
  };
  return tasks.filter(function (t) { return t.parent === undefined || !listed.has(t.path + ':' + t.parent); }).map(item);
}

/** Dataview's markdown export: cells as text, null as \-, pipes escaped. */
function markdownCell(v) {
  return (v === null || v === undefined ? '\\-' : valueToString(v)).split('|').join('\\|').split('\n').join(' ');
}

function classList(cls) {
  if (cls === undefined || cls === null) return [];
  return (Array.isArray(cls) ? Array.from(cls) : [cls]).map(String);
}

function attributeMap(attr) {
  var result = {};
  if (attr && typeof attr === 'object') Object.keys(attr).forEach(function (k) { result[k] = String(attr[k]); });
  return result;
}

function createDv(currentPath) {
  var output = [];
  var value = function (v) { return outputValue(v, currentPath, 0); };
  var appNotices = new Set();
  var dv = {
    currentFilePath: currentPath,
    luxon: { DateTime: DateTime, Duration: Duration },
    widget: { listPair: function (key, v) { return new ListPairWidget(key, v); } },
    value: {
      typeOf: typeOf, compareValue: compareValue, toString: function (v) { return valueToString(v); },
      isLink: isLink, isDate: isDate, isArray: function (v) { return Array.isArray(v); },
      isString: function (v) { return typeof v === 'string'; }, isNumber: function (v) { return typeof v === 'number'; },
      isBoolean: function (v) { return typeof v === 'boolean'; }, isNull: function (v) { return v === null || v === undefined; },
      isObject: function (v) { return typeOf(v) === 'object'; }
    },
    current: function () { return dv.page(currentPath); },
    page: function (path) {
      if (typeof path !== 'string' && !isLink(path)) {
        throw new Error("dv.page only handles string and link paths; was provided type '" + typeof path + "'");
      }
      var page = resolveLinkpath(isLink(path) ? path.path : path, currentPath);
      return page ? pageObject(page) : undefined;
    },
    pages: function (query) { return lazySourcePages(query, currentPath); },
    pagePaths: function (query) { return wrapDataArray(pagesForQuery(query, currentPath).map(function (p) { return p.path; })); },
    array: toDataArray,
    isArray: function (raw) { return Array.isArray(raw); },
    isDataArray: isDataArray,
    fileLink: function (path, embed, display) { return Link.file(path, embed, display); },
    sectionLink: function (path, section, embed, display) { return Link.header(path, section, embed, display); },
    blockLink: function (path, blockId, embed, display) { return Link.block(path, blockId, embed, display); },
    date: function (pathlike) {
      if (isDate(pathlike)) return pathlike;
      if (isLink(pathlike)) { var page = dv.page(pathlike); return page && page.file.day ? page.file.day : null; }
      var text = String(pathlike).trim();
      if (text === 'now') return DateTime.now();
      if (text === 'today') return DateTime.now().startOf('day');
      if (text === 'yesterday') return DateTime.now().startOf('day').minus({ days: 1 });
      if (text === 'tomorrow') return DateTime.now().startOf('day').plus({ days: 1 });
      var ts = parseIsoMillis(text);
      return ts === undefined ? null : new DateTime(ts);
    },
    compare: compareValue,
    equal: function (a, b) { return compareValue(a, b) === 0; },
    clone: function (v) { return v === undefined ? v : frontmatterValue(JSON.parse(JSON.stringify(v)), currentPath); },
    el: function (tag, text, options) {
      var name = String(tag).toLowerCase();
      if (APP_ONLY_TAGS.has(name)) {
        if (!appNotices.has(name)) output.push({ kind: 'notice', text: "dv.el('" + name + "') works only inside Obsidian: it is not shown here." });
        appNotices.add(name);
        return;
      }
      if (!SAFE_TAGS.has(name)) throw new Error("dv.el('" + tag + "') is not supported by tsunagu: only text elements are");
      var o = options || {};
      output.push({ kind: 'el', tag: name, value: value(text), cls: classList(o.cls), attr: attributeMap(o.attr) });
    },
    header: function (level, text, options) {
      var tag = HEADER_TAGS[level];
      if (!tag) throw new Error("Unrecognized level '" + level + "' (expected 1, 2, 3, 4, 5, or 6)");
      return dv.el(tag, text, options);
    },
    paragraph: function (text, options) { return dv.el('p', text, options); },
    span: function (text, options) { return dv.el('span', text, options); },
    list: function (values) {
      if (!values) return;
      output.push({ kind: 'list', items: Array.from(values).map(value) });
    },
    io: {
      normalize: function (path, origin) { return normalizeIoPath(path, origin || currentPath); },
      load: function (path, origin) { return Promise.resolve(readVaultFile(normalizeIoPath(path, origin || currentPath))); },
      csv: function (path, origin) {
        var file = normalizeIoPath(path, origin || currentPath);
        var text = readVaultFile(file);
        if (text === undefined) return Promise.reject(new Error('Could not find CSV for path ' + file));
        var lines = text.split(/\r?\n/).filter(function (l) { return l.trim() !== '' && l.charAt(0) !== '#'; });
        var header = lines.length ? csvCells(lines[0]).map(function (h) { return h.trim(); }) : [];
        return Promise.resolve(wrapDataArray(lines.slice(1).map(function (line) {
          var cells = csvCells(line), row = {};
          header.forEach(function (key, i) { row[key] = cells[i] === undefined ? null : csvValue(cells[i]); });
          return row;
        })));
      }
    },
    view: async function (name, input) {
      var base = String(name).replace(/^\/+/, '').replace(/\.js$/, '');
      var script = readVaultFile(base + '.js'), css, path = base + '.js';
      if (script === undefined) {
        path = base + '/view.js';
        script = readVaultFile(path);
        css = script === undefined ? undefined : readVaultFile(base + '/view.css');
      }
      if (script === undefined) throw new Error("Dataview: custom view not found for '" + base + ".js' or '" + base + "/view.js'.");
      if (css !== undefined) output.push({ kind: 'style', css: css });
      var result;
      try {
        var view = (script.indexOf('await') >= 0 ? AsyncFunction : Function)('dv', 'input', script);
        result = await view(api, input);
      } catch (error) {
        throw new Error("Dataview: Failed to execute view '" + path + "'. " + (error && error.message ? error.message : String(error)));
      }
      if (result) dv.span(result);
    },
    query: function (dql, origin) {
      var answer = askHost({ op: 'query', dql: String(dql), origin: origin ? String(origin) : currentPath });
      return Promise.resolve(answer.successful ? { successful: true, value: decodeQueryValue(answer.value) } : answer);
    },
    tryQuery: async function (dql, origin) {
      var result = await dv.query(dql, origin);
      if (!result.successful) throw new Error(result.error);
      return result.value;
    },
    execute: function (dql) {
      var answer = askHost({ op: 'execute', dql: String(dql), origin: currentPath });
      if (!answer.successful) throw new Error('Dataview: ' + answer.error);
      answer.blocks.forEach(function (block) { output.push(block); });
    },
    executeJs: function (code) { return AsyncFunction('dv', 'dataview', String(code))(api, api); },
    parse: function (text) { return decodeValue(askHost({ op: 'parse', text: String(text) })); },
    duration: function (text) {
      if (isDuration(text)) return text;
      var parsed = dv.parse(String(text));
      return isDuration(parsed) ? parsed : null;
    },
    taskList: function (tasks, groupByFile) {
      var list = Array.from(tasks || []);
      var groups;
      if (list.length && list[0] && 'rows' in list[0] && 'key' in list[0]) {
        groups = list.map(function (g) { return { key: value(g.key), count: Array.from(g.rows).length, items: taskTree(Array.from(g.rows)) }; });
      } else if (groupByFile === false) {
        groups = [{ items: taskTree(list) }];
      } else {
        var byPath = new Map();
        list.forEach(function (t) { if (!byPath.has(t.path)) byPath.set(t.path, []); byPath.get(t.path).push(t); });
        groups = Array.from(byPath.entries()).map(function (e) { return { key: value(Link.file(e[0])), count: e[1].length, items: taskTree(e[1]) }; });
      }
      output.push({ kind: 'tasks', groups: groups });
    },
    markdownTable: function (headers, rows) {
      var head = Array.from(headers || []).map(markdownCell);
      var body = Array.from(rows || []).map(function (row) { return Array.from(row).map(markdownCell); });
      body.forEach(function (row) { if (row.length !== head.length) throw new Error('Dataview: markdownTable: every row needs ' + head.length + ' cells'); });
      var widths = head.map(function (h, i) { return Math.max(h.length, 1, Math.max.apply(null, body.map(function (r) { return r[i].length; }).concat([0]))); });
      var line = function (cells) { return '| ' + cells.map(function (c, i) { return c + ' '.repeat(widths[i] - c.length); }).join(' | ') + ' |'; };
      return [line(head), line(widths.map(function (w) { return '-'.repeat(w); }))].concat(body.map(line)).join('\n');
    },
    markdownList: function (values) {
      return Array.from(values || []).map(function (v) { return '- ' + markdownCell(v); }).join('\n');
    },
    markdownTaskList: function (tasks) {
      var lines = [];
      var walk = function (t, depth) {
        lines.push(' '.repeat(4 * depth) + '- [' + (typeof t.status === 'string' ? t.status : ' ') + '] ' + String(t.text || ''));
        Array.from(t.children || []).forEach(function (c) { walk(c, depth + 1); });
      };
      var listed = new Set(Array.from(tasks || []).map(function (t) { return t.path + ':' + t.line; }));
      Array.from(tasks || []).filter(function (t) { return t.parent === undefined || !listed.has(t.path + ':' + t.parent); }).forEach(function (t) { walk(t, 0); });
      return lines.join('\n');
    },
    table: function (headers, rows) {
      output.push({
        kind: 'table',
        headers: Array.from(headers || []).map(function (h) { return markdownValue(String(h)); }),
        rows: Array.from(rows || []).map(function (row) { return (Array.isArray(row) ? Array.from(row) : [row]).map(value); })
      });
    }
  };
  UNSUPPORTED.forEach(function (key) { unsupportedField(dv, key, 'dv.' + key); });
  var api = new Proxy(dv, {
    get: function (target, key) {
      if (typeof key === 'string' && !(key in target) && key !== 'then') throw new Error('dv.' + key + ' is not supported by tsunagu');
      return target[key];
    }
  });
  return { dv: api, output: function () { return JSON.stringify(output); } };
}
`;
