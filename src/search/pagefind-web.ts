// The part of Pagefind's browser API (<base>pagefind/pagefind.js, written by the build) that the site uses.
// The package ships no types for it.

interface PagefindOptions {
  baseUrl?: string;
  excerptLength?: number;
  ranking?: Record<string, number | Record<string, number>>;
}

export interface PagefindWeb {
  /** Options of the first index only: each merged one takes its own in `mergeIndex`. */
  options(options: PagefindOptions): Promise<void>;
  /** Searches the index at `path` (a folder URL) with this one; results are ordered by score across both. */
  mergeIndex(path: string, options?: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  /** `null` as the query: everything that matches the filters. */
  search(query: string | null, options?: { filters?: Record<string, string | string[]> }): Promise<PagefindSearch>;
  filters(): Promise<PagefindFilterCounts>;
}

/** Filter name → value → number of pages. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

interface PagefindSearch {
  results: PagefindHit[];
  /** Counts within this search's results. */
  filters: PagefindFilterCounts;
}

/** A result before its data (excerpt, meta) is loaded. */
export interface PagefindHit {
  id: string;
  score: number;
  data(): Promise<PagefindResult>;
}

export interface PagefindResult {
  url: string;
  /** HTML-escaped text with <mark> around the matched words. */
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: { url: string; title: string; excerpt: string }[];
}
