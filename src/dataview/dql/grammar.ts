// Dataview's own query and expression grammar (obsidian-dataview's library build). The package requires the
// `obsidian` module at load time for types only; outside the app an empty stand-in answers that require.
// Loaded with Node's require at run time (not bundled), so vitest and `astro build` load the same file.
import { createRequire } from 'node:module';
import type { Field, Query } from './ast';
import { DATE_SHORTHANDS } from './date-shorthands';

interface Parser<T> {
  parse(text: string): { status: true; value: T } | { status: false; index: { line: number; column: number }; expected: string[] };
  tryParse(text: string): T;
}

interface Grammar {
  /** The shorthands the grammar turns into dates while parsing (`date(today)`), on Luxon's clock. */
  DATE_SHORTHANDS: Record<string, () => unknown>;
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
    const grammar = require('obsidian-dataview') as Grammar;
    // Looked up at each parse: ours read the build's clock.
    Object.assign(grammar.DATE_SHORTHANDS, DATE_SHORTHANDS);
    return grammar;
  } finally {
    Module._resolveFilename = resolve;
  }
}

let grammar: Grammar | undefined;
export function dataviewGrammar(): Grammar {
  return (grammar ??= load());
}
