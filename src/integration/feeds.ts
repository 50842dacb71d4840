// After the build: rss.xml and sitemap.xml from the pages actually written. Both need absolute URLs; without
// the `site` option they are skipped, and the build log says so.
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/config';
import { FEED_SIZE, rssXml, sitemapXml } from '../site/feeds';
import { builtSite } from '../site/site-holder';

export default function feeds(config: SiteConfig): AstroIntegration {
  return {
    name: 'tsunagu-feeds',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!config.site) {
          logger.info('rss.xml and sitemap.xml skipped: they need absolute URLs; set `site` in tsunagu.yaml (e.g. https://user.github.io).');
          return;
        }
        const site = await builtSite();
        writeFileSync(new URL('rss.xml', dir), rssXml(site, config.site));
        writeFileSync(
          new URL('sitemap.xml', dir),
          sitemapXml(
            pages.map((p) => p.pathname),
            site,
            config.site,
          ),
        );
        logger.info(`rss.xml (${Math.min(site.notes.length, FEED_SIZE)} notes) and sitemap.xml written for ${config.site}${config.base}`);
      },
    },
  };
}
