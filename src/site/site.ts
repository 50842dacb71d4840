// The one place the site's data is computed: once per build (or per change in dev), shared by every page.
import { loadConfig } from '../config/config';
import { buildSite } from './build';
import type { SiteData } from './types';

const KEY = Symbol.for('tsunagu.site');
type Holder = { [KEY]?: Promise<SiteData> };

/**
 * Astro bundles pages separately from the integration; a global holder lets both share one computation
 * instead of building the vault model twice.
 */
export function getSite(): Promise<SiteData> {
  const holder = globalThis as Holder;
  holder[KEY] ??= buildSite(loadConfig(process.cwd()));
  return holder[KEY];
}

/** Dev server: a vault file changed, compute again on the next request. */
export function forgetSite(): void {
  delete (globalThis as Holder)[KEY];
}
