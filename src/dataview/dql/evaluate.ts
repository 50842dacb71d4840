// Evaluates Dataview expression trees (obsidian-dataview's grammar) over one row: variables, indexing, lambdas and
// the function library; the operators are in operators.ts.
import type { DateTime, Duration } from 'luxon';
import type { Field } from './ast';
import { FUNCTIONS } from './functions';
import { binary, EvaluationError } from './operators';
import { fromParsed } from './parsed';
import type { Context } from './vault-index';
import { type DataObject, isObject, type Lambda, Link, truthy, typeOf, type Value } from './values';

export function evaluate(field: Field, row: DataObject, ctx: Context): Value {
  switch (field.type) {
    case 'literal':
      return literal(field.value, ctx);
    case 'variable':
      if (field.name === 'row') return row;
      if (field.name in row) return row[field.name] ?? null;
      if (field.name === 'this') return ctx.thisRow;
      return null;
    case 'list':
      return field.values.map((v) => evaluate(v, row, ctx));
    case 'object':
      return Object.fromEntries(Object.entries(field.values).map(([k, v]) => [k, evaluate(v, row, ctx)]));
    case 'negated':
      return !truthy(evaluate(field.child, row, ctx));
    case 'index':
      return index(evaluate(field.object, row, ctx), evaluate(field.index, row, ctx), ctx);
    case 'lambda':
      return ((...args: Value[]) => {
        const scope: DataObject = { ...row };
        field.arguments.forEach((name, i) => {
          scope[name] = args[i] ?? null;
        });
        return evaluate(field.value, scope, ctx);
      }) as Lambda;
    case 'function': {
      const args = field.arguments.map((a) => evaluate(a, row, ctx));
      if (typeof field.func === 'string' || (field.func.type === 'variable' && field.func.name in FUNCTIONS)) {
        const name = typeof field.func === 'string' ? field.func : field.func.type === 'variable' ? field.func.name : '';
        const fn = FUNCTIONS[name];
        if (!fn) throw new EvaluationError(`Unrecognized function name '${name}'`);
        return fn(ctx, ...args);
      }
      const fn = evaluate(field.func, row, ctx);
      if (typeof fn !== 'function') {
        const name = field.func.type === 'variable' ? field.func.name : typeOf(fn);
        throw new EvaluationError(`Unrecognized function name '${name}'`);
      }
      return fn(...args);
    }
    case 'binaryop': {
      const left = evaluate(field.left, row, ctx);
      if (field.op === '&') return truthy(left) && truthy(evaluate(field.right, row, ctx));
      if (field.op === '|') return truthy(left) || truthy(evaluate(field.right, row, ctx));
      return binary(left, field.op, evaluate(field.right, row, ctx));
    }
  }
}

const literalCache = new WeakMap<object, Value>();
function literal(value: unknown, ctx: Context): Value {
  if (typeof value !== 'object' || value === null) return (value ?? null) as Value;
  let converted = literalCache.get(value);
  if (converted === undefined) literalCache.set(value, (converted = fromParsed(value)));
  // `[[Note]]` literals resolve from the querying note; `[[]]` is the note itself.
  return converted instanceof Link ? ctx.index.resolveLink(converted, ctx.originPath) : converted;
}

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
  if (key === null || object === null) return null;
  if (typeof key !== 'string' && typeof key !== 'number') throw new EvaluationError(`Can only index with a string or number (got ${typeOf(key)})`);
  const type = typeOf(object);
  if (type === 'array') {
    const list = object as Value[];
    if (typeof key === 'number') return list[key] ?? null;
    // Each element indexed in turn; text cannot be indexed by name, so Dataview leaves it out (expression/context.ts).
    return list.flatMap((v) => (typeof v === 'string' ? [] : [index(v, key, ctx)]));
  }
  if (typeof key === 'number') {
    if (type === 'string') return (object as string)[key] ?? null;
    return isObject(object) ? ((object as DataObject)[String(key)] ?? null) : null;
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
