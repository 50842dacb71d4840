// Sandbox module: what lets one runtime serve every block of a build. Before any block runs, every object a block
// can reach that outlives it (intrinsics, the prelude's shared API, the snapshot, page objects) is frozen, and the
// global object's own properties are fixed; after each block, the globals it added are removed. So no block can
// change what the next one sees.
import type { DataArrays } from './data-array';

export function isolation(arrays: Pick<DataArrays, 'isDataArray' | 'plainIsArray'>) {
  const { isDataArray, plainIsArray } = arrays;

  /** Freezes every object reachable from the roots through own properties, accessors and prototypes. */
  const harden = (roots: unknown[]): void => {
    const seen = new Set<unknown>([globalThis]);
    const stack = roots.slice();
    while (stack.length > 0) {
      const value = stack.pop();
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
      seen.add(value);
      Object.freeze(value);
      stack.push(Object.getPrototypeOf(value));
      const keys = Reflect.ownKeys(value);
      for (let i = 0; i < keys.length; i++) {
        const property = Object.getOwnPropertyDescriptor(value, keys[i])!;
        if ('value' in property) stack.push(property.value);
        else stack.push(property.get, property.set);
      }
    }
  };

  /**
   * Freezes a tree of data: own enumerable properties only, no prototypes. For what page objects hand out (decoded
   * fields, list items), whose prototypes and accessors are shared ones that harden() reaches. Much cheaper than harden().
   */
  const freezeData = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
    Object.freeze(value);
    // Not the patched Array.isArray, which counts data arrays: their values are reached directly, not through the proxy.
    if (isDataArray(value)) freezeData(value.values);
    else if (plainIsArray(value)) for (let i = 0; i < value.length; i++) freezeData(value[i]);
    else {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        // Accessors are shared getters, hardened with the API (lazy list items): what they return is frozen when made.
        const property = Object.getOwnPropertyDescriptor(value, key)!;
        if ('value' in property) freezeData(property.value);
      }
    }
  };

  /** Intrinsics no global names, reached through syntax or built-in results (iterators, generators, async functions). */
  const hiddenIntrinsics = (): unknown[] => [
    [][Symbol.iterator](),
    new Map()[Symbol.iterator](),
    new Set()[Symbol.iterator](),
    ''[Symbol.iterator](),
    /x/g[Symbol.matchAll](''),
    [].values().map((x) => x),
    Iterator.from({ next: () => ({ done: true, value: undefined }) }),
    function* () {},
    (function* () {})(),
    async () => {},
    async function* () {},
    (async function* () {})(),
  ];

  let baseGlobalKeys = new Set<PropertyKey>();

  /** Freezes the intrinsics and the given shared objects; fixes the globals that exist now. */
  const isolateBlocks = (shared: unknown[]): void => {
    // Its callbacks run whenever the collector gets to them: during a later block.
    delete (globalThis as { FinalizationRegistry?: unknown }).FinalizationRegistry;
    const globals = Reflect.ownKeys(globalThis).map((key) => Object.getOwnPropertyDescriptor(globalThis, key)!);
    harden(globals.map((p) => p.value).concat(hiddenIntrinsics(), shared));
    Reflect.ownKeys(globalThis).forEach((key) => {
      const property = Object.getOwnPropertyDescriptor(globalThis, key)!;
      Object.defineProperty(globalThis, key, 'value' in property ? { writable: false, configurable: false } : { configurable: false });
    });
    // The global object stays extensible: blocks run sloppy, as in Obsidian, where 'for (p of pages)' makes a global.
    baseGlobalKeys = new Set(Reflect.ownKeys(globalThis));
  };

  /** Removes the globals a block added; false when it left some that cannot be removed. */
  const resetGlobals = (): boolean => {
    let clean = Object.isExtensible(globalThis);
    Reflect.ownKeys(globalThis).forEach((key) => {
      if (!baseGlobalKeys.has(key) && !Reflect.deleteProperty(globalThis, key)) clean = false;
    });
    return clean;
  };

  const functionSource = Function.prototype.toString;
  /**
   * Whether a block compiled to the one function it was wrapped in (code closing the wrapper early ran outside it).
   * A whole block's function is frozen: blocks with the same code share it.
   */
  const isWholeBlock = (block: unknown, expectedSource: string): boolean => {
    const whole = typeof block === 'function' && functionSource.call(block) === expectedSource;
    if (whole) Object.freeze(block);
    return whole;
  };

  return { harden, freezeData, isolateBlocks, resetGlobals, isWholeBlock, functionSource };
}

export type Isolation = ReturnType<typeof isolation>;
