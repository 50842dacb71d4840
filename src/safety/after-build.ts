// What runs on the finished site, as an Astro integration that tsunagu adds last, so that it also sees the files
// other integrations write when the build is done (rss.xml, sitemap.xml, the Pagefind index).
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addContentSecurityPolicy } from './csp';
import { checkLinks, formatBrokenLinks } from './links';

export function safetyChecks(base: string): AstroIntegration {
  return {
    name: 'tsunagu-safety',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        addContentSecurityPolicy(distDir);
        const broken = checkLinks(distDir, base);
        if (broken.length === 0) return;
        // A link to a page or anchor that was not written is a bug of the build or of the author's HTML: fail.
        logger.error(formatBrokenLinks(broken));
        process.exitCode = 1;
      },
    },
  };
}
