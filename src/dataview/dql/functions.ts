// Dataview's function library (src/expression/functions.ts; reference sheet §11). Most functions vectorise: a list
// where a scalar is expected maps the call over it.
import { DateTime, Duration } from 'luxon';
import { DATE_SHORTHANDS } from './date-shorthands';
import { dataviewGrammar } from './grammar';
import { index } from './indexing';
import { binary, EvaluationError } from './operators';
import { fromParsed, parseInlineValue } from './parsed';
import type { Context } from './vault-index';
import { compare, type DataObject, DISPLAY, ExternalLink, isObject, type Lambda, Link, renderDate, truthy, typeOf, type Value, valueToString } from './values';

type Fn = (ctx: Context, ...args: Value[]) => Value;

const fail = (name: string, args: Value[]): never => {
  throw new EvaluationError(`No implementation of '${name}' found for arguments: ${args.map(typeOf).join(', ')}`);
};

/** Maps `fn` over list arguments at the given positions (the shortest list wins), like FunctionBuilder.vectorize. */
function vectorize(positions: number[], fn: Fn): Fn {
  const call: Fn = (ctx, ...args) => {
    const lists = positions.filter((i) => Array.isArray(args[i]));
    if (lists.length === 0) return fn(ctx, ...args);
    const length = Math.min(...lists.map((i) => (args[i] as Value[]).length));
    return Array.from({ length }, (_, n) => call(ctx, ...args.map((a, i) => (lists.includes(i) ? (a as Value[])[n] : a))));
  };
  return call;
}

/** A function of text arguments; null in → null out; anything else → Dataview's "no implementation" error. */
function text(name: string, arity: number, fn: (...args: string[]) => Value, optional: Value[] = []): Fn {
  return vectorize([0], (_ctx, ...args) => {
    if (args[0] === null || args[0] === undefined) return null;
    const full = [...args, ...optional.slice(args.length - arity)].slice(0, arity + optional.length);
    if (full.some((a, i) => i < arity && typeof a !== 'string')) return fail(name, args);
    return fn(...(full as string[]));
  });
}

function numeric(name: string, fn: (n: number, digits?: number) => number): Fn {
  return vectorize([0], (_ctx, n, digits) => {
    if (n === null || n === undefined) return null;
    if (typeof n !== 'number') return fail(name, [n]);
    return fn(n, typeof digits === 'number' ? digits : undefined);
  });
}

const callLambda = (fn: Value, ...args: Value[]): Value => {
  if (typeof fn !== 'function') throw new EvaluationError(`expected a function, got ${typeOf(fn)}`);
  return fn(...args);
};

const asList = (value: Value): Value[] => (Array.isArray(value) ? value : [value]);

function contains(haystack: Value, needle: Value, fold: (s: string) => string, exact: boolean): boolean {
  switch (typeOf(haystack)) {
    case 'array':
      return (haystack as Value[]).some((v) => (exact ? compare(v, needle) === 0 : contains(v, needle, fold, exact)));
    case 'string':
      return typeof needle === 'string' && fold(haystack as string).includes(fold(needle));
    case 'object':
      return typeof needle === 'string' && needle in (haystack as DataObject);
    default:
      return compare(haystack, needle) === 0;
  }
}

/** `date(x)` (§11): text, link (display, path, then the page's file.day) or date. */
export function toDate(ctx: Context, value: Value, format?: Value): Value {
  if (value === null) return null;
  if (DateTime.isDateTime(value)) return value;
  if (typeof value === 'string' && typeof format === 'string') {
    const parsed =
      format === 'x'
        ? DateTime.fromMillis(Number(value), { zone: DISPLAY.zone })
        : format === 'X'
          ? DateTime.fromSeconds(Number(value), { zone: DISPLAY.zone })
          : DateTime.fromFormat(value, format, { zone: DISPLAY.zone, locale: DISPLAY.locale });
    if (!parsed.isValid) throw new EvaluationError(`Failed to parse date "${value}" with format "${format}"`);
    return parsed;
  }
  if (typeof value === 'string') {
    const shorthand = DATE_SHORTHANDS[value.trim()];
    if (shorthand) return shorthand();
    const parsed = parseInlineValue(value);
    return DateTime.isDateTime(parsed) ? parsed : null;
  }
  if (value instanceof Link) {
    for (const candidate of [value.display, value.fileName()]) {
      const parsed = candidate ? parseInlineValue(candidate) : null;
      if (DateTime.isDateTime(parsed)) return parsed;
    }
    const page = ctx.index.resolve(value.path, ctx.originPath);
    return page ? (((ctx.index.row(page).file as DataObject).day as Value) ?? null) : null;
  }
  return fail('date', [value]);
}

export function toDuration(value: Value): Value {
  if (value === null || Duration.isDuration(value)) return value;
  if (typeof value !== 'string') return fail('dur', [value]);
  // Dataview's duration grammar alone: the units as written (an inline field's value would come normalised).
  const parsed = dataviewGrammar().EXPRESSION.duration.parse(value.trim());
  return parsed.status ? fromParsed(parsed.value) : null;
}

/** Dataview's display(): plain text, Markdown and link syntax stripped. */
function display(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') {
    return value
      .replace(/!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_m, target: string, shown?: string) => shown ?? Link.infer(target).text())
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|~~|==|`)(.*?)\1/g, '$2');
  }
  if (value instanceof Link) return value.text();
  if (DateTime.isDateTime(value)) return renderDate(value);
  if (Array.isArray(value)) return value.map(display).join(', ');
  return valueToString(value);
}

/** cyrb53, as Dataview's hash(). */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function fold(name: string, list: Value, op: '+' | '*'): Value {
  if (!Array.isArray(list)) return list === null ? null : fail(name, [list]);
  if (list.length === 0) return null;
  return list.slice(1).reduce((acc: Value, v) => binary(acc, op, v), list[0]);
}

function minOrMax(args: Value[], sign: 1 | -1): Value {
  const values = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).filter((v) => v !== null);
  if (values.length === 0) return null;
  return values.reduce((best, v) => (sign * compare(v, best) < 0 ? v : best));
}

function byKey(list: Value, fn: Value, sign: 1 | -1): Value {
  if (!Array.isArray(list) || list.length === 0) return null;
  let best: Value = list[0];
  let bestKey: Value = null;
  for (const item of list) {
    const key = callLambda(fn, item);
    if (key === null) continue;
    // Dataview reduces with `<= 0 ? p : c` (minby) and `> 0 ? p : c` (maxby): ties keep the first for minby, the last for maxby.
    if (bestKey === null || (sign === 1 ? compare(key, bestKey) < 0 : compare(key, bestKey) >= 0)) {
      best = item;
      bestKey = key;
    }
  }
  return best;
}

const OPERATORS: Record<string, '+' | '-' | '*' | '/' | '&' | '|'> = { '+': '+', '-': '-', '*': '*', '/': '/', '&': '&', '|': '|' };

function regex(pattern: string, flags = ''): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new EvaluationError(`Invalid regular expression '${pattern}': ${(error as Error).message}`);
  }
}

export const FUNCTIONS: Record<string, Fn> = {
  // Constructors
  object: (_ctx, ...args) => {
    if (args.length % 2 !== 0) throw new EvaluationError('object() requires an even number of arguments');
    const result: DataObject = {};
    for (let i = 0; i < args.length; i += 2) {
      if (typeof args[i] !== 'string') throw new EvaluationError('keys should be of type string for object(key1, value1, ...)');
      result[args[i] as string] = args[i + 1];
    }
    return result;
  },
  list: (_ctx, ...args) => args,
  array: (_ctx, ...args) => args,
  date: vectorize([0], (ctx, value, format) => toDate(ctx, value, format)),
  dur: vectorize([0], (_ctx, value) => toDuration(value)),
  number: vectorize([0], (_ctx, value) => {
    if (typeof value === 'number' || value === null) return value;
    if (typeof value !== 'string') return fail('number', [value]);
    const m = /(-?[0-9]+(\.[0-9]+)?)/.exec(value);
    return m ? Number(m[1]) : null;
  }),
  string: (_ctx, value) => valueToString(value),
  link: vectorize([0, 1], (ctx, path, shown, embed) => {
    if (path === null) return null;
    if (path instanceof Link) return typeof shown === 'string' ? path.with({ display: shown }) : path;
    if (typeof path !== 'string') return fail('link', [path]);
    const page = ctx.index.resolve(path, ctx.originPath);
    return Link.file(page?.path ?? path, embed === true, typeof shown === 'string' ? shown : undefined);
  }),
  embed: vectorize([0], (_ctx, link, on) => {
    if (link === null) return null;
    if (!(link instanceof Link)) return fail('embed', [link]);
    return link.with({ embed: on === undefined ? true : truthy(on) });
  }),
  elink: vectorize([0, 1], (_ctx, url, shown) => {
    if (url === null) return null;
    if (typeof url !== 'string') return fail('elink', [url]);
    return new ExternalLink(url, typeof shown === 'string' ? shown : undefined);
  }),
  typeof: (_ctx, value) => typeOf(value),

  // Numbers and aggregates
  round: numeric('round', (n, digits) => (digits === undefined || digits <= 0 ? Math.round(n) : Number.parseFloat(n.toFixed(Math.min(digits, 100))))),
  trunc: numeric('trunc', Math.trunc),
  floor: numeric('floor', Math.floor),
  ceil: numeric('ceil', Math.ceil),
  min: (_ctx, ...args) => minOrMax(args, 1),
  max: (_ctx, ...args) => minOrMax(args, -1),
  sum: (_ctx, list) => fold('sum', list, '+'),
  product: (_ctx, list) => fold('product', list, '*'),
  average: (_ctx, list) => {
    if (!Array.isArray(list)) return list === null ? null : fail('average', [list]);
    if (list.length === 0) return null;
    return binary(fold('sum', list, '+'), '/', list.length);
  },
  minby: (_ctx, list, fn) => byKey(list, fn, 1),
  maxby: (_ctx, list, fn) => byKey(list, fn, -1),
  reduce: (_ctx, list, op) => {
    if (!Array.isArray(list)) return list === null ? null : fail('reduce', [list, op]);
    if (list.length === 0) return null;
    if (typeof op === 'string') {
      const operator = OPERATORS[op];
      if (!operator) throw new EvaluationError(`reduce: '${op}' is not an operator`);
      return list.slice(1).reduce((acc: Value, v) => binary(acc, operator, v), list[0]);
    }
    return list.slice(1).reduce((acc: Value, v) => (v === null ? acc : callLambda(op, acc, v)), list[0]);
  },

  // Containers and text
  contains: vectorize([1], (_ctx, haystack, needle) => contains(haystack, needle, (s) => s, false)),
  icontains: vectorize([1], (_ctx, haystack, needle) => contains(haystack, needle, (s) => s.toLocaleLowerCase(), false)),
  econtains: vectorize([1], (_ctx, haystack, needle) => contains(haystack, needle, (s) => s, true)),
  containsword: vectorize([0, 1], (_ctx, haystack, word) => {
    if (haystack === null || word === null) return null;
    if (typeof haystack !== 'string' || typeof word !== 'string') return fail('containsword', [haystack, word]);
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`\\b${escaped}\\b`, 'i').test(haystack);
  }),
  // Maps over a list; each key is looked up as `object[key]` is (a link's page, a date's part…).
  extract: (ctx, object, ...keys): Value => {
    if (Array.isArray(object)) return object.map((v) => FUNCTIONS.extract(ctx, v, ...keys));
    if (keys.some((k) => typeof k !== 'string')) throw new EvaluationError('extract(object, key1, ...) must be called with string keys');
    return Object.fromEntries(keys.map((k) => [k as string, index(object, k, ctx)]));
  },
  sort: (_ctx, list, fn) => {
    if (!Array.isArray(list)) return list === null ? null : fail('sort', [list]);
    const key = typeof fn === 'function' ? fn : (v: Value) => v;
    return [...list].sort((a, b) => compare(key(a), key(b)));
  },
  reverse: (_ctx, value) => {
    if (Array.isArray(value)) return [...value].reverse();
    if (typeof value === 'string') return [...value].reverse().join('');
    return value === null ? null : fail('reverse', [value]);
  },
  length: (_ctx, value) => {
    if (Array.isArray(value) || typeof value === 'string') return value.length;
    if (isObject(value)) return Object.keys(value).length;
    return 0;
  },
  // nonnull(list) filters the list; nonnull(a, b, …) the arguments (so nonnull() is an empty list).
  nonnull: (_ctx, ...args) => (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).filter((v) => v !== null),
  firstvalue: (_ctx, list) => (Array.isArray(list) ? (list.find((v) => v !== null) ?? null) : list === null ? null : fail('firstvalue', [list])),
  all: (_ctx, ...args) => {
    const [list, fn] = Array.isArray(args[0]) ? [args[0], args[1]] : [args, undefined];
    return list.every((v) => truthy(typeof fn === 'function' ? fn(v) : v));
  },
  any: (_ctx, ...args) => {
    const [list, fn] = Array.isArray(args[0]) ? [args[0], args[1]] : [args, undefined];
    return list.some((v) => truthy(typeof fn === 'function' ? fn(v) : v));
  },
  none: (_ctx, ...args) => {
    const [list, fn] = Array.isArray(args[0]) ? [args[0], args[1]] : [args, undefined];
    return !list.some((v) => truthy(typeof fn === 'function' ? fn(v) : v));
  },
  join: (_ctx, list, sep) => {
    const separator = typeof sep === 'string' ? sep : ', ';
    return asList(list)
      .map((v) => valueToString(v))
      .join(separator);
  },
  filter: (_ctx, list, fn) => (Array.isArray(list) ? list.filter((v) => truthy(callLambda(fn, v))) : list === null ? null : fail('filter', [list])),
  map: (_ctx, list, fn) => (Array.isArray(list) ? list.map((v) => callLambda(fn, v)) : list === null ? null : fail('map', [list])),
  flat: (_ctx, list, depth) => {
    if (!Array.isArray(list)) return list === null ? null : fail('flat', [list]);
    const flatten = (items: Value[], d: number): Value[] => items.flatMap((v) => (Array.isArray(v) && d > 0 ? flatten(v, d - 1) : [v]));
    return flatten(list, typeof depth === 'number' ? depth : 1);
  },
  slice: (_ctx, list, start, end) => {
    if (!Array.isArray(list)) return list === null ? null : fail('slice', [list]);
    return list.slice(typeof start === 'number' ? start : undefined, typeof end === 'number' ? end : undefined);
  },
  unique: (_ctx, list) => {
    if (!Array.isArray(list)) return list === null ? null : fail('unique', [list]);
    const sorted = [...list].sort(compare);
    return sorted.filter((v, i) => i === 0 || compare(v, sorted[i - 1]) !== 0);
  },
  regextest: vectorize([1], (_ctx, pattern, value) => {
    if (pattern === null || value === null || typeof pattern !== 'string' || typeof value !== 'string') return false;
    return regex(pattern).test(value);
  }),
  regexmatch: vectorize([1], (_ctx, pattern, value) => {
    if (pattern === null || value === null || typeof pattern !== 'string' || typeof value !== 'string') return false;
    const anchored = pattern.startsWith('^') || pattern.endsWith('$') ? pattern : `^${pattern}$`;
    return regex(anchored).test(value);
  }),
  regexreplace: text('regexreplace', 3, (value, pattern, replacement) => value.replace(regex(pattern, 'g'), replacement)),
  replace: text('replace', 3, (value, find, replacement) => value.split(find).join(replacement)),
  lower: text('lower', 1, (value) => value.toLocaleLowerCase()),
  upper: text('upper', 1, (value) => value.toLocaleUpperCase()),
  split: vectorize([0], (_ctx, value, delimiter, limit) => {
    if (value === null) return null;
    if (typeof value !== 'string' || typeof delimiter !== 'string') return fail('split', [value, delimiter]);
    // Capture groups that took no part in a match are empty strings, as Dataview splices them.
    const parts = value.split(regex(delimiter)).map((part) => part ?? '');
    return typeof limit === 'number' ? parts.slice(0, limit) : parts;
  }),
  startswith: text('startswith', 2, (value, prefix) => value.startsWith(prefix)),
  endswith: text('endswith', 2, (value, suffix) => value.endsWith(suffix)),
  padleft: vectorize([0], (_ctx, value, length, pad) => {
    if (value === null) return null;
    if (typeof value !== 'string' || typeof length !== 'number') return fail('padleft', [value, length]);
    return value.padStart(length, typeof pad === 'string' ? pad : ' ');
  }),
  padright: vectorize([0], (_ctx, value, length, pad) => {
    if (value === null) return null;
    if (typeof value !== 'string' || typeof length !== 'number') return fail('padright', [value, length]);
    return value.padEnd(length, typeof pad === 'string' ? pad : ' ');
  }),
  substring: vectorize([0], (_ctx, value, start, end) => {
    if (value === null) return null;
    if (typeof value !== 'string' || typeof start !== 'number') return fail('substring', [value, start]);
    return value.substring(start, typeof end === 'number' ? end : undefined);
  }),
  truncate: vectorize([0], (_ctx, value, length, suffix) => {
    if (value === null) return null;
    if (typeof value !== 'string' || typeof length !== 'number') return fail('truncate', [value, length]);
    const tail = typeof suffix === 'string' ? suffix : '...';
    return value.length > length ? value.slice(0, Math.max(0, length - tail.length)) + tail : value;
  }),

  // Utility
  default: vectorize([0, 1], (_ctx, value, fallback) => (value === null ? fallback : value)),
  ldefault: (_ctx, value, fallback) => (value === null ? fallback : value),
  choice: vectorize([0], (_ctx, condition, yes, no) => (truthy(condition) ? yes : no)),
  display: (_ctx, value) => display(value),
  striptime: vectorize([0], (_ctx, value) => (DateTime.isDateTime(value) ? value.startOf('day') : value === null ? null : fail('striptime', [value]))),
  dateformat: vectorize([0], (_ctx, value, format) => {
    if (value === null) return null;
    if (!DateTime.isDateTime(value) || typeof format !== 'string') return fail('dateformat', [value, format]);
    return value.setZone(DISPLAY.zone).toFormat(format, { locale: DISPLAY.locale });
  }),
  durationformat: (_ctx, value, format) => {
    if (value === null) return null;
    if (!Duration.isDuration(value) || typeof format !== 'string') return fail('durationformat', [value, format]);
    // Luxon's own duration format: tokens S s m h d w M y, repeated to pad, 'quoted' text literal.
    return value.toFormat(format);
  },
  currencyformat: (_ctx, value, code) => {
    if (value === null) return null;
    if (typeof value !== 'number') return fail('currencyformat', [value]);
    return new Intl.NumberFormat(DISPLAY.locale, { style: 'currency', currency: typeof code === 'string' ? code : 'USD' }).format(value);
  },
  localtime: vectorize([0], (_ctx, value) => (DateTime.isDateTime(value) ? value.setZone(DISPLAY.zone) : value === null ? null : fail('localtime', [value]))),
  // hash(seed, variant), hash(seed, text), hash(seed, text, variant): the text hashed is seed + text, the variant seeds cyrb53.
  hash: (_ctx, ...args) => {
    const [seed, second, variant] = args;
    if (typeof seed === 'string' && typeof second === 'number' && args.length === 2) return cyrb53(seed, second);
    if (typeof seed === 'string' && typeof second === 'string' && (args.length === 2 || typeof variant === 'number')) {
      return cyrb53(seed + second, typeof variant === 'number' ? variant : 0);
    }
    return fail('hash', args);
  },
  meta: (_ctx, link) => {
    // Dataview's meta() has a link variant only: null is an error too.
    if (!(link instanceof Link)) return fail('meta', [link]);
    return { display: link.display ?? null, embed: link.embed, path: link.path, subpath: link.subpath ?? null, type: link.type };
  },
};

export type { Lambda };
