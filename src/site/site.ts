// The one place the site's data is computed: once per build (or per change in dev), shared by every page.
import type { SiteConfig } from '../config/config';
import { KINDS } from '../kinds/registry';
import { buildSite } from './build';
import type { SiteData } from './types';

const KEY = Symbol.for('tsunagu.site');
type Holder = { [KEY]?: Promise<SiteData> };

/**
 * Astro bundles pages separately from the integration; a global holder lets both share one computation
 * instead of building the vault model twice.
 */
export function getSite(config: SiteConfig, reserved: readonly string[]): Promise<SiteData> {
  const holder = globalThis as Holder;
  holder[KEY] ??= buildSite(config, { kinds: KINDS, reserved: new Set(reserved) });
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
