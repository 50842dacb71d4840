// Sandbox source: what lets one runtime serve every block of a build. Before any block runs, every object a block
// can reach that outlives it (intrinsics, the prelude's shared API, the snapshot, page objects) is frozen, and the
// global object's own properties are fixed; after each block, the globals it added are removed. So no block can
// change what the next one sees.
export const ISOLATION_JS = `
/** Freezes every object reachable from the roots through own properties, accessors and prototypes. */
function harden(roots) {
  var seen = new Set([globalThis]);
  var stack = roots.slice();
  while (stack.length > 0) {
    var value = stack.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    Object.freeze(value);
    stack.push(Object.getPrototypeOf(value));
    var keys = Reflect.ownKeys(value);
    for (var i = 0; i < keys.length; i++) {
      var property = Object.getOwnPropertyDescriptor(value, keys[i]);
      if ('value' in property) stack.push(property.value);
      else stack.push(property.get, property.set);
    }
  }
}

/**
 * Freezes a tree of data: own enumerable properties only, no prototypes. For the snapshot (JSON) and page objects,
 * whose prototypes and accessors are shared ones that harden() reaches. Much cheaper than harden() on 100,000s of objects.
 */
function freezeData(value) {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  // Not the patched Array.isArray, which counts data arrays: their values are reached directly, not through the proxy.
  if (isDataArray(value)) freezeData(value.values);
  else if (plainIsArray(value)) for (var i = 0; i < value.length; i++) freezeData(value[i]);
  else {
    for (var key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      // Accessors are shared getters, hardened with the API (lazy list items): what they return is frozen when made.
      var property = Object.getOwnPropertyDescriptor(value, key);
      if ('value' in property) freezeData(property.value);
    }
  }
}

/** Intrinsics no global names, reached through syntax or built-in results (iterators, generators, async functions). */
function hiddenIntrinsics() {
  return [
    [][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), ''[Symbol.iterator](),
    /x/g[Symbol.matchAll](''), [].values().map(function (x) { return x; }), Iterator.from({ next: function () {} }),
    function* () {}, (function* () {})(), async function () {}, async function* () {}, (async function* () {})()
  ];
}

var baseGlobalKeys;

/** Freezes the intrinsics, the given shared objects and data; fixes the globals that exist now. */
function isolateBlocks(shared, data) {
  // Its callbacks run whenever the collector gets to them: during a later block.
  delete globalThis.FinalizationRegistry;
  var globals = Reflect.ownKeys(globalThis).map(function (key) { return Object.getOwnPropertyDescriptor(globalThis, key); });
  harden(globals.map(function (p) { return p.value; }).concat(hiddenIntrinsics(), shared));
  data.forEach(freezeData);
  Reflect.ownKeys(globalThis).forEach(function (key) {
    var property = Object.getOwnPropertyDescriptor(globalThis, key);
    Object.defineProperty(globalThis, key, 'value' in property ? { writable: false, configurable: false } : { configurable: false });
  });
  // The global object stays extensible: blocks run sloppy, as in Obsidian, where 'for (p of pages)' makes a global.
  baseGlobalKeys = new Set(Reflect.ownKeys(globalThis));
}

/** Removes the globals a block added; false when it left some that cannot be removed. */
function resetGlobals() {
  var clean = Object.isExtensible(globalThis);
  Reflect.ownKeys(globalThis).forEach(function (key) {
    if (!baseGlobalKeys.has(key) && !Reflect.deleteProperty(globalThis, key)) clean = false;
  });
  return clean;
}

var functionSource = Function.prototype.toString;
/** Whether a block compiled to the one function it was wrapped in (code closing the wrapper early ran outside it). */
function isWholeBlock(block, expectedSource) {
  return typeof block === 'function' && functionSource.call(block) === expectedSource;
}
`;
