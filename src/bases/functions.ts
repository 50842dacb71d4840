// Bases' function library: global functions, fields and methods by receiver type (any, string, number, date,
// duration, list, link, file, object, regexp), as obsidian-bases.md §7 lists them.
import type { CallArgs, CallHost } from './calls';
import { formatMoment, parseDuration, relativeTime, startOfDay } from './dates';
import { linkedIds, linkValue, propertiesOf, propertyOf } from './snapshot';
import {
  compare,
  DateValue,
  DAY_MS,
  DurationValue,
  describe,
  type Entry,
  equals,
  ErrorValue,
  FileValue,
  fail,
  isEmpty,
  isObject,
  LinkValue,
  numberOf,
  parseDateValue,
  RenderValue,
  RowValue,
  toText,
  truthy,
  typeName,
  type Value,
} from './values';

export function callGlobal(ev: CallHost, name: string, args: CallArgs): Value {
  const { snapshot, now, baseFile } = ev.options;
  switch (name) {
    case 'if':
      return truthy(args.at(0)) ? args.at(1) : args.at(2);
    case 'now':
      return new DateValue(now, true);
    case 'today':
      return startOfDay(new DateValue(now, false));
    case 'date': {
      const v = args.at(0);
      if (v instanceof DateValue) return v;
      if (typeof v === 'number') return new DateValue(v, true);
      const d = typeof v === 'string' ? parseDateValue(v) : undefined;
      return d ?? fail(`date(${describe(v)}): not a date (write "YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss")`);
    }
    case 'duration': {
      const v = args.at(0);
      return v instanceof DurationValue ? v : parseDuration(toText(v));
    }
    case 'number': {
      const v = args.at(0);
      return v === null ? null : numberOf(v);
    }
    case 'list': {
      const v = args.at(0);
      return Array.isArray(v) ? v : v === null ? [] : [v];
    }
    case 'link': {
      const target = args.at(0);
      const shown = args.exprs.length > 1 ? args.at(1) : null;
      // `link(x, icon("…"))`: icons render as nothing, so the link keeps its own text.
      const display = shown === null || (shown instanceof RenderValue && shown.kind === 'icon') ? undefined : toText(shown);
      if (target instanceof FileValue || target instanceof RowValue) return new LinkValue(target.entry.id, display, target.entry.id);
      if (target instanceof LinkValue) return new LinkValue(target.target, display ?? target.display, target.id);
      const text = toText(target);
      if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return new LinkValue(text, display, undefined);
      const inner = /^\[\[(.+)\]\]$/.exec(text.trim())?.[1] ?? text;
      const link = linkValue(snapshot, baseFile, inner);
      return display === undefined ? link : new LinkValue(link.target, display, link.id);
    }
    case 'file': {
      const entry = fileOf(ev, args.at(0));
      return entry ? new FileValue(entry) : null;
    }
    case 'image':
      return new RenderValue('image', imageSource(args.at(0)));
    case 'icon':
      return new RenderValue('icon', toText(args.at(0)));
    case 'html':
      return new RenderValue('html', toText(args.at(0)));
    case 'escapeHTML':
      return toText(args.at(0)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    case 'max':
    case 'min': {
      const numbers = args
        .all()
        .flat()
        .filter((v) => v !== null)
        .map(numberOf);
      return numbers.length ? (name === 'max' ? Math.max(...numbers) : Math.min(...numbers)) : null;
    }
    case 'random':
      return ev.random();
    // The first Bases beta's functions, still in real `.base` files: contains(x, y), not(x), concat(…).
    case 'contains': {
      const haystack = args.at(0);
      const needle = legacyLink(ev, args.at(1));
      if (Array.isArray(haystack)) return haystack.some((v) => equals(v, needle));
      return haystack === null ? false : toText(haystack).includes(toText(needle));
    }
    case 'not':
      return !truthy(args.at(0));
    case 'concat':
      return args.all().map(toText).join('');
  }
  fail(`unknown function ${name}()`);
}

/** `"[[X]]"` as the first beta compared it: the link it writes (so it equals a property's link to X). */
function legacyLink(ev: CallHost, v: Value): Value {
  const inner = typeof v === 'string' ? /^\[\[(.+)\]\]$/.exec(v.trim())?.[1] : undefined;
  return inner ? linkValue(ev.options.snapshot, ev.options.baseFile, inner) : v;
}

function imageSource(v: Value): string {
  if (v instanceof FileValue || v instanceof RowValue) return v.entry.id;
  if (v instanceof LinkValue) return v.id ?? v.target;
  return toText(v);
}

/** The snapshot file a value names (a file, a resolved link, a path); undefined for missing or private files. */
function fileOf(ev: CallHost, v: Value): Entry | undefined {
  const { snapshot, baseFile } = ev.options;
  if (v instanceof FileValue || v instanceof RowValue) return v.entry;
  if (v instanceof LinkValue) return v.id ? snapshot.byId.get(v.id) : undefined;
  if (typeof v === 'string') {
    const inner = /^\[\[(.+)\]\]$/.exec(v.trim())?.[1];
    if (inner) return fileOf(ev, linkValue(snapshot, baseFile, inner));
    return (
      snapshot.byId.get(v) ?? snapshot.byId.get(`${v}.md`) ?? (snapshot.resolve(baseFile, v) ? snapshot.byId.get(snapshot.resolve(baseFile, v)!) : undefined)
    );
  }
  return undefined;
}

/** `x.name` (no call): fields of dates, durations, files, rows, lists, strings, objects. */
export function memberOf(v: Value, name: string, ev: CallHost): Value {
  const { snapshot } = ev.options;
  if (v === null) return null;
  if (v instanceof ErrorValue) fail(v.message);
  if (v instanceof RowValue) {
    if (name === 'file') return new FileValue(v.entry);
    if (name === 'note') return propertiesOf(snapshot, v.entry);
    if (name === 'formula') return Object.fromEntries([...ev.options.formulas.keys()].map((f) => [f, ev.formula(f, v.entry)]));
    return propertyOf(snapshot, v.entry, name);
  }
  if (v instanceof FileValue) return fileField(v, name, ev);
  // A resolved link reads like its file's row (`author.file.name`, `author.born`).
  if (v instanceof LinkValue) {
    const entry = v.id ? snapshot.byId.get(v.id) : undefined;
    if (name === 'length') return toText(v).length;
    return entry ? memberOf(new RowValue(entry), name, ev) : null;
  }
  if (v instanceof DateValue) {
    const d = new Date(v.ms);
    const fields: Record<string, number> = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    };
    if (Object.hasOwn(fields, name)) return fields[name];
    fail(`a date has no field “${name}” (year, month, day, hour, minute, second, millisecond)`);
  }
  if (v instanceof DurationValue) {
    const sizes: Record<string, number> = {
      years: 365.25 * DAY_MS,
      months: (365.25 / 12) * DAY_MS,
      weeks: 7 * DAY_MS,
      days: DAY_MS,
      hours: 3_600_000,
      minutes: 60_000,
      seconds: 1000,
      milliseconds: 1,
    };
    if (Object.hasOwn(sizes, name)) return v.totalMs / sizes[name];
    fail(`a duration has no field “${name}” (years, months, weeks, days, hours, minutes, seconds, milliseconds)`);
  }
  if (name === 'length' && (typeof v === 'string' || Array.isArray(v))) return v.length;
  if (isObject(v)) return Object.hasOwn(v, name) ? v[name] : null;
  fail(`${describe(v)} has no field “${name}”`);
}

function fileField(v: FileValue, name: string, ev: CallHost): Value {
  const e = v.entry;
  switch (name) {
    case 'name':
      return e.name;
    case 'basename':
      return e.basename;
    case 'path':
      return e.id;
    case 'folder':
      return e.folder;
    case 'ext':
      return e.ext;
    case 'size':
      return e.size;
    case 'ctime':
      return new DateValue(e.ctime.getTime(), true);
    case 'mtime':
      return new DateValue(e.mtime.getTime(), true);
    case 'tags':
      return e.tags.map((t) => `#${t}`);
    case 'links':
      return e.links;
    case 'embeds':
      return e.embeds;
    case 'backlinks':
      return e.backlinks.map((id) => new LinkValue(id, undefined, id));
    case 'properties':
      return propertiesOf(ev.options.snapshot, e);
    case 'file':
      return v;
  }
  fail(`a file has no field “${name}”`);
}

type Method = (ev: CallHost, self: never, args: CallArgs) => Value;

const ANY: Record<string, Method> = {
  isTruthy: (_ev, self: Value) => truthy(self),
  isEmpty: (_ev, self: Value) => isEmpty(self),
  isType: (_ev, self: Value, args) => {
    const wanted = toText(args.at(0)).toLowerCase();
    const actual = typeName(self);
    return wanted === actual || (wanted === 'string' && self instanceof LinkValue) || (wanted === 'file' && actual === 'file');
  },
  toString: (_ev: CallHost, self: Value) => toText(self),
};

const STRING: Record<string, Method> = {
  contains: (_ev, self: string, args) => self.includes(toText(args.at(0))),
  containsAll: (_ev, self: string, args) => args.all().every((a) => self.includes(toText(a))),
  containsAny: (_ev, self: string, args) => args.all().some((a) => self.includes(toText(a))),
  startsWith: (_ev, self: string, args) => self.startsWith(toText(args.at(0))),
  endsWith: (_ev, self: string, args) => self.endsWith(toText(args.at(0))),
  lower: (_ev, self: string) => self.toLowerCase(),
  upper: (_ev, self: string) => self.toUpperCase(),
  title: (_ev, self: string) => self.replace(/(^|\s)(\p{L})/gu, (_m, space: string, c: string) => space + c.toUpperCase()),
  trim: (_ev, self: string) => self.trim(),
  reverse: (_ev, self: string) => [...self].reverse().join(''),
  repeat: (_ev, self: string, args) => {
    const n = numberOf(args.at(0));
    if (n < 0 || n > 10_000) fail('repeat(n) takes a count between 0 and 10000');
    return self.repeat(n);
  },
  replace: (_ev, self: string, args) => {
    const pattern = args.at(0);
    const replacement = toText(args.at(1));
    return pattern instanceof RegExp ? self.replace(pattern, replacement) : self.replaceAll(toText(pattern), () => replacement);
  },
  slice: (_ev, self: string, args) => self.slice(numberOf(args.at(0) ?? 0), args.exprs.length > 1 ? numberOf(args.at(1)) : undefined),
  split: (_ev, self: string, args) => {
    const sep = args.at(0);
    const parts = self.split(sep instanceof RegExp ? sep : toText(sep));
    return args.exprs.length > 1 ? parts.slice(0, numberOf(args.at(1))) : parts;
  },
};

const NUMBER: Record<string, Method> = {
  abs: (_ev, self: number) => Math.abs(self),
  ceil: (_ev, self: number) => Math.ceil(self),
  floor: (_ev, self: number) => Math.floor(self),
  round: (_ev, self: number, args) => {
    const digits = args.exprs.length ? numberOf(args.at(0)) : 0;
    const f = 10 ** digits;
    return Math.round(self * f) / f;
  },
  toFixed: (_ev, self: number, args) => {
    const digits = numberOf(args.at(0));
    if (digits < 0 || digits > 100) fail('toFixed(digits) takes 0 to 100 digits');
    return self.toFixed(digits);
  },
};

const DATE: Record<string, Method> = {
  date: (_ev, self: DateValue) => startOfDay(self),
  format: (_ev, self: DateValue, args) => formatMoment(self, toText(args.at(0))),
  time: (_ev, self: DateValue) => formatMoment(self, 'HH:mm:ss'),
  relative: (ev, self: DateValue) => relativeTime(self, ev.options.now, ev.options.locale),
  isEmpty: () => false,
};

const LIST: Record<string, Method> = {
  contains: (_ev, self: Value[], args) => {
    const x = args.at(0);
    return self.some((v) => equals(v, x));
  },
  // A list argument counts as its items: `tags.containsAny(this.file.tags)`.
  containsAll: (_ev, self: Value[], args) =>
    args
      .all()
      .flat()
      .every((x) => self.some((v) => equals(v, x))),
  containsAny: (_ev, self: Value[], args) =>
    args
      .all()
      .flat()
      .some((x) => self.some((v) => equals(v, x))),
  filter: (_ev, self: Value[], args) => self.filter((value, index) => truthy(args.with(0, { value, index }))),
  map: (_ev, self: Value[], args) => self.map((value, index) => args.with(0, { value, index })),
  reduce: (_ev, self: Value[], args) => self.reduce<Value>((acc, value, index) => args.with(0, { acc, value, index }), args.at(1)),
  flat: (_ev, self: Value[]) => self.flat() as Value[],
  join: (_ev, self: Value[], args) => self.map(toText).join(args.exprs.length ? toText(args.at(0)) : ','),
  reverse: (_ev, self: Value[]) => [...self].reverse(),
  slice: (_ev, self: Value[], args) => self.slice(numberOf(args.at(0) ?? 0), args.exprs.length > 1 ? numberOf(args.at(1)) : undefined),
  sort: (_ev, self: Value[]) => [...self].sort(sortCompare),
  unique: (_ev, self: Value[]) => self.filter((v, i) => self.findIndex((w) => equals(v, w)) === i),
  // Documented briefly in Nov 2025 and still used by the summaries example (`values.mean()`).
  sum: (_ev, self: Value[]) => numbers(self).reduce((a, b) => a + b, 0),
  mean: (_ev, self: Value[]) => mean(numbers(self)),
  average: (_ev, self: Value[]) => mean(numbers(self)),
  median: (_ev, self: Value[]) => median(numbers(self)),
  stddev: (_ev, self: Value[]) => stddev(numbers(self)),
  min: (_ev, self: Value[]) => extreme(numbers(self), -1),
  max: (_ev, self: Value[]) => extreme(numbers(self), 1),
  earliest: (_ev, self: Value[]) => extremeDate(self, -1),
  latest: (_ev, self: Value[]) => extremeDate(self, 1),
};

const LINK: Record<string, Method> = {
  asFile: (ev, self: LinkValue) => {
    const entry = self.id ? ev.options.snapshot.byId.get(self.id) : undefined;
    return entry ? new FileValue(entry) : null;
  },
  linksTo: (ev, self: LinkValue, args) => {
    const from = self.id ? ev.options.snapshot.byId.get(self.id) : undefined;
    const to = fileOf(ev, args.at(0));
    return Boolean(from && to && linkedIds(from).has(to.id));
  },
};

const FILE: Record<string, Method> = {
  asLink: (_ev, self: FileValue, args) => new LinkValue(self.entry.id, args.exprs.length ? toText(args.at(0)) : undefined, self.entry.id),
  hasLink: (ev, self: FileValue, args) => {
    const other = args.at(0);
    if (other === null) return false;
    const target = fileOf(ev, other);
    if (target) return linkedIds(self.entry).has(target.id);
    const text = toText(other);
    return [...self.entry.links, ...self.entry.embeds].some((l) => !l.id && l.target === text);
  },
  hasProperty: (_ev, self: FileValue, args) => {
    const name = toText(args.at(0)).toLowerCase();
    return Object.keys(self.entry.frontmatter).some((k) => k.toLowerCase() === name);
  },
  hasTag: (_ev, self: FileValue, args) => {
    const wanted = args
      .all()
      .flat()
      .map((t) => toText(t).replace(/^#/, '').toLowerCase());
    return self.entry.tags.some((tag) => {
      const t = tag.toLowerCase();
      return wanted.some((w) => t === w || t.startsWith(`${w}/`));
    });
  },
  inFolder: (_ev, self: FileValue, args) => {
    const folder = toText(args.at(0)).replace(/^\/+|\/+$/g, '');
    return folder === '' || self.entry.folder === folder || self.entry.folder.startsWith(`${folder}/`);
  },
};

const OBJECT: Record<string, Method> = {
  keys: (_ev, self: Record<string, Value>) => Object.keys(self),
  values: (_ev, self: Record<string, Value>) => Object.values(self),
};

const REGEXP: Record<string, Method> = {
  matches: (_ev, self: RegExp, args) => {
    self.lastIndex = 0;
    return self.test(toText(args.at(0)));
  },
};

export function callMethod(ev: CallHost, self: Value, name: string, args: CallArgs): Value {
  if (self instanceof ErrorValue) fail(self.message);
  const method = own(methodsFor(self), name) ?? own(ANY, name);
  if (method) return method(ev, self as never, args);
  // Links and rows are strings and files too (`file.embeds[0].containsAny("jpg")`, `this.file.hasTag(…)`).
  const asString = self instanceof LinkValue ? own(STRING, name) : undefined;
  if (asString) return asString(ev, toText(self) as never, args);
  const asFile = self instanceof RowValue ? own(FILE, name) : undefined;
  if (asFile) return asFile(ev, new FileValue((self as RowValue).entry) as never, args);
  const known = [STRING, NUMBER, DATE, LIST, LINK, FILE, OBJECT, REGEXP].some((t) => own(t, name));
  // A method of a missing value is missing too (an empty cell, a falsy filter), as in Obsidian: real bases call
  // `categories.contains(…)` on every file, most of which have no `categories`.
  if (self === null && known) return null;
  fail(known ? `${name}() does not apply to ${describe(self)}` : `unknown function ${name}()`);
}

/** Own entries only: `toString` or `constructor` must not reach Object.prototype. */
function own<T>(table: Record<string, T> | undefined, name: string): T | undefined {
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

function methodsFor(self: Value): Record<string, Method> | undefined {
  if (typeof self === 'string') return STRING;
  if (typeof self === 'number') return NUMBER;
  if (self instanceof DateValue) return DATE;
  if (Array.isArray(self)) return LIST;
  if (self instanceof LinkValue) return LINK;
  if (self instanceof FileValue) return FILE;
  if (self instanceof RegExp) return REGEXP;
  if (isObject(self)) return OBJECT;
  return undefined;
}

/** Sort order within lists and views: null last; numbers, dates, text among themselves; then by type. */
export function sortCompare(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = compare(a, b);
  if (c !== undefined) return c;
  return typeName(a) < typeName(b) ? -1 : typeName(a) > typeName(b) ? 1 : 0;
}

export function numbers(values: Value[]): number[] {
  return values.flatMap((v) => (typeof v === 'number' ? [v] : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? [Number(v)] : []));
}

export function mean(xs: number[]): Value {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export function median(xs: number[]): Value {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Population standard deviation, as the reverted docs' example gives (`[1,7,3,11,22,5]` → 6.94). */
export function stddev(xs: number[]): Value {
  if (!xs.length) return null;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);
}

export function extreme(xs: number[], sign: 1 | -1): Value {
  return xs.length ? (sign > 0 ? Math.max(...xs) : Math.min(...xs)) : null;
}

export function extremeDate(values: Value[], sign: 1 | -1): Value {
  const dates = values.filter((v): v is DateValue => v instanceof DateValue);
  if (!dates.length) return null;
  return dates.reduce((best, d) => (sign * (d.ms - best.ms) > 0 ? d : best));
}
