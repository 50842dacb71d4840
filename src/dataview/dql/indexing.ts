// Indexing a value (`x.key`, `x[i]`, src/expression/context.ts "index"): shared by the evaluator and extract().
import type { DateTime, Duration } from 'luxon';
import { EvaluationError } from './operators';
import type { Context } from './vault-index';
import { type DataObject, isObject, type Link, typeOf, type Value } from './values';

const DATE_PARTS: Record<string, (d: DateTime) => number> = {
  year: (d) => d.year,
  month: (d) => d.month,
  day: (d) => d.day,
  hour: (d) => d.hour,
  minute: (d) => d.minute,
  second: (d) => d.second,
  millisecond: (d) => d.millisecond,
  weekday: (d) => d.weekday,
  weekyear: (d) => d.weekNumber,
  week: (d) => Math.floor(d.day / 7) + 1,
};
const DURATION_UNITS: Record<string, string> = {
  year: 'years',
  years: 'years',
  month: 'months',
  months: 'months',
  weeks: 'weeks',
  day: 'days',
  days: 'days',
  hour: 'hours',
  hours: 'hours',
  minute: 'minutes',
  minutes: 'minutes',
  second: 'seconds',
  seconds: 'seconds',
  millisecond: 'milliseconds',
  milliseconds: 'milliseconds',
};

/** `x.key`, `x[i]` (src/expression/context.ts): lists map a key over their elements; links look into the linked page. */
export function index(object: Value, key: Value, ctx: Context): Value {
  // The key is checked before the object (src/expression/context.ts): a bad key fails even on null.
  if (key === null) return null;
  if (typeof key !== 'string' && typeof key !== 'number') throw new EvaluationError(`Can only index with a string or number (got ${typeOf(key)})`);
  if (object === null) return null;
  const type = typeOf(object);
  if (type === 'array') {
    const list = object as Value[];
    if (typeof key === 'number') return list[key] ?? null;
    // Each element indexed in turn; text cannot be indexed by name, so Dataview leaves it out (expression/context.ts).
    return list.flatMap((v) => (typeof v === 'string' ? [] : [index(v, key, ctx)]));
  }
  if (typeof key === 'number') {
    if (type === 'string') return (object as string)[key] ?? null;
    if (isObject(object) || type === 'link') throw new EvaluationError(`can only index into ${type}s with strings (a.b or a["b"])`);
    return null;
  }
  switch (type) {
    case 'object':
      return (object as DataObject)[key] ?? null;
    case 'link': {
      const page = ctx.index.resolve((object as Link).path, ctx.originPath);
      return page ? (ctx.index.row(page)[key] ?? null) : null;
    }
    case 'date':
      return DATE_PARTS[key]?.(object as DateTime) ?? null;
    case 'duration':
      return DURATION_UNITS[key] ? (object as Duration).as(DURATION_UNITS[key] as 'days') : null;
    default:
      return null;
  }
}
