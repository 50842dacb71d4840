// Values coming out of obsidian-dataview's grammar carry its bundled Luxon and Link classes: they become ours here.
// Dates the grammar made in the machine's zone are read as the author's wall time (the build's display zone).
import { DateTime, Duration } from 'luxon';
import { dataviewGrammar } from './grammar';
import { DISPLAY, Link, type LinkType, type Value } from './values';

interface ForeignDate {
  isLuxonDateTime: true;
  toMillis(): number;
  toObject(): Record<string, number>;
  zone: { type: string; name: string };
}
interface ForeignDuration {
  isLuxonDuration: true;
  toObject(): Record<string, number>;
}

const isForeign = <K extends string>(value: unknown, key: K): value is Record<K, true> =>
  typeof value === 'object' && value !== null && (value as Record<string, unknown>)[key] === true;

export function fromParsed(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value as Value;
  if (value instanceof Link || DateTime.isDateTime(value) || Duration.isDuration(value)) return value;
  if (Array.isArray(value)) return value.map(fromParsed);
  if (isForeign(value, 'isLuxonDateTime')) {
    const date = value as unknown as ForeignDate;
    if (date.zone.type === 'system') return DateTime.fromObject(date.toObject(), { zone: DISPLAY.zone });
    return DateTime.fromMillis(date.toMillis(), { zone: date.zone.name });
  }
  if (isForeign(value, 'isLuxonDuration')) return Duration.fromObject((value as unknown as ForeignDuration).toObject());
  const o = value as Record<string, unknown>;
  if (o.constructor?.name === 'Link' && typeof o.path === 'string') {
    return new Link(o.path, (o.type as LinkType) ?? 'file', o.subpath as string | undefined, o.display as string | undefined, !!o.embed);
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fromParsed(v)]));
}

/** Dataview's parseInlineValue: the whole value typed (number, date, duration, link, list…), else the text as written. */
export function parseInlineValue(raw: string): Value {
  const text = raw.trim();
  if (text === '') return null;
  const parsed = dataviewGrammar().EXPRESSION.inlineField.parse(text);
  return parsed.status ? fromParsed(parsed.value) : text;
}
