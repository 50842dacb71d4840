// The Pagefind step as data: what it needs of the build, so that a process other than Astro's can run it.
import type { Lang } from '../config/config';

export interface SearchJob {
  outDir: string;
  lang: Lang;
  /** The step's cache of this output folder (`indexSite`'s `cacheDir`). */
  cacheDir: string;
}

/** When set, the integration writes its search job to this file instead of indexing: `npm run build` runs it. */
export const SEARCH_JOB_ENV = 'TSUNAGU_SEARCH_JOB';
