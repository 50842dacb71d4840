// What runs on the finished site, as an Astro integration that tsunagu adds last, so that it also sees the files
// other integrations write when the build is done (rss.xml, sitemap.xml, the Pagefind index).
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { timed } from '../site/timings.ts';
import { afterBuildPass } from './after-build-pass.ts';
import { formatBrokenLinks } from './links.ts';

/** One manifest per output folder: what the last build of that folder found (see after-build-pass.ts). */
const MANIFEST_DIR = path.join(process.cwd(), 'node_modules/.cache/tsunagu/after-build');
/** An output folder not built for this long (a test's or a benchmark's temporary one) loses its manifest. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

export function safetyChecks(base: string, strict: boolean): AstroIntegration {
  return {
    name: 'tsunagu-safety',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const manifest = path.join(MANIFEST_DIR, `${createHash('sha256').update(path.resolve(distDir)).digest('hex').slice(0, 16)}.json`);
        const { broken, pages, scanned } = timed('after-build', () => afterBuildPass(distDir, base, manifest));
        logger.info(`Content-Security-Policy and link check: ${pages} pages, ${scanned} read again`);
        removeStaleManifests();
        if (broken.length === 0) return;
        // Usually an href the author wrote in raw HTML: the site is still usable, so it is a warning, and a failure
        // under --strict. Thrown, as the CLI ends with status 0 whatever process.exitCode says.
        if (strict) throw new Error(`--strict: ${formatBrokenLinks(broken)}`);
        logger.warn(formatBrokenLinks(broken));
      },
    },
  };
}

function removeStaleManifests(): void {
  for (const entry of readdirSync(MANIFEST_DIR)) {
    const file = path.join(MANIFEST_DIR, entry);
    if (Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { force: true });
  }
}
