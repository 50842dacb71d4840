// What runs on the finished site, as an Astro integration that tsunagu adds last, so that it also sees the files
// other integrations write when the build is done (rss.xml, sitemap.xml, the Pagefind index).
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterBuildPass } from '../safety/after-build-pass';
import { formatBrokenLinks } from '../safety/links';
import { outputCache } from '../site/output-cache';
import { timed } from '../site/timings';

export function safetyChecks(base: string, strict: boolean): AstroIntegration {
  return {
    name: 'tsunagu-safety',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const manifest = `${outputCache('after-build', distDir)}.json`;
        const { broken, pages, scanned } = timed('after-build', () => afterBuildPass(distDir, base, manifest));
        logger.info(`Content-Security-Policy and link check: ${pages} pages, ${scanned} read again`);
        if (broken.length === 0) return;
        // Usually an href the author wrote in raw HTML: the site is still usable, so it is a warning, and a failure
        // under --strict. Thrown, as the CLI ends with status 0 whatever process.exitCode says.
        if (strict) throw new Error(`--strict: ${formatBrokenLinks(broken)}`);
        logger.warn(formatBrokenLinks(broken));
      },
    },
  };
}
