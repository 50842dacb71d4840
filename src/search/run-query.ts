// One search as the reader sees it (browser side): Pagefind's ranked results, with the pages whose title (or, for
// a glossary term, reading or alias) *is* the query moved first. Ranking alone cannot tell "イメージ" the term
// from ベースイメージ or スリムイメージ, whose names hold the same word as often or more.
import { NAME_FILTER, nameKey } from './names';
import type { PagefindFilterCounts, PagefindHit, PagefindWeb } from './pagefind-web';

/** Selected filter values by filter name (several tags: pages with all of them). */
type SelectedFilters = Record<string, string[]>;

export interface RankedSearch {
  /** Result handles, best first; load each one's data when shown. */
  results: PagefindHit[];
  /** Per filter, how many of these results have each value. */
  filters: PagefindFilterCounts;
}

export async function runQuery(pagefind: PagefindWeb, query: string, selected: SelectedFilters): Promise<RankedSearch> {
  const key = nameKey(query);
  if (!key) return { results: [], filters: {} };
  const filters = Object.fromEntries(Object.entries(selected).filter(([, values]) => values.length > 0));
  const [ranked, named] = await Promise.all([pagefind.search(query, { filters }), pagefind.search(null, { filters: { ...filters, [NAME_FILTER]: key } })]);
  // The ranked handle of a named page, when it has one, carries the query's highlights.
  const rankedById = new Map(ranked.results.map((result) => [result.id, result]));
  const first = named.results.map((result) => rankedById.get(result.id) ?? result);
  const firstIds = new Set(first.map((result) => result.id));
  return { results: [...first, ...ranked.results.filter((result) => !firstIds.has(result.id))], filters: ranked.filters };
}
