// What Astro hands pages besides their props: the site's configuration (loaded once, by astro.config.mjs) as a
// virtual module, and per request (src/middleware.ts) the site's data and its language.
declare module 'virtual:tsunagu/config' {
  export const config: import('./config/config').SiteConfig;
  /** First path segments of the site's own routes and output folders. */
  export const reserved: string[];
}

declare namespace App {
  interface Locals {
    site: import('./site/types').SiteData;
    lang: import('./config/config').Lang;
    t: import('./i18n/strings').Strings;
  }
}
