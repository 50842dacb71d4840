// The one place the site's data is computed: once per build (or per change in dev), shared by every page.
import type { SiteConfig } from '../config/config';
import { KINDS } from '../kinds/registry';
import { buildSite } from './build';
import { heldSite } from './site-holder';
import type { SiteData } from './types';

/** Computed by the first page that asks; the integrations read it after the build (site-holder.ts). */
export function getSite(config: SiteConfig, reserved: readonly string[]): Promise<SiteData> {
  return heldSite(() => buildSite(config, { kinds: KINDS, reserved: new Set(reserved) }));
}
