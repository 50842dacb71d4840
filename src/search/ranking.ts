// How the site's search talks to Pagefind in the browser: ranking, excerpt length, how many results at a time.
// The header's search uses these, and test/search.test.ts measures the query set through that search.

/** Pagefind ranking parameters (see pagefind.app/docs/ranking), tuned on the query set. */
export const SEARCH_RANKING = {};

/** Words around the match in an excerpt: Japanese needs more of them than the default (30) to read as a sentence. */
export const EXCERPT_WORDS = 40;

/** Results shown at first and added by 「さらに表示」. */
export const RESULTS_PAGE = 10;

/** Headings shown under a result. */
export const SUB_RESULTS = 3;
