// What a dataviewjs block may ask the host for, beyond the snapshot: DQL queries (dv.query, dv.execute), expressions
// (dv.evaluate), Dataview's value typing (dv.parse, dv.duration), a page's list items (file.lists, file.tasks, on
// first read) and the build's clock (Date). Requests and answers cross the sandbox boundary as JSON; values
// in answers are encoded like the snapshot's fields (snapshot-values.ts).
import type { Query } from './dql/ast';
import { evaluate } from './dql/evaluate';
import { EvaluationError } from './dql/operators';
import { DateTime, Duration } from 'luxon';
import { readClock } from '../config/clock';
import { executeQuery, QueryError, queryValues } from './dql/execute';
import { FUNCTIONS } from './dql/functions';
import { dataviewGrammar } from './dql/grammar';
import { parseInlineValue } from './dql/parsed';
import { type DataObject, Link, type LinkType, type Value } from './dql/values';
import type { VaultIndex } from './dql/vault-index';
import { encodeValue, sandboxLists } from './snapshot-values';

type Request =
  | { op: 'query' | 'execute'; dql: string; origin: string }
  | { op: 'func'; name: string; args: unknown[]; origin: string }
  | { op: 'evaluate'; expression: string; context: unknown; origin: string }
  | { op: 'parse'; text: string }
  | { op: 'lists'; path: string }
  | { op: 'now' };

/** A value a block passed to dv.func, tagged as the sandbox sends it, as the DQL engine's value. */
function decodeValue(value: unknown): Value {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null || typeof value !== 'object') return value as Value;
  const tagged = value as {
    $date?: number;
    $duration?: number;
    $link?: { path: string; type?: LinkType; subpath?: string; display?: string; embed?: boolean };
  };
  if (tagged.$date !== undefined) return DateTime.fromMillis(tagged.$date);
  if (tagged.$duration !== undefined) return Duration.fromMillis(tagged.$duration);
  if (tagged.$link !== undefined) {
    const l = tagged.$link;
    return new Link(l.path, l.type ?? 'file', l.subpath ?? undefined, l.display ?? undefined, !!l.embed);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeValue(v)]));
}

function parse(dql: string): Query {
  try {
    return dataviewGrammar().QUERY_LANGUAGE.query.tryParse(dql);
  } catch (error) {
    throw new QueryError(error instanceof Error ? error.message : String(error));
  }
}

/** Answers one request (JSON in, JSON out); a query that fails is an answer too, as dv.query gives it. */
export function answerRequest(requestJson: string, index: VaultIndex): string {
  const request = JSON.parse(requestJson) as Request;
  if (request.op === 'parse') return JSON.stringify(encodeValue(parseInlineValue(String(request.text))));
  if (request.op === 'now') return JSON.stringify(readClock('dataviewjs'));
  if (request.op === 'lists') return JSON.stringify(sandboxLists(index, String(request.path)));
  const origin = index.page(request.origin);
  const ctx = { index, originPath: request.origin, thisRow: origin ? index.row(origin) : {} };
  try {
    if (request.op === 'func') {
      const fn = Object.hasOwn(FUNCTIONS, request.name) ? FUNCTIONS[request.name] : undefined;
      if (!fn) return JSON.stringify({ successful: false, error: `dv.func.${request.name} is not a Dataview function` });
      return JSON.stringify({ successful: true, value: encodeValue(fn(ctx, ...request.args.map(decodeValue))) });
    }
    if (request.op === 'evaluate') {
      // Dataview's evaluate: the context's keys are the expression's variables, `this` is the block's note.
      const parsed = dataviewGrammar().EXPRESSION.field.parse(String(request.expression));
      if (!parsed.status) return JSON.stringify({ successful: false, error: `Failed to parse expression "${request.expression}"` });
      const row = decodeValue(request.context);
      const value = evaluate(parsed.value, row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as DataObject) : {}, ctx);
      return JSON.stringify({ successful: true, value: encodeValue(value) });
    }
    const query = parse(request.dql);
    if (request.op === 'execute') return JSON.stringify({ successful: true, blocks: executeQuery(query, ctx) });
    const result = queryValues(query, ctx);
    return JSON.stringify({ successful: true, value: encodeValue(result as never) });
  } catch (error) {
    if (!(error instanceof QueryError || error instanceof EvaluationError)) throw error;
    return JSON.stringify({ successful: false, error: error.message });
  }
}
