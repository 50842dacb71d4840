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
      'astro:build:done': ({ dir }) => {
        const distDir = fileURLToPath(dir);
        addContentSecurityPolicy(distDir);
        const broken = checkLinks(distDir, base);
        // A link to a page or anchor that was not written is a bug of the build or of the author's HTML. Thrown, as
        // the CLI ends with status 0 whatever process.exitCode says.
        if (broken.length > 0) throw new Error(formatBrokenLinks(broken));
      },
    },
  };
}
