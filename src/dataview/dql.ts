// DQL on the host: the query is parsed by obsidian-dataview's own grammar and its tree evaluated over the published
// snapshot (a query runs no author code, so it needs no sandbox). The result is the blocks the renderer draws.
import type { Query } from './dql/ast';
import { evaluate } from './dql/evaluate';
import { EvaluationError } from './dql/operators';
import { executeQuery, QueryError } from './dql/execute';
import { dataviewGrammar } from './dql/grammar';
import { toOutput } from './dql/output';
import { Link, type Value } from './dql/values';
import type { VaultIndex } from './dql/vault-index';
import type { DvBlock, DvValue } from './types';

type DqlOutcome = { ok: true; blocks: DvBlock[] } | { ok: false; reason: string; line?: number };
type InlineOutcome = { ok: true; value: DvValue } | { ok: false; reason: string };

/** Parsimmon's report names the line (1-based, within the block) and what it expected there. */
function parseFailure(text: string): DqlOutcome {
  const result = dataviewGrammar().QUERY_LANGUAGE.query.parse(text);
  if (result.status) return { ok: false, reason: 'Dataview query: could not be read' };
  const { line, column } = result.index;
  const source = text.split('\n')[line - 1] ?? '';
  return { ok: false, line, reason: `Dataview query: cannot read "${source.trim()}" at column ${column} (expected ${result.expected.join(', ')})` };
}

/** Dataview's inlineJsQueryPrefix: inline code starting with it is inline JavaScript, checked before the DQL prefix. */
const INLINE_JS_PREFIX = '$=';

/** An inline query's expression, as Dataview reads inline code: the trimmed text after the prefix (`$=` is JavaScript). */
export function inlineQueryExpression(code: string, prefix: string): string | undefined {
  const text = code.trim();
  if (!prefix || text.startsWith(INLINE_JS_PREFIX) || !text.startsWith(prefix)) return undefined;
  return text.slice(prefix.length).trim() || undefined;
}

/** Inline JavaScript's script (`` `$= dv.current().file.name` ``), the trimmed text after `$=`. */
export function inlineJsScript(code: string): string | undefined {
  const text = code.trim();
  return text.startsWith(INLINE_JS_PREFIX) ? text.slice(INLINE_JS_PREFIX.length).trim() || undefined : undefined;
}

/**
 * An inline query (`` `= expression` ``, src/main.ts dataviewInline): one expression, evaluated with `this` = the note
 * holding it and no row of its own (a bare `file.name` is null there, as in Dataview).
 */
export function runInlineDql(expression: string, originPath: string, index: VaultIndex): InlineOutcome {
  const parsed = dataviewGrammar().EXPRESSION.field.parse(expression);
  // Where reading stopped is enough in a one-line expression (Parsimmon's list of what it expected is long).
  if (!parsed.status) return { ok: false, reason: `Dataview (inline field '${expression}'): cannot read it at column ${parsed.index.column}` };
  const origin = index.page(originPath);
  const ctx = { index, originPath, thisRow: origin ? index.row(origin) : {} };
  try {
    return { ok: true, value: toOutput(evaluate(parsed.value, {}, ctx), ctx) };
  } catch (error) {
    // Any failure stays in its note: an inline query is one value in a sentence, never the page.
    const message = error instanceof EvaluationError ? error.message : String(error);
    return { ok: false, reason: `Dataview (for inline query '${expression}'): ${message}` };
  }
}

/** An inline field's value typed as Dataview types it, when the reading view shows it otherwise than as written. */
export function typedFieldValue(raw: string, originPath: string, index: VaultIndex): DvValue | undefined {
  const value = index.fieldValue(raw, originPath);
  // Text and links look the same typed or as written (the note's markdown draws them); numbers (`05` reads 5),
  // booleans, dates, durations, an empty value (-) and lists holding any of them do not.
  const asWritten = (v: Value): boolean => typeof v === 'string' || v instanceof Link || (Array.isArray(v) && v.length > 0 && v.every(asWritten));
  if (asWritten(value)) return undefined;
  return toOutput(value, { index, originPath, thisRow: {} });
}

export function runDql(text: string, originPath: string, index: VaultIndex): DqlOutcome {
  let query: Query;
  try {
    query = dataviewGrammar().QUERY_LANGUAGE.query.tryParse(text);
  } catch {
    return parseFailure(text);
  }
  const origin = index.page(originPath);
  try {
    return { ok: true, blocks: executeQuery(query, { index, originPath, thisRow: origin ? index.row(origin) : {} }) };
  } catch (error) {
    if (error instanceof QueryError || error instanceof EvaluationError) return { ok: false, reason: `Dataview: ${error.message}` };
    throw error;
  }
}
