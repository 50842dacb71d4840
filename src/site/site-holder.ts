// Where the build's one computation of the site is kept. Astro bundles pages separately from the integrations; a
// global holder lets both share it. Apart from site.ts so that the integrations (loaded with astro.config.mjs, by
// Vite, before the build) read it without importing the whole vault model: that import was 120 modules to load.
import type { SiteData } from './types';

const KEY = Symbol.for('tsunagu.site');
type Holder = { [KEY]?: Promise<SiteData> };

/** The site being or already computed, or `compute()`'s, kept for the rest of the build. */
export function heldSite(compute: () => Promise<SiteData>): Promise<SiteData> {
  const holder = globalThis as Holder;
  holder[KEY] ??= compute();
  return holder[KEY];
}

/** After the build: the site its pages were computed from. */
export function builtSite(): Promise<SiteData> {
  const site = (globalThis as Holder)[KEY];
  if (!site) throw new Error('tsunagu: no site was computed in this build');
  return site;
}

/** Dev server: a vault file changed, compute again on the next request. */
export function forgetSite(): void {
  delete (globalThis as Holder)[KEY];
}
