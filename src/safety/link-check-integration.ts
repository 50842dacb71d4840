// The dist link check as an Astro integration. tsunagu adds it last, so that it also sees the files other
// integrations write when the build is done (rss.xml, sitemap.xml, the Pagefind index).
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkLinks, formatBrokenLinks } from './links';

export function linkCheck(base: string): AstroIntegration {
  return {
    name: 'tsunagu-link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const broken = checkLinks(fileURLToPath(dir), base);
        if (broken.length === 0) return;
        // A link to a page or anchor that was not written is a bug of the build or of the author's HTML: fail.
        logger.error(formatBrokenLinks(broken));
        process.exitCode = 1;
      },
    },
  };
}
