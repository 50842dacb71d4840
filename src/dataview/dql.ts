// DQL on the host: the query is parsed by obsidian-dataview's own grammar and its tree evaluated over the published
// snapshot (a query runs no author code, so it needs no sandbox). The result is the blocks the renderer draws.
import type { Query } from './dql/ast';
import { EvaluationError } from './dql/operators';
import { executeQuery, QueryError } from './dql/execute';
import { dataviewGrammar } from './dql/grammar';
import type { VaultIndex } from './dql/vault-index';
import type { DvBlock } from './types';

type DqlOutcome = { ok: true; blocks: DvBlock[] } | { ok: false; reason: string; line?: number };

/** Parsimmon's report names the line (1-based, within the block) and what it expected there. */
function parseFailure(text: string): DqlOutcome {
  const result = dataviewGrammar().QUERY_LANGUAGE.query.parse(text);
  if (result.status) return { ok: false, reason: 'Dataview query: could not be read' };
  const { line, column } = result.index;
  const source = text.split('\n')[line - 1] ?? '';
  return { ok: false, line, reason: `Dataview query: cannot read "${source.trim()}" at column ${column} (expected ${result.expected.join(', ')})` };
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
