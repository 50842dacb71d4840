// Sandbox module: Dataview's DataArray (immutable array wrapper with field swizzling through a Proxy).
import type { LinkValue, Values } from './values';

export type Callback = (value: unknown, index: number, values: unknown[]) => unknown;
export type Comparator = (a: unknown, b: unknown) => number;

export function dataArrays(
  values: Pick<Values, 'compareValue' | 'valueToString' | 'Link'>,
  isSharedPageObject: (value: unknown) => boolean,
  /** A string's rank in collation order, when the host sent it (realm.ts's localeCompare compares by these). */
  collationRank: (text: string) => number | undefined,
) {
  const { compareValue, valueToString, Link } = values;
  const DATA_ARRAY_MEMBERS = new Set([
    'where',
    'filter',
    'map',
    'flatMap',
    'mutate',
    'slice',
    'concat',
    'indexOf',
    'limit',
    'find',
    'findIndex',
    'includes',
    'join',
    'sort',
    'sortInPlace',
    'groupBy',
    'groupIn',
    'distinct',
    'every',
    'some',
    'none',
    'first',
    'last',
    'to',
    'into',
    'lwrap',
    'expand',
    'forEach',
    'length',
    'values',
    'array',
    'toString',
    'sum',
    'avg',
    'min',
    'max',
    'constructor',
  ]);

  const isOrderedNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);

  /** Indices of the keys in sorted order; ties keep their order (Array.prototype.sort is stable, as in V8). */
  const comparedOrder = (keys: unknown[], compare: Comparator, descending: boolean): number[] => {
    const sign = descending ? -1 : 1;
    return keys.map((_, index) => index).sort((a, b) => sign * compare(keys[a], keys[b]));
  };

  /**
   * comparedOrder for numbers (no NaN) under compareValue, without a call per comparison: the keys are sorted natively,
   * then each index takes the next free slot of its key's run (-0 and 0 share one, as compareValue finds them equal).
   */
  const numericOrder = (keys: number[], descending: boolean): number[] => {
    const count = keys.length;
    const sorted = new Float64Array(keys).sort();
    const nextSlot = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const at = descending ? count - 1 - i : i;
      const previous = descending ? at + 1 : at - 1;
      if (i === 0 || sorted[at] !== sorted[previous]) nextSlot.set(sorted[at], i);
    }
    const order = new Array<number>(count);
    for (let index = 0; index < count; index++) {
      const slot = nextSlot.get(keys[index])!;
      nextSlot.set(keys[index], slot + 1);
      order[slot] = index;
    }
    return order;
  };

  /** A plain file link's rank: compareValue orders such links as these numbers (by path, localeCompare's ranks). */
  const fileLinkRank = (value: unknown): number | undefined => {
    if (!(value instanceof Link) || Object.getPrototypeOf(value) !== Link.prototype) return undefined;
    const link = value as LinkValue;
    return link.type === 'file' && !link.subpath && typeof link.path === 'string' ? collationRank(link.path) : undefined;
  };

  /** Indices of the keys in compareValue's order; numbers and ranked file links (most sorts) without comparator calls. */
  const valueOrder = (keys: unknown[], descending: boolean): number[] => {
    if (keys.every(isOrderedNumber)) return numericOrder(keys as number[], descending);
    const ranks = fileLinkRank(keys[0]) === undefined ? [] : keys.map(fileLinkRank);
    if (ranks.length > 0 && ranks.every((rank) => rank !== undefined)) return numericOrder(ranks as number[], descending);
    return comparedOrder(keys, compareValue, descending);
  };

  /**
   * Frozen arrays of primitives and frozen plain links (page data such as file.inlinks) sorted by themselves, by
   * direction: every block that sorts one (the seed block sorts each linked page's inlinks) gets the same order.
   */
  const selfSorted = [new WeakMap<unknown[], readonly unknown[]>(), new WeakMap<unknown[], readonly unknown[]>()];
  const isFrozenPlainLink = (v: object): boolean => {
    if (Object.getPrototypeOf(v) !== Link.prototype || !Object.isFrozen(v)) return false;
    const link = v as LinkValue;
    return typeof link.path === 'string' && typeof link.subpath !== 'object' && typeof link.display !== 'object';
  };
  const isImmutableList = (values: unknown[]): boolean =>
    Object.isFrozen(values) && values.every((v) => (typeof v === 'object' && v !== null ? isFrozenPlainLink(v) : typeof v !== 'function'));

  /** Records the ascending self-sort of a list of frozen plain links that is frozen before any block sorts it. */
  const rememberSorted = (values: unknown[], sorted: unknown[]): void => {
    selfSorted[0].set(values, Object.freeze(sorted.slice()));
  };

  const isGroup = (e: unknown): boolean => !!e && typeof e === 'object' && Object.keys(e).length === 2 && 'key' in e && 'rows' in e;

  class DataArrayImpl {
    declare values: unknown[];
    declare length: number;
    constructor(values: unknown[]) {
      this.values = values;
      this.length = values.length;
    }
    lwrap(values: unknown[]): DataArrayImpl {
      return wrapDataArray(values);
    }
    where(predicate: Callback): DataArrayImpl {
      return this.lwrap(this.values.filter(predicate));
    }
    filter(predicate: Callback) {
      return this.where(predicate);
    }
    map(f: Callback) {
      return this.lwrap(this.values.map(f));
    }
    flatMap(f: Callback) {
      const result: unknown[] = [];
      for (let i = 0; i < this.values.length; i++) {
        const value = f(this.values[i], i, this.values) as Iterable<unknown> & { length?: number };
        if (!value || value.length === 0) continue;
        for (const item of value) result.push(item);
      }
      return this.lwrap(result);
    }
    mutate(f: Callback) {
      const values = this.values;
      for (let i = 0; i < values.length; i++) {
        // Page objects are shared by every block, so frozen: f gets the page's own copy, as a fresh page in Dataview.
        if (isSharedPageObject(values[i]) && !Object.isFrozen(values)) values[i] = Object.assign({}, values[i]);
        f(values[i], i, values);
      }
      return wrapDataArray(values);
    }
    limit(count: number): DataArrayImpl {
      return this.lwrap(this.values.slice(0, count));
    }
    slice(start?: number, end?: number) {
      return this.lwrap(this.values.slice(start, end));
    }
    concat(other: Iterable<unknown>) {
      return this.lwrap(this.values.concat(isDataArray(other) ? other.values : Array.from(other)));
    }
    indexOf(element: unknown, fromIndex?: number) {
      return this.findIndex((e) => compareValue(e, element) === 0, fromIndex);
    }
    find(predicate: Callback) {
      const i = this.findIndex(predicate);
      return i === -1 ? undefined : this.values[i];
    }
    findIndex(predicate: Callback, fromIndex?: number) {
      for (let i = fromIndex || 0; i < this.values.length; i++) if (predicate(this.values[i], i, this.values)) return i;
      return -1;
    }
    includes(element: unknown) {
      return this.indexOf(element, 0) !== -1;
    }
    join(separator?: string) {
      return this.values.map((v) => valueToString(v)).join(separator === undefined ? ', ' : separator);
    }
    sort(key?: Callback, direction?: string, comparator?: Comparator): DataArrayImpl {
      if (this.values.length === 0) return wrapDataArray(this.values);
      const values = this.values;
      const descending = direction === 'desc';
      // Only immutable lists are remembered: a list found needs no check.
      const known = !key && !comparator ? selfSorted[descending ? 1 : 0].get(values) : undefined;
      if (known) return this.lwrap(known.slice());
      const memo = !key && !comparator && isImmutableList(values) ? selfSorted[descending ? 1 : 0] : undefined;
      const keyOf: Callback = key || ((value) => value);
      const keys = values.map((value, index) => keyOf(value, index, values));
      const order = comparator ? comparedOrder(keys, comparator, descending) : valueOrder(keys, descending);
      const sorted = order.map((index) => values[index]);
      memo?.set(values, Object.freeze(sorted.slice()));
      return this.lwrap(sorted);
    }
    sortInPlace(key?: Callback, direction?: string, comparator?: Comparator) {
      const sorted = this.sort(key, direction, comparator).values;
      for (let i = 0; i < sorted.length; i++) this.values[i] = sorted[i];
      return wrapDataArray(this.values);
    }
    groupBy(key: Callback, comparator?: Comparator): DataArrayImpl {
      if (this.values.length === 0) return this.lwrap([]);
      const compare = comparator || compareValue;
      const sorted = this.sort(key, 'asc', comparator).values;
      const result: unknown[] = [];
      let rows = [sorted[0]];
      let current = key(sorted[0], 0, sorted);
      for (let i = 1; i < sorted.length; i++) {
        const next = key(sorted[i], i, sorted);
        if (compare(current, next) !== 0) {
          result.push({ key: current, rows: this.lwrap(rows) });
          current = next;
          rows = [sorted[i]];
        } else rows.push(sorted[i]);
      }
      result.push({ key: current, rows: this.lwrap(rows) });
      return this.lwrap(result);
    }
    groupIn(key: Callback, comparator?: Comparator): DataArrayImpl {
      if (this.values.length > 0 && this.values.every(isGroup)) {
        return this.map((g) => {
          const group = g as { key: unknown; rows: Iterable<unknown> };
          return { key: group.key, rows: wrapDataArray(Array.from(group.rows)).groupIn(key, comparator) };
        });
      }
      return this.groupBy(key, comparator);
    }
    distinct(key?: Callback, comparator?: Comparator) {
      if (this.values.length === 0) return wrapDataArray(this.values);
      const compare = comparator || compareValue;
      const keyOf: Callback = key || ((value) => value);
      const values = this.values;
      const keyed = wrapDataArray(values.map((value, index) => ({ key: keyOf(value, index, values), value }))).sort(
        (e) => (e as { key: unknown }).key,
        'asc',
        comparator,
      ).values as { key: unknown; value: unknown }[];
      const result = [keyed[0].value];
      for (let i = 1; i < keyed.length; i++) if (compare(keyed[i - 1].key, keyed[i].key) !== 0) result.push(keyed[i].value);
      return this.lwrap(result);
    }
    every(f: Callback) {
      return this.values.every(f);
    }
    some(f: Callback) {
      return this.values.some(f);
    }
    none(f: Callback) {
      return this.values.every((v, i, a) => !f(v, i, a));
    }
    first(): unknown {
      return this.values.length > 0 ? this.values[0] : undefined;
    }
    last() {
      return this.values.length > 0 ? this.values[this.values.length - 1] : undefined;
    }
    to(key: string) {
      const result: unknown[] = [];
      for (const child of this.values) {
        const value = child === null || child === undefined ? undefined : (child as Record<string, unknown>)[key];
        if (value === undefined || value === null) continue;
        if (Array.isArray(value))
          value.forEach((v: unknown) => {
            result.push(v);
          });
        else result.push(value);
      }
      return this.lwrap(result);
    }
    into(key: string) {
      const result: unknown[] = [];
      for (const child of this.values) {
        const value = child === null || child === undefined ? undefined : (child as Record<string, unknown>)[key];
        if (value !== undefined && value !== null) result.push(value);
      }
      return this.lwrap(result);
    }
    expand(key: string) {
      const result: unknown[] = [];
      const queue = this.values.slice();
      while (queue.length > 0) {
        const next = queue.pop() as Record<string, unknown>;
        const value = next[key];
        if (value === undefined || value === null) continue;
        if (Array.isArray(value))
          value.forEach((v: unknown) => {
            queue.push(v);
          });
        else queue.push(value);
        result.push(next);
      }
      return this.lwrap(result);
    }
    forEach(f: Callback) {
      for (let i = 0; i < this.values.length; i++) f(this.values[i], i, this.values);
    }
    sum() {
      return (this.values as number[]).reduce((a, b) => a + b, 0);
    }
    avg() {
      return this.sum() / this.values.length;
    }
    min() {
      return Math.min.apply(Math, this.values as number[]);
    }
    max() {
      return Math.max.apply(Math, this.values as number[]);
    }
    array() {
      return this.values.slice();
    }
    [Symbol.iterator]() {
      return this.values[Symbol.iterator]();
    }
    toString() {
      return `[${this.values.join(', ')}]`;
    }
  }

  const DATA_ARRAY_PROXY: ProxyHandler<DataArrayImpl> = {
    get: (target, prop) => {
      const members = target as unknown as Record<string | symbol, unknown>;
      if (typeof prop === 'symbol') return members[prop];
      if (prop === 'constructor') return target.values.constructor;
      // biome-ignore lint/correctness/useParseIntRadix: Dataview's own lookup, '0x1' included
      if (!Number.isNaN(parseInt(prop))) return target.values[parseInt(prop)];
      if (DATA_ARRAY_MEMBERS.has(prop)) return members[prop];
      return target.to(prop);
    },
  };

  const wrapDataArray = (values: unknown[]): DataArrayImpl => new Proxy(new DataArrayImpl(values), DATA_ARRAY_PROXY);
  const isDataArray = (value: unknown): value is DataArrayImpl => value instanceof DataArrayImpl;
  const toDataArray = (raw: unknown): DataArrayImpl => {
    if (isDataArray(raw)) return raw;
    if (Array.isArray(raw)) return wrapDataArray(raw);
    return wrapDataArray([raw]);
  };

  // Dataview patches Array.isArray so that data arrays count as arrays (prelude.ts installs this); scripts rely on it.
  const plainIsArray = Array.isArray;
  const isArrayOrDataArray = (value: unknown): boolean => plainIsArray(value) || isDataArray(value);

  return {
    DataArrayImpl,
    DATA_ARRAY_PROXY,
    wrapDataArray,
    isDataArray,
    toDataArray,
    plainIsArray,
    isArrayOrDataArray,
    numericOrder,
    valueOrder,
    rememberSorted,
  };
}

export type DataArrays = ReturnType<typeof dataArrays>;
export type DataArray = InstanceType<DataArrays['DataArrayImpl']>;
