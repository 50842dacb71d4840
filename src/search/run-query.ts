// One search as the reader sees it (browser side): Pagefind's ranked results, with the pages whose title (or, for
// a glossary term, reading or alias) *is* the query moved first. Ranking alone cannot tell "イメージ" the term
// from ベースイメージ or スリムイメージ, whose names hold the same word as often or more.
import type { Lang } from '../config/config';
import { NAME_FILTER, nameKey } from './names';
import { queryTerms } from './query-terms';
import type { PagefindFilterCounts, PagefindHit, PagefindWeb } from './pagefind-web';

/** Selected filter values by filter name (several tags: pages with all of them). */
type SelectedFilters = Record<string, string[]>;

export interface RankedSearch {
  /** Result handles, best first; load each one's data when shown. */
  results: PagefindHit[];
  /** Per filter, how many of these results have each value. */
  filters: PagefindFilterCounts;
}

export async function runQuery(pagefind: PagefindWeb, query: string, selected: SelectedFilters, lang: Lang): Promise<RankedSearch> {
  const key = nameKey(query);
  if (!key) return { results: [], filters: {} };
  const filters = Object.fromEntries(Object.entries(selected).filter(([, values]) => values.length > 0));
  const [ranked, named, matching] = await Promise.all([
    pagefind.search(query, { filters }),
    pagefind.search(null, { filters: { ...filters, [NAME_FILTER]: key } }),
    pagesWithEveryWord(pagefind, queryTerms(query, lang), filters),
  ]);
  const results = matching ? ranked.results.filter((result) => matching.has(result.id)) : ranked.results;
  // The ranked handle of a named page, when it has one, carries the query's highlights.
  const rankedById = new Map(results.map((result) => [result.id, result]));
  const first = named.results.map((result) => rankedById.get(result.id) ?? result);
  const firstIds = new Set(first.map((result) => result.id));
  return { results: [...first, ...results.filter((result) => !firstIds.has(result.id))], filters: ranked.filters };
}

/**
 * The index comes in parts (src/search/index-site.ts), each searched alone: a part in which a word of the query is
 * missing ignores that word and returns pages with the others, which one index of the whole site would not (it
 * ignores only a word missing from every page). So each word is searched alone too, and a page is kept when it has
 * every word found anywhere. Undefined for a single word: nothing to narrow.
 */
async function pagesWithEveryWord(pagefind: PagefindWeb, words: string[], filters: SelectedFilters): Promise<Set<string> | undefined> {
  if (words.length < 2) return undefined;
  const found = (await Promise.all(words.map((word) => pagefind.search(word, { filters })))).map(({ results }) => new Set(results.map((result) => result.id)));
  const present = found.filter((ids) => ids.size > 0);
  if (present.length === 0) return undefined;
  return new Set([...present[0]].filter((id) => present.every((ids) => ids.has(id))));
}
