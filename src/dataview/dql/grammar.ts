// Dataview's own query and expression grammar (obsidian-dataview's library build). The package requires the
// `obsidian` module at load time for types only; outside the app an empty stand-in answers that require.
// Loaded with Node's require at run time (not bundled), so vitest and `astro build` load the same file.
import { createRequire } from 'node:module';
import type { Field, Query } from './ast';

interface Parser<T> {
  parse(text: string): { status: true; value: T } | { status: false; index: { line: number; column: number }; expected: string[] };
  tryParse(text: string): T;
}

interface Grammar {
  QUERY_LANGUAGE: { query: Parser<Query> };
  EXPRESSION: { field: Parser<Field>; inlineField: Parser<unknown>; date: Parser<unknown>; duration: Parser<unknown> };
}

const STAND_IN = 'obsidian (empty stand-in)';

function load(): Grammar {
  const require = createRequire(import.meta.url);
  const Module = require('node:module') as { _resolveFilename(request: string, ...rest: unknown[]): string };
  require.cache[STAND_IN] ??= { id: STAND_IN, filename: STAND_IN, loaded: true, exports: {} } as NodeJS.Module;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'obsidian' ? STAND_IN : resolve.call(this, request, ...rest);
  };
  try {
    return require('obsidian-dataview') as Grammar;
  } finally {
    Module._resolveFilename = resolve;
  }
}

let grammar: Grammar | undefined;
export function dataviewGrammar(): Grammar {
  return (grammar ??= load());
}
