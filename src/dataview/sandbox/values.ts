// Sandbox source (runs inside QuickJS, not on the host): Dataview's value types — Link, a Luxon-like DateTime,
// and Dataview's total ordering over values. Plain ES2020 in a string; no backticks or template holes inside.
export const VALUES_JS = String.raw`
var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
var WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pad(value, width) {
  var text = String(Math.abs(value));
  while (text.length < width) text = '0' + text;
  return (value < 0 ? '-' : '') + text;
}

/** Epoch ms of a wall-clock time in the author's zone (two passes settle DST edges). */
function localToMillis(year, month, day, hour, minute, second, millisecond) {
  var wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  var ts = wall - zoneOffset(wall) * 60000;
  return wall - zoneOffset(ts) * 60000;
}

var ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch ms of an ISO-like date string (no zone = the author's zone), or undefined. */
function parseIsoMillis(text) {
  var m = ISO_DATE.exec(String(text).trim());
  if (!m) return undefined;
  var parts = [1, 2, 3, 4, 5, 6, 7].map(function (i) { return m[i] === undefined ? 0 : Number(m[i]); });
  var month = parts[1], day = m[3] === undefined ? 1 : parts[2];
  if (month < 1 || month > 12 || day < 1 || day > 31 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return undefined;
  var ms = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
  if (m[8] === undefined) return localToMillis(parts[0], month, day, parts[3], parts[4], parts[5], ms);
  var wall = Date.UTC(parts[0], month - 1, day, parts[3], parts[4], parts[5], ms);
  if (m[8] === 'Z') return wall;
  var zone = /([+-])(\d{2}):?(\d{2})?/.exec(m[8]);
  var offset = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3] || 0));
  return wall - offset * 60000;
}

class DateTime {
  constructor(ts) {
    var offset = zoneOffset(ts);
    var wall = new Date(ts + offset * 60000);
    this.ts = ts;
    this.offset = offset;
    this.year = wall.getUTCFullYear();
    this.month = wall.getUTCMonth() + 1;
    this.day = wall.getUTCDate();
    this.hour = wall.getUTCHours();
    this.minute = wall.getUTCMinutes();
    this.second = wall.getUTCSeconds();
    this.millisecond = wall.getUTCMilliseconds();
    this.weekday = ((wall.getUTCDay() + 6) % 7) + 1;
  }
  static fromMillis(ms) { return new DateTime(Number(ms)); }
  static fromJSDate(date) { return new DateTime(date.getTime()); }
  static now() { return new DateTime(Date.now()); }
  static utc(year, month, day, hour, minute, second, millisecond) {
    if (year === undefined) return new DateTime(Date.now());
    return new DateTime(Date.UTC(year, (month || 1) - 1, day || 1, hour || 0, minute || 0, second || 0, millisecond || 0));
  }
  static local() { return DateTime.now(); }
  static fromISO(text) {
    var ts = parseIsoMillis(text);
    if (ts === undefined) throw new Error('DateTime.fromISO: "' + text + '" is not an ISO date');
    return new DateTime(ts);
  }
  static fromObject(o) {
    return new DateTime(localToMillis(o.year, o.month || 1, o.day || 1, o.hour || 0, o.minute || 0, o.second || 0, o.millisecond || 0));
  }
  get isValid() { return true; }
  toMillis() { return this.ts; }
  valueOf() { return this.ts; }
  toJSDate() { return new Date(this.ts); }
  toISODate() { return pad(this.year, 4) + '-' + pad(this.month, 2) + '-' + pad(this.day, 2); }
  toISO() { return this.toISODate() + 'T' + this.toFormat('HH:mm:ss.SSSZZ'); }
  toString() { return this.toISO(); }
  toJSON() { return this.toISO(); }
  toLocaleString() { return this.toFormat('M/d/yyyy'); }
  equals(other) { return other instanceof DateTime && other.ts === this.ts; }
  set(values) {
    var o = { year: this.year, month: this.month, day: this.day, hour: this.hour, minute: this.minute, second: this.second, millisecond: this.millisecond };
    for (var key in values) o[key] = values[key];
    return DateTime.fromObject(o);
  }
  startOf(unit) {
    var units = ['year', 'month', 'day', 'hour', 'minute', 'second'];
    var keep = units.indexOf(unit);
    if (keep < 0) throw new Error('DateTime.startOf: unsupported unit "' + unit + '"');
    var o = { year: this.year, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    for (var i = 1; i <= keep; i++) o[units[i]] = this[units[i]];
    return DateTime.fromObject(o);
  }
  plus(duration) { return this.shift(duration, 1); }
  minus(duration) { return this.shift(duration, -1); }
  shift(duration, sign) {
    var d = typeof duration === 'number' ? { milliseconds: duration } : duration;
    var o = { year: this.year + sign * (d.years || 0), month: this.month + sign * (d.months || 0), day: this.day + sign * ((d.days || 0) + 7 * (d.weeks || 0)) };
    var calendar = localToMillis(o.year, o.month, o.day, this.hour, this.minute, this.second, this.millisecond);
    var clock = (d.hours || 0) * 3600000 + (d.minutes || 0) * 60000 + (d.seconds || 0) * 1000 + (d.milliseconds || 0);
    return new DateTime(calendar + sign * clock);
  }
  toFormat(format) {
    var self = this;
    var zone = function (colon) {
      var o = Math.abs(self.offset);
      return (self.offset < 0 ? '-' : '+') + pad(Math.floor(o / 60), 2) + (colon ? ':' : '') + pad(o % 60, 2);
    };
    var tokens = {
      yyyy: function () { return pad(self.year, 4); }, yy: function () { return pad(self.year % 100, 2); }, y: function () { return String(self.year); },
      MMMM: function () { return MONTHS[self.month - 1]; }, MMM: function () { return MONTHS[self.month - 1].slice(0, 3); },
      MM: function () { return pad(self.month, 2); }, M: function () { return String(self.month); },
      LLLL: function () { return MONTHS[self.month - 1]; }, LLL: function () { return MONTHS[self.month - 1].slice(0, 3); },
      LL: function () { return pad(self.month, 2); }, L: function () { return String(self.month); },
      dd: function () { return pad(self.day, 2); }, d: function () { return String(self.day); },
      EEEE: function () { return WEEKDAYS[self.weekday - 1]; }, EEE: function () { return WEEKDAYS[self.weekday - 1].slice(0, 3); },
      E: function () { return String(self.weekday); },
      HH: function () { return pad(self.hour, 2); }, H: function () { return String(self.hour); },
      hh: function () { return pad(self.hour % 12 || 12, 2); }, h: function () { return String(self.hour % 12 || 12); },
      mm: function () { return pad(self.minute, 2); }, m: function () { return String(self.minute); },
      ss: function () { return pad(self.second, 2); }, s: function () { return String(self.second); },
      SSS: function () { return pad(self.millisecond, 3); },
      a: function () { return self.hour < 12 ? 'AM' : 'PM'; },
      ZZ: function () { return zone(true); }, Z: function () { return zone(false); }
    };
    return String(format).replace(/'([^']*)'|yyyy|yy|y|MMMM|MMM|MM|M|LLLL|LLL|LL|L|dd|d|EEEE|EEE|E|HH|H|hh|h|mm|m|ss|s|SSS|a|ZZ|Z/g, function (token, quoted) {
      return quoted !== undefined ? quoted : tokens[token]();
    });
  }
}

/** How Dataview shows a date: date only at midnight, else time and date. */
function renderMinimalDate(date) {
  if (date.hour === 0 && date.minute === 0 && date.second === 0) return date.toFormat('MMMM dd, yyyy');
  return date.toFormat('h:mm a - MMMM dd, yyyy');
}

function fileTitle(path) {
  var name = path.slice(path.lastIndexOf('/') + 1);
  return /\.md$/i.test(name) ? name.slice(0, -3) : name;
}

class Link {
  constructor(fields) {
    this.path = fields.path;
    this.display = fields.display;
    this.subpath = fields.subpath;
    this.embed = !!fields.embed;
    this.type = fields.type || 'file';
  }
  static file(path, embed, display) { return new Link({ path: path, embed: embed, display: display, type: 'file' }); }
  static header(path, header, embed, display) { return new Link({ path: path, subpath: header, embed: embed, display: display, type: 'header' }); }
  static block(path, blockId, embed, display) { return new Link({ path: path, subpath: blockId, embed: embed, display: display, type: 'block' }); }
  static infer(linkpath, embed, display) {
    if (linkpath.indexOf('#^') >= 0) { var b = linkpath.split('#^'); return Link.block(b[0], b[1], embed, display); }
    if (linkpath.indexOf('#') >= 0) { var h = linkpath.split('#'); return Link.header(h[0], h.slice(1).join('#'), embed, display); }
    return Link.file(linkpath, embed, display);
  }
  equals(other) { return other instanceof Link && this.path === other.path && this.type === other.type && this.subpath === other.subpath; }
  toString() { return this.markdown(); }
  toObject() { return { path: this.path, type: this.type, subpath: this.subpath, display: this.display, embed: this.embed }; }
  withPath(path) { return new Link(Object.assign({}, this, { path: path })); }
  withDisplay(display) { return new Link(Object.assign({}, this, { display: display })); }
  withHeader(header) { return Link.header(this.path, header, this.embed, this.display); }
  toFile() { return Link.file(this.path, this.embed, this.display); }
  toEmbed() { return this.embed ? this : new Link(Object.assign({}, this, { embed: true })); }
  fromEmbed() { return this.embed ? new Link(Object.assign({}, this, { embed: false })) : this; }
  obsidianLink() {
    var escaped = this.path.split('|').join('\\|');
    if (this.type === 'header') return escaped + '#' + this.subpath;
    if (this.type === 'block') return escaped + '#^' + this.subpath;
    return escaped;
  }
  /** The text a rendered link shows: display, else the file name (plus ' > section'). */
  text() {
    if (this.display) return this.display;
    return fileTitle(this.path) + (this.type !== 'file' && this.subpath ? ' > ' + this.subpath : '');
  }
  markdown() { return (this.embed ? '!' : '') + '[[' + this.obsidianLink() + '|' + this.text() + ']]'; }
  fileName() { return fileTitle(this.path); }
}

/** Dataview's list-pair widget ('key: value' items of a LIST query with an expression). */
class ListPairWidget {
  constructor(key, value) { this.$widget = 'dataview:list-pair'; this.key = key; this.value = value; }
  markdown() { return valueToString(this.key) + ': ' + valueToString(this.value); }
}

/** A duration typed on the host (Dataview's grammar); it keeps its length and the text Dataview prints for it. */
var DURATION_MS = { milliseconds: 1, seconds: 1000, minutes: 60000, hours: 3600000, days: 86400000, weeks: 604800000, months: 2592000000, years: 31536000000 };

class Duration {
  constructor(ms, text) { this.ms = ms; this.text = text === undefined ? Duration.human(ms) : text; }
  static fromMillis(ms) { return new Duration(Number(ms)); }
  static fromObject(o) {
    var ms = 0;
    for (var key in o) { var unit = /s$/.test(key) ? key : key + 's'; if (DURATION_MS[unit]) ms += o[key] * DURATION_MS[unit]; }
    return new Duration(ms);
  }
  /** Days, hours, minutes and seconds, as Luxon's toHuman names them. */
  static human(ms) {
    var parts = [], rest = Math.abs(ms);
    [['day', 86400000], ['hour', 3600000], ['minute', 60000], ['second', 1000]].forEach(function (u) {
      var n = Math.floor(rest / u[1]);
      rest -= n * u[1];
      if (n) parts.push(n + ' ' + u[0] + (n === 1 ? '' : 's'));
    });
    return parts.join(', ');
  }
  plus(other) { return new Duration(this.ms + (other instanceof Duration ? other.ms : Duration.fromObject(other).ms)); }
  minus(other) { return new Duration(this.ms - (other instanceof Duration ? other.ms : Duration.fromObject(other).ms)); }
  toMillis() { return this.ms; }
  valueOf() { return this.ms; }
  as(unit) {
    var key = /s$/.test(unit) ? unit : unit + 's';
    if (!DURATION_MS[key]) throw new Error('Duration.as: unsupported unit "' + unit + '"');
    return this.ms / DURATION_MS[key];
  }
  toHuman() { return this.text; }
  toString() { return this.text; }
}

function isDate(value) { return value instanceof DateTime; }
function isDuration(value) { return value instanceof Duration; }
function isLink(value) { return value instanceof Link; }

/** Dataview's type names; values of different types order by these names. */
function typeOf(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (isDate(value)) return 'date';
  if (isDuration(value)) return 'duration';
  if (Array.isArray(value)) return 'array';
  if (isLink(value)) return 'link';
  if (typeof value === 'function') return 'function';
  if (typeof value === 'object') return 'object';
  return undefined;
}

/** Dataview's Values.compareValue: a total order over any values. */
function compareValue(a, b) {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null && b === null) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  var ta = typeOf(a), tb = typeOf(b);
  if (ta === undefined && tb === undefined) return 0;
  if (ta === undefined) return -1;
  if (tb === undefined) return 1;
  if (ta !== tb) return ta.localeCompare(tb);
  if (a === b) return 0;
  switch (ta) {
    case 'string': return a.localeCompare(b);
    case 'number': return a < b ? -1 : a === b ? 0 : 1;
    case 'boolean': return a === b ? 0 : a ? 1 : -1;
    case 'link': {
      var byPath = a.path.localeCompare(b.path);
      if (byPath !== 0) return byPath;
      var byType = a.type.localeCompare(b.type);
      if (byType !== 0) return byType;
      if (a.subpath && !b.subpath) return 1;
      if (!a.subpath && b.subpath) return -1;
      if (!a.subpath && !b.subpath) return 0;
      return a.subpath.localeCompare(b.subpath);
    }
    case 'date': return a.ts < b.ts ? -1 : a.ts === b.ts ? 0 : 1;
    case 'duration': return a.ms < b.ms ? -1 : a.ms === b.ms ? 0 : 1;
    case 'array': {
      for (var i = 0; i < Math.min(a.length, b.length); i++) {
        var c = compareValue(a[i], b[i]);
        if (c !== 0) return c;
      }
      return a.length - b.length;
    }
    case 'object': {
      var ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
      var byKeys = compareValue(ka, kb);
      if (byKeys !== 0) return byKeys;
      for (var k = 0; k < ka.length; k++) {
        var v = compareValue(a[ka[k]], b[ka[k]]);
        if (v !== 0) return v;
      }
      return 0;
    }
    default: return 0;
  }
}

/** Dataview's Values.toString (used by DataArray.join). */
function valueToString(value, nested) {
  var type = typeOf(value);
  if (type === 'null' || type === undefined) return '-';
  if (type === 'string') return value;
  if (type === 'number' || type === 'boolean') return String(value);
  if (type === 'link') return value.markdown();
  if (type === 'function') return '<function>';
  if (type === 'duration') return value.text;
  if (type === 'date') return value.hour === 0 && value.minute === 0 && value.second === 0 ? value.toFormat('MMMM dd, yyyy') : value.toFormat('h:mm a - MMMM dd, yyyy');
  if (type === 'array') {
    var inner = Array.from(value).map(function (v) { return valueToString(v, true); }).join(', ');
    return nested ? '[' + inner + ']' : inner;
  }
  return '{ ' + Object.keys(value).map(function (k) { return k + ': ' + valueToString(value[k], true); }).join(', ') + ' }';
}
`;
