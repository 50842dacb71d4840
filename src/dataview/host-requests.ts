// What a dataviewjs block may ask the host for, beyond the snapshot: DQL queries (dv.query, dv.execute) and
// Dataview's value typing (dv.parse, dv.duration), a page's list items (file.lists, file.tasks, on first read). Requests and answers cross the sandbox boundary as JSON; values
// in answers are encoded like the snapshot's fields (snapshot-values.ts).
import type { Query } from './dql/ast';
import { EvaluationError } from './dql/operators';
import { executeQuery, QueryError, queryValues } from './dql/execute';
import { dataviewGrammar } from './dql/grammar';
import { parseInlineValue } from './dql/parsed';
import type { VaultIndex } from './dql/vault-index';
import { encodeValue, sandboxLists } from './snapshot-values';

type Request = { op: 'query' | 'execute'; dql: string; origin: string } | { op: 'parse'; text: string } | { op: 'lists'; path: string };

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
  if (request.op === 'lists') return JSON.stringify(sandboxLists(index, String(request.path)));
  const origin = index.page(request.origin);
  const ctx = { index, originPath: request.origin, thisRow: origin ? index.row(origin) : {} };
  try {
    const query = parse(request.dql);
    if (request.op === 'execute') return JSON.stringify({ successful: true, blocks: executeQuery(query, ctx) });
    const result = queryValues(query, ctx);
    return JSON.stringify({ successful: true, value: encodeValue(result as never) });
  } catch (error) {
    if (!(error instanceof QueryError || error instanceof EvaluationError)) throw error;
    return JSON.stringify({ successful: false, error: error.message });
  }
}
