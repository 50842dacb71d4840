// The values a Bases expression works with (the API's Value family), with JavaScript-like truthiness, equality
// and ordering. Plain data: strings, numbers, booleans, null, arrays and objects are themselves. A file value wraps
// the snapshot's entry of that file, which holds values in turn, so both are declared here.

/** A date. `hasTime` false = a day (`2024-05-01`); wall time kept as UTC, like every date of the vault model. */
export class DateValue {
  constructor(
    readonly ms: number,
    readonly hasTime: boolean,
  ) {}
}

/** A duration: calendar months (years, months) apart from exact milliseconds, so `+ "1M"` lands on the same day. */
export class DurationValue {
  constructor(
    readonly months: number,
    readonly ms: number,
  ) {}
  /** Approximate total length (a month is 1/12 of a Julian year), for fields and comparisons. */
  get totalMs(): number {
    return this.ms + this.months * MONTH_MS;
  }
}
export const DAY_MS = 86_400_000;
const MONTH_MS = (365.25 / 12) * DAY_MS;

/** `[[target|display]]` as written; `id` is the published file it resolves to, if any. */
export class LinkValue {
  constructor(
    readonly target: string,
    readonly display: string | undefined,
    readonly id: string | undefined,
  ) {}
}

/** A published file as a base sees it (snapshot.ts builds them): a file value wraps one. */
export interface EntryInput {
  id: string;
  kind: 'note' | 'base' | 'canvas' | 'attachment';
  size: number;
  ctime: Date;
  mtime: Date;
  /** Without '#'. */
  tags: string[];
  /** Resolved links and embeds as written (targets relative to this file). */
  links: { target: string; display?: string; embed: boolean; to?: string }[];
  frontmatter: Record<string, unknown>;
}

export interface Entry extends Omit<EntryInput, 'links'> {
  name: string;
  basename: string;
  folder: string;
  ext: string;
  links: LinkValue[];
  embeds: LinkValue[];
  backlinks: string[];
  /** Position in the snapshot: narrowed candidate sets keep the snapshot's order. */
  order: number;
  /** Property name (as written and lower-cased) → value, built on first use: lookups by name stay O(1). */
  propertyIndex?: Map<string, Value>;
  /** Ids of the published files this one links to or embeds, built on first use (`hasLink`). */
  linkedIds?: Set<string>;
  fileValue?: FileValue;
}

export interface Snapshot {
  entries: Entry[];
  byId: Map<string, Entry>;
  /** The published file a link written in `from` leads to, or undefined (missing or unpublished). */
  resolve(from: string, target: string): string | undefined;
}

/** A file of the snapshot (`file`, `file.file`, `link.asFile()`). */
export class FileValue {
  constructor(readonly entry: Entry) {}
}

/** `this`, or a row: `.file`, `.note`, `.formula` and bare property names, as at the top level of an expression. */
export class RowValue {
  constructor(readonly entry: Entry) {}
}

/** Values that render specially: `image()`, `icon()`, `html()`. */
export class RenderValue {
  constructor(
    readonly kind: 'image' | 'icon' | 'html',
    readonly value: string,
  ) {}
}

/** A failed evaluation: shown in place of the cell, reported once. */
export class ErrorValue {
  constructor(readonly message: string) {}
}

export type Value =
  | null
  | boolean
  | number
  | string
  | DateValue
  | DurationValue
  | LinkValue
  | FileValue
  | RowValue
  | RenderValue
  | RegExp
  | ErrorValue
  | Value[]
  | { [key: string]: Value };

/** Thrown inside evaluation; the cell (or filter) becomes an ErrorValue with this message. */
export class BaseEvalError extends Error {}

export function fail(message: string): never {
  throw new BaseEvalError(message);
}

export function isObject(v: Value): v is { [key: string]: Value } {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (v instanceof DateValue) return 'date';
  if (v instanceof DurationValue) return 'duration';
  if (v instanceof LinkValue) return 'link';
  if (v instanceof FileValue || v instanceof RowValue) return 'file';
  if (v instanceof RegExp) return 'regexp';
  if (v instanceof RenderValue) return v.kind;
  if (v instanceof ErrorValue) return 'error';
  if (isObject(v)) return 'object';
  return typeof v;
}

/** JavaScript's rule, with empty lists and objects falsy (as third-party publishers and most authors expect). */
export function truthy(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  if (v instanceof ErrorValue) return false;
  return Boolean(v);
}

export function isEmpty(v: Value): boolean {
  if (v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.keys(v).length === 0;
  return false;
}

/** The file a value stands for (a resolved link, a file, a row), for link/file equality. */
function fileIdOf(v: Value): string | undefined {
  if (v instanceof FileValue || v instanceof RowValue) return v.entry.id;
  if (v instanceof LinkValue) return v.id;
  return undefined;
}

/** `==`: links and files are equal when they lead to the same file; numbers and numeric strings compare as numbers. */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const fa = fileIdOf(a);
  const fb = fileIdOf(b);
  if (fa !== undefined || fb !== undefined) {
    if (fa !== undefined && fb !== undefined) return fa === fb;
    // An unresolved link equals only a link with the same text.
    if (a instanceof LinkValue && b instanceof LinkValue) return a.target === b.target;
    if (a instanceof LinkValue && typeof b === 'string') return a.target === b;
    if (b instanceof LinkValue && typeof a === 'string') return b.target === a;
    return false;
  }
  if (a instanceof LinkValue && b instanceof LinkValue) return a.target === b.target;
  if (a instanceof LinkValue) return typeof b === 'string' && a.target === b;
  if (b instanceof LinkValue) return typeof a === 'string' && b.target === a;
  if (a instanceof DateValue && b instanceof DateValue) return a.ms === b.ms;
  if (a instanceof DurationValue && b instanceof DurationValue) return a.totalMs === b.totalMs;
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && Number(b) === a;
  if (typeof b === 'number' && typeof a === 'string') return a.trim() !== '' && Number(a) === b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equals(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equals(a[k], b[k]));
  }
  if (a instanceof RegExp && b instanceof RegExp) return a.source === b.source && a.flags === b.flags;
  return false;
}

/** Ordering for `<`, `>`, sort and Min/Max: numbers, dates, durations, strings; undefined when not comparable. */
export function compare(a: Value, b: Value): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof DateValue && b instanceof DateValue) return a.ms - b.ms;
  if (a instanceof DurationValue && b instanceof DurationValue) return a.totalMs - b.totalMs;
  if (a instanceof DateValue && typeof b === 'string') return withDate(b, (d) => a.ms - d.ms);
  if (b instanceof DateValue && typeof a === 'string') return withDate(a, (d) => d.ms - b.ms);
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && !Number.isNaN(Number(b))) return a - Number(b);
  if (typeof b === 'number' && typeof a === 'string' && a.trim() !== '' && !Number.isNaN(Number(a))) return Number(a) - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = textOf(a);
  const sb = textOf(b);
  if (sa !== undefined && sb !== undefined) return sa < sb ? -1 : sa > sb ? 1 : 0;
  return undefined;
}

function withDate(s: string, f: (d: DateValue) => number): number | undefined {
  const d = parseDateValue(s);
  return d ? f(d) : undefined;
}

function textOf(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof LinkValue) return v.display ?? v.target;
  if (v instanceof FileValue || v instanceof RowValue) return v.entry.basename;
  return undefined;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** `2024-05-01`, `2024-05-01 10:30`, `2024-05-01T10:30:00Z`…: a zone given is honoured, else wall time as UTC. */
export function parseDateValue(s: string): DateValue | undefined {
  const m = DATE_RE.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, msText, zone] = m;
  let ms = Date.UTC(+y, +mo - 1, +d, +(h ?? 0), +(mi ?? 0), +(sec ?? 0), msText ? +msText.padEnd(3, '0') : 0);
  if (Number.isNaN(ms) || +mo < 1 || +mo > 12 || +d < 1 || +d > 31) return undefined;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
  }
  return new DateValue(ms, h !== undefined);
}

/** Text of a value as `toString()` and string concatenation give it. */
export function toText(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  if (typeof v === 'boolean') return String(v);
  if (v instanceof DateValue) return isoText(v);
  if (v instanceof DurationValue) return durationText(v);
  if (v instanceof LinkValue) return v.display ?? v.target;
  if (v instanceof FileValue || v instanceof RowValue) return v.entry.id;
  if (v instanceof RenderValue) return v.value;
  if (v instanceof RegExp) return v.toString();
  if (v instanceof ErrorValue) return v.message;
  if (Array.isArray(v)) return v.map(toText).join(', ');
  return Object.entries(v)
    .map(([k, x]) => `${k}: ${toText(x)}`)
    .join(', ');
}

function isoText(d: DateValue): string {
  const iso = new Date(d.ms).toISOString();
  return d.hasTime ? iso.slice(0, 19).replace('T', ' ') : iso.slice(0, 10);
}

function durationText(d: DurationValue): string {
  const parts: string[] = [];
  const years = Math.trunc(d.months / 12);
  const months = d.months % 12;
  if (years) parts.push(`${years}y`);
  if (months) parts.push(`${months}M`);
  let rest = d.ms;
  for (const [unit, size] of [
    ['d', DAY_MS],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    const n = Math.trunc(rest / size);
    if (n) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join(' ') || '0s';
}

/** Numbers for arithmetic: numbers, numeric strings, booleans, dates (epoch ms); anything else is a type error. */
export function numberOf(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (v instanceof DateValue) return v.ms;
  if (v instanceof ErrorValue) fail(v.message);
  fail(`${describe(v)} is not a number`);
}

export function describe(v: Value): string {
  if (v === null) return 'a missing value';
  if (typeof v === 'string') return `“${v.length > 30 ? `${v.slice(0, 30)}…` : v}”`;
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'an object';
  return `a ${v.constructor.name.replace('Value', '').toLowerCase()}`;
}
