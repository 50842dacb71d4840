// The whole sandbox program: evaluates to a function that takes the snapshot JSON and two pure host helpers
// (zone offset, string collation), indexes the snapshot, freezes everything blocks share, and returns what the host
// calls per block: `createDv(currentPath)`, `isWholeBlock(fn, source)` and `resetGlobals()`. Nothing host-side
// becomes a global.
import { SAFE_TAGS } from '../html';
import { API_JS } from './api';
import { DATA_ARRAY_JS } from './data-array';
import { ISOLATION_JS } from './isolation';
import { LAZY_PAGES_JS } from './lazy-pages';
import { PAGES_JS } from './pages';
import { SOURCES_JS } from './sources';
import { VALUES_JS } from './values';

export const PRELUDE_JS = [
  '(function (snapshotJson, hostZoneOffset, hostCollate, hostReadFile, hostRequest) {',
  '"use strict";',
  'var snapshot = JSON.parse(snapshotJson);',
  // Zone offsets only change at quarter-hour instants: one host call per quarter hour seen.
  'var offsetsByQuarterHour = new Map();',
  'function zoneOffset(ts) {',
  '  var quarter = Math.floor(ts / 900000);',
  '  if (!offsetsByQuarterHour.has(quarter)) offsetsByQuarterHour.set(quarter, hostZoneOffset(quarter * 900000));',
  '  return offsetsByQuarterHour.get(quarter);',
  '}',
  // Obsidian runs in Chromium, whose localeCompare uses ICU; QuickJS's compares code points.
  'Object.defineProperty(String.prototype, "localeCompare", { configurable: true, writable: true,',
  '  value: function localeCompare(other) { return hostCollate(String(this), String(other)); } });',
  // Obsidian's helpers on built-in prototypes, which vault scripts rely on.
  'Object.defineProperty(Array.prototype, "contains", { configurable: true, writable: true, value: function contains(x) { return this.includes(x); } });',
  'Object.defineProperty(Array.prototype, "first", { configurable: true, writable: true, value: function first() { return this[0]; } });',
  'Object.defineProperty(Array.prototype, "last", { configurable: true, writable: true, value: function last() { return this[this.length - 1]; } });',
  'Object.defineProperty(Array.prototype, "unique", { configurable: true, writable: true, value: function unique() { return Array.from(new Set(this)); } });',
  'Object.defineProperty(String.prototype, "contains", { configurable: true, writable: true, value: function contains(x) { return this.includes(x); } });',
  'function readVaultFile(path) { return hostReadFile(String(path)); }',
  'function askHost(request) { return JSON.parse(hostRequest(JSON.stringify(request))); }',
  // console.* is common in blocks; it has no output on a static page.
  'var quiet = function () {};',
  'globalThis.console = { log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet, table: quiet };',
  `var SAFE_TAGS = new Set(${JSON.stringify(SAFE_TAGS)});`,
  VALUES_JS,
  DATA_ARRAY_JS,
  PAGES_JS,
  SOURCES_JS,
  LAZY_PAGES_JS,
  API_JS,
  ISOLATION_JS,
  'isolateBlocks([createDv(""), DateTime, Link, ListPairWidget, DataArrayImpl, LazyPageArray, fileListsGetter, fileTasksGetter, Array.from(unsupportedGetters.values())], [snapshot, Array.from(pageObjects.values())]);',
  'return { createDv: createDv, isWholeBlock: isWholeBlock, resetGlobals: resetGlobals };',
  '})',
].join('\n');
