// Sandbox module: what dv.pages() returns. Blocks commonly ask for `dv.pages(src).where(p => …).sort(p => p.a.b, dir)
// .limit(n)`; done eagerly, every block filters, keys and sorts the whole source (~10,000 pages in a large vault). So
// the array is lazy: `where` records its predicate, a `sort` whose key is a plain property path (`p => p.file.mtime.ts`)
// takes the source's order by that key from a cache kept for the whole build (page objects are frozen, so the order
// cannot change), and `limit(n)` / `first()` walk that order through the predicates and stop at the n-th match.
// Anything else materialises the array and takes DataArray's general path.
//
// The result is the eager one: a plain-path key is looked up exactly as the arrow function would (or the general path
// runs when a lookup would throw), and the cached order is taken only when every key is of a type compareValue orders
// consistently (null, number but NaN, string, boolean, date, link), where a stable sort of the whole source, filtered,
// equals a stable sort of the filtered pages. What differs is when the predicate runs: when the result is first used
// (`limit`, `first`, or anything that needs the values) instead of at `where`, in the walk's order, and not on the
// pages past the limit. So a predicate counting its calls counts fewer, one that would throw on a page past the limit
// does not, and one reading a variable the block changes between `where` and the first use of its result (a `var`
// loop storing unfinished results) sees the new value. We accept that: predicates are written as tests and chains
// are used at once (`limit` ends the usual one); the eager path stays for every predicate that is not a
// one-parameter arrow function (index and array arguments, `arguments`, bound or native functions).
import type { Callback, Comparator, DataArray, DataArrays } from './data-array';
import type { Isolation } from './isolation';
import type { Pages, SharedWork, SnapshotPage } from './pages';
import type { Source, Sources, dependsOnOrigin as DependsOnOrigin } from './sources';
import type { Values } from './values';

/** A lazy array's plan, and its values once materialised. */
interface Lazy {
  plan: Plan;
  values?: unknown[];
}

interface Plan {
  source: Source | null;
  originPath: string;
  sourceKey: string;
  predicates: Callback[];
  sorted: readonly SnapshotPage[] | null;
}

export function lazyPages(
  values: Pick<Values, 'typeOf'>,
  arrays: Pick<DataArrays, 'DataArrayImpl' | 'DATA_ARRAY_PROXY' | 'wrapDataArray' | 'valueOrder'>,
  functionSource: Isolation['functionSource'],
  pages: Pick<Pages, 'pageObject' | 'snapshotKey'>,
  sources: Pick<Sources, 'parseQuery' | 'pagesForSource'>,
  dependsOnOrigin: typeof DependsOnOrigin,
  sharedWork: SharedWork,
) {
  const { typeOf } = values;
  const { DataArrayImpl, DATA_ARRAY_PROXY, wrapDataArray, valueOrder } = arrays;
  const { pageObject, snapshotKey } = pages;
  const { parseQuery, pagesForSource } = sources;
  const IDENTIFIER = '[A-Za-z_$][\\w$]*';
  /** 'p => p.a.b' (parentheses optional): its property path is the key, so the prelude can look it up itself. */
  const PATH_KEY = new RegExp(`^\\(?\\s*(${IDENTIFIER})\\s*\\)?\\s*=>\\s*\\1((?:\\.${IDENTIFIER})+)\\s*$`);
  /** An arrow function of at most one plain parameter: it cannot see the index or array filter() would pass. */
  const ONE_PARAMETER_ARROW = new RegExp(`^(?:${IDENTIFIER}|\\(\\s*(?:${IDENTIFIER})?\\s*\\))\\s*=>`);

  const keyPath = (key: unknown): string[] | null => {
    const match = typeof key === 'function' ? PATH_KEY.exec(functionSource.call(key)) : null;
    return match ? match[2].slice(1).split('.') : null;
  };

  const isLazyPredicate = (predicate: unknown): predicate is Callback =>
    typeof predicate === 'function' && ONE_PARAMETER_ARROW.test(functionSource.call(predicate));

  /** Values compareValue orders as a total preorder (NaN compares unequal to itself), so filtering commutes with sorting. */
  const isConsistentlyOrdered = (value: unknown): boolean => {
    switch (typeOf(value)) {
      case 'null':
      case 'string':
      case 'boolean':
        return true;
      case 'number':
        return !Number.isNaN(value);
      case 'date': {
        const date = value as { ts: number };
        return !Number.isNaN(date.ts);
      }
      case 'link': {
        const link = value as { path: unknown; type: unknown; subpath: unknown };
        return typeof link.path === 'string' && typeof link.type === 'string' && (!link.subpath || typeof link.subpath === 'string');
      }
      default:
        return false;
    }
  };

  /** Each page's key by direct lookup, or null when a lookup would throw or a key is not consistently ordered. */
  const pathKeys = (pages: SnapshotPage[], path: string[]): unknown[] | null => {
    const keys = new Array<unknown>(pages.length);
    // A file field the snapshot holds (the seed block sorts each tag's pages by file.mtime.ts): no page objects.
    const fromSnapshot = snapshotKey(path);
    if (fromSnapshot) {
      for (let i = 0; i < pages.length; i++) {
        keys[i] = fromSnapshot(pages[i]);
        // Only a string or an ordered number orders as the field would (the field's date of a missing time may not).
        if (typeof keys[i] !== 'string' && !(typeof keys[i] === 'number' && !Number.isNaN(keys[i]))) return null;
      }
      return keys;
    }
    try {
      for (let i = 0; i < pages.length; i++) {
        let value: unknown = pageObject(pages[i]);
        for (let j = 0; j < path.length; j++) {
          if (value === null || value === undefined) return null;
          value = (value as Record<string, unknown>)[path[j]];
        }
        if (!isConsistentlyOrdered(value)) return null;
        keys[i] = value;
      }
    } catch {
      // An unsupported field's getter: the author's key function, on the general path, throws it where it belongs.
      // (QuickJS's interrupt for the time limit cannot be caught.)
      return null;
    }
    return keys;
  };

  /** Source key, key path and direction → the source's pages sorted so (frozen), or null for the general path. */
  const sortedSources = new Map<string, readonly SnapshotPage[] | null>();
  /**
   * Page references the cache may hold (~8 MB): it grows on the heap the blocks' budget is measured on. A sorted tag
   * source holds each page once per tag it has; a build asking for many large sources ('-#tag' for each tag) stops
   * caching instead of running blocks out of memory.
   */
  const SORTED_SOURCES_BUDGET = 1000000;
  let sortedSourcesSize = 0;

  const sortedSourcePages = (plan: Plan, path: string[], descending: boolean): readonly SnapshotPage[] | null => {
    const cacheKey = [plan.sourceKey, path.join('.'), descending ? 'desc' : 'asc'].join('\u0000');
    if (sortedSources.has(cacheKey)) return sortedSources.get(cacheKey)!;
    return sharedWork(() => sortSource(plan, path, descending, cacheKey));
  };

  const sortSource = (plan: Plan, path: string[], descending: boolean, cacheKey: string): readonly SnapshotPage[] | null => {
    const pages = pagesForSource(plan.source, plan.originPath);
    const keys = pathKeys(pages, path);
    const sorted = keys === null ? null : Object.freeze(valueOrder(keys, descending).map((index) => pages[index]));
    if (sortedSourcesSize + pages.length <= SORTED_SOURCES_BUDGET) {
      sortedSources.set(cacheKey, sorted);
      sortedSourcesSize += pages.length;
    }
    return sorted;
  };

  /** The first count page objects, in the plan's order, that every predicate keeps. */
  const walkPlan = (plan: Plan, count: number): unknown[] => {
    const pages = plan.sorted || pagesForSource(plan.source, plan.originPath);
    const result: unknown[] = [];
    for (let i = 0; i < pages.length && result.length < count; i++) {
      const page = pageObject(pages[i]);
      if (plan.predicates.every((keep) => (keep as (page: unknown) => unknown)(page))) result.push(page);
    }
    return result;
  };

  /** Each lazy array's plan (keyed by the proxy and its target, where blocks cannot reach it), and its values once made. */
  const lazyArrays = new WeakMap<object, Lazy>();
  /** The plan of a lazy array not yet materialised. */
  const planOf = (array: object): Plan | undefined => {
    const lazy = lazyArrays.get(array);
    return lazy && !lazy.values ? lazy.plan : undefined;
  };

  class LazyPageArray extends DataArrayImpl {
    where(predicate: Callback): DataArray {
      const plan = planOf(this);
      if (!plan || !isLazyPredicate(predicate)) return super.where(predicate);
      return lazyPageArray(Object.assign({}, plan, { predicates: plan.predicates.concat([predicate]) }));
    }
    sort(key?: Callback, direction?: string, comparator?: Comparator): DataArray {
      const plan = planOf(this);
      const path = plan && !plan.sorted && !comparator ? keyPath(key) : null;
      const sorted = path && sortedSourcePages(plan!, path, direction === 'desc');
      if (!sorted) return super.sort(key, direction, comparator);
      return lazyPageArray(Object.assign({}, plan, { sorted }));
    }
    limit(count: number): DataArray {
      const plan = planOf(this);
      if (!plan || !Number.isInteger(count) || count < 0) return super.limit(count);
      return wrapDataArray(walkPlan(plan, count));
    }
    first(): unknown {
      const plan = planOf(this);
      return plan ? walkPlan(plan, 1)[0] : super.first();
    }
  }

  const lazyPageArray = (plan: Plan): DataArray => {
    const target = new LazyPageArray([]);
    const array = new Proxy(target, DATA_ARRAY_PROXY);
    const lazy: Lazy = { plan };
    // Once materialised, the values are the array (mutate() and sortInPlace() change them): no more shortcuts. The
    // getters close over `lazy`, not the array: a cycle through them would wait for QuickJS's collector.
    const materialize = (): unknown[] => {
      if (!lazy.values) lazy.values = walkPlan(plan, Infinity);
      return lazy.values;
    };
    Object.defineProperty(target, 'values', { enumerable: true, get: materialize });
    Object.defineProperty(target, 'length', { enumerable: true, get: () => materialize().length });
    lazyArrays.set(target, lazy);
    lazyArrays.set(array, lazy);
    return array;
  };

  /** dv.pages(query): the query is parsed now, so a malformed one throws here, as in Dataview. */
  const lazySourcePages = (query: unknown, originPath: string): DataArray => {
    const source = parseQuery(query);
    const text = source === null ? '' : String(query).trim();
    const sourceKey = dependsOnOrigin(source) ? `${originPath}\u0000${text}` : text;
    return lazyPageArray({ source, originPath, sourceKey, predicates: [], sorted: null });
  };

  return { LazyPageArray, lazySourcePages };
}
