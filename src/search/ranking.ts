// How the site's search talks to Pagefind in the browser: ranking, excerpt length, how many results at a time.
// The header's search uses these, and test/search.test.ts measures the query set through that search.

/**
 * Pagefind's ranking parameters (pagefind.app/docs/ranking), chosen on the query set (src/search/query-set.ts).
 * A Japanese query splits into several words (実行インスタンス → 実行 + インスタンス): low saturation puts the page
 * with all of them above one that repeats a single one; a high term similarity keeps ビルドキャッシュ from
 * outranking ビルド for "ビルド"; a mild page-length factor lets long notes compete with short term pages.
 */
export const SEARCH_RANKING = { termSimilarity: 5, termSaturation: 0.1, pageLength: 0.2, termFrequency: 1 };

/** Words around the match in an excerpt: Japanese words are short, so more than the default 30. */
export const EXCERPT_WORDS = 40;

/** Results shown at first and added by 「さらに表示」. */
export const RESULTS_PAGE = 10;

/** Headings shown under a result. */
export const SUB_RESULTS = 3;
