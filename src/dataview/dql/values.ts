// Dataview's values on the host: links, Luxon dates and durations, and Dataview's typing, total order,
// truthiness and string form (src/data-model/value.ts), so query results sort and print as in Obsidian.
import { DateTime, Duration } from 'luxon';
import { linkableHeading } from '../../markdown/slug';

export type LinkType = 'file' | 'header' | 'block';

export class Link {
  constructor(
    readonly path: string,
    readonly type: LinkType = 'file',
    readonly subpath?: string,
    readonly display?: string,
    readonly embed = false,
  ) {}

  static file(path: string, embed = false, display?: string): Link {
    return new Link(path, 'file', undefined, display, embed);
  }

  /** A link to a heading, named as Dataview names it in links (Link.header: `Meat & Ready-made` → `Meat Ready-made`). */
  static header(path: string, heading: string, embed = false, display?: string): Link {
    return new Link(path, 'header', linkableHeading(heading), display, embed);
  }

  /** `Page#Heading` / `Page#^block` as written in a wikilink. */
  static infer(linkpath: string, embed = false, display?: string): Link {
    const hash = linkpath.indexOf('#');
    if (hash < 0) return new Link(linkpath, 'file', undefined, display, embed);
    const sub = linkpath.slice(hash + 1);
    return sub.startsWith('^')
      ? new Link(linkpath.slice(0, hash), 'block', sub.slice(1), display, embed)
      : Link.header(linkpath.slice(0, hash), sub, embed, display);
  }

  with(fields: Partial<Pick<Link, 'path' | 'display' | 'embed'>>): Link {
    return new Link(fields.path ?? this.path, this.type, this.subpath, 'display' in fields ? fields.display : this.display, fields.embed ?? this.embed);
  }

  fileName(): string {
    const name = this.path.slice(this.path.lastIndexOf('/') + 1);
    return /\.md$/i.test(name) ? name.slice(0, -3) : name;
  }

  /** The text a rendered link shows: display, else the file name (plus ' > section'). */
  text(): string {
    if (this.display) return this.display;
    return this.fileName() + (this.type !== 'file' && this.subpath ? ` > ${this.subpath}` : '');
  }

  obsidianLink(): string {
    const escaped = this.path.split('|').join('\\|');
    if (this.type === 'header') return `${escaped}#${this.subpath}`;
    if (this.type === 'block') return `${escaped}#^${this.subpath}`;
    return escaped;
  }

  markdown(): string {
    return `${this.embed ? '!' : ''}[[${this.obsidianLink()}|${this.text()}]]`;
  }
}

/** Dataview's widgets: a LIST row's `id: value` pair and `elink()`. */
export class ListPair {
  constructor(
    readonly key: Value,
    readonly value: Value,
  ) {}
}
export class ExternalLink {
  constructor(
    readonly url: string,
    readonly display?: string,
  ) {}
}

export type Lambda = (...args: Value[]) => Value;
export type Value = null | number | string | boolean | DateTime | Duration | Link | ListPair | ExternalLink | Lambda | Value[] | { [key: string]: Value };
export type DataObject = { [key: string]: Value };

export type TypeName = 'null' | 'number' | 'string' | 'boolean' | 'date' | 'duration' | 'link' | 'array' | 'object' | 'function' | 'widget';

export function typeOf(value: unknown): TypeName {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'function') return 'function';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Link) return 'link';
  if (DateTime.isDateTime(value)) return 'date';
  if (Duration.isDuration(value)) return 'duration';
  if (value instanceof ListPair || value instanceof ExternalLink) return 'widget';
  return 'object';
}

export const isObject = (value: unknown): value is DataObject => typeOf(value) === 'object';

let collator: (a: string, b: string) => number = (a, b) => a.localeCompare(b);
/** Strings order by the author's UI locale, as Obsidian's Chromium compares them. */
export function setCollation(compare: (a: string, b: string) => number): void {
  collator = compare;
}

/** Dataview's compareValue: one total order over every value (null lowest, then by type name). */
export function compare(a: Value | undefined, b: Value | undefined): number {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null && b === null) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) return ta.localeCompare(tb);
  if (a === b) return 0;
  switch (ta) {
    case 'string':
      return collator(a as string, b as string);
    case 'number':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    case 'date':
      return Math.sign((a as DateTime).toMillis() - (b as DateTime).toMillis());
    case 'duration':
      // Dataview: `a < b` by length, else equal only when Luxon's equals() holds (unit by unit): 1 day is not 24 hours.
      return (a as Duration).toMillis() < (b as Duration).toMillis() ? -1 : (a as Duration).equals(b as Duration) ? 0 : 1;
    case 'link': {
      const la = a as Link;
      const lb = b as Link;
      return (
        collator(la.path, lb.path) ||
        la.type.localeCompare(lb.type) ||
        (la.subpath && !lb.subpath ? 1 : !la.subpath && lb.subpath ? -1 : collator(la.subpath ?? '', lb.subpath ?? ''))
      );
    }
    case 'array': {
      const xa = a as Value[];
      const xb = b as Value[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compare(xa[i], xb[i]);
        if (c) return c;
      }
      return xa.length - xb.length;
    }
    case 'object': {
      const ka = Object.keys(a as DataObject).sort();
      const kb = Object.keys(b as DataObject).sort();
      const byKeys = compare(ka, kb);
      if (byKeys) return byKeys;
      for (const key of ka) {
        const c = compare((a as DataObject)[key], (b as DataObject)[key]);
        if (c) return c;
      }
      return 0;
    }
    default:
      return 0;
  }
}

/** Dataview's isTruthy. */
export function truthy(value: Value | undefined): boolean {
  switch (typeOf(value)) {
    case 'null':
      return false;
    case 'number':
    case 'string':
    case 'boolean':
      return !!value;
    case 'date':
      return (value as DateTime).toMillis() !== 0;
    case 'duration':
      return (value as Duration).as('seconds') !== 0;
    case 'link':
      return !!(value as Link).path;
    case 'array':
      return (value as Value[]).length > 0;
    case 'object':
      return Object.keys(value as DataObject).length > 0;
    default:
      return true;
  }
}

/** The zone dates are shown in (the author's), the locale month names and durations use, Dataview's date formats. */
export interface DisplaySettings {
  zone: string;
  locale: string;
  dateFormat: string;
  dateTimeFormat: string;
}
export const DEFAULT_DATE_FORMAT = 'MMMM dd, yyyy';
export const DEFAULT_DATE_TIME_FORMAT = 'h:mm a - MMMM dd, yyyy';
export const DISPLAY: DisplaySettings = { zone: 'UTC', locale: 'en-US', dateFormat: DEFAULT_DATE_FORMAT, dateTimeFormat: DEFAULT_DATE_TIME_FORMAT };

/** Dataview's renderMinimalDate: the date alone at midnight, else time and date. */
export function renderDate(date: DateTime): string {
  const local = date.setZone(DISPLAY.zone).setLocale(DISPLAY.locale);
  if (local.hour === 0 && local.minute === 0 && local.second === 0) return local.toFormat(DISPLAY.dateFormat);
  return local.toFormat(DISPLAY.dateTimeFormat);
}

/** Dataview's renderMinimalDuration: normalised over every unit, zero units dropped, Luxon's toHuman. */
export function renderDuration(duration: Duration): string {
  const units = Object.entries(duration.shiftToAll().normalize().toObject()).filter(([, n]) => n !== 0);
  return Duration.fromObject(Object.fromEntries(units), { locale: DISPLAY.locale }).toHuman();
}

/** Dataview's renderNullAs, as text (`\-`: Markdown-escaped, it renders as `-`). */
export const NULL_TEXT = '\\-';

/** Dataview's Values.toString. */
export function valueToString(value: Value | undefined, nested = false): string {
  switch (typeOf(value)) {
    case 'null':
      return NULL_TEXT;
    case 'string':
      return value as string;
    case 'number':
    case 'boolean':
      return String(value);
    case 'date':
      return renderDate(value as DateTime);
    case 'duration':
      return renderDuration(value as Duration);
    case 'link':
      return (value as Link).markdown();
    case 'function':
      return '<function>';
    case 'widget':
      if (value instanceof ListPair) return `${valueToString(value.key)}: ${valueToString(value.value)}`;
      // ExternalLinkWidget.markdown(): a markdown link.
      return `[${(value as ExternalLink).display ?? (value as ExternalLink).url}](${(value as ExternalLink).url})`;
    case 'array': {
      const inner = (value as Value[]).map((v) => valueToString(v, true)).join(', ');
      return nested ? `[${inner}]` : inner;
    }
    default: {
      const entries = Object.entries(value as DataObject).map(([k, v]) => `${k}: ${valueToString(v, true)}`);
      return `{ ${entries.join(', ')} }`;
    }
  }
}
