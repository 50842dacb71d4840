// The configuration astro.config.mjs loaded, handed to pages and middleware as `virtual:tsunagu/config` (loaded
// once), with the path segments the site's own routes take (read when a page first imports it: routes are resolved).
import type { Plugin } from 'vite';
import type { SiteConfig } from '../config/config';

const ID = 'virtual:tsunagu/config';
const RESOLVED = `\0${ID}`;

export function configModule(config: SiteConfig, reserved: () => string[]): Plugin {
  return {
    name: 'tsunagu-config',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export const config = ${JSON.stringify(config)};\nexport const reserved = ${JSON.stringify(reserved())};` : undefined),
  };
}
