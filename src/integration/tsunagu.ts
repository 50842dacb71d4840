// Astro integration: watch the vault in dev, print the build report, fail on --strict.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/config';
import { checkLinks, formatBrokenLinks } from '../safety/links';
import { formatReport } from '../site/report';
import { forgetSite, getSite } from '../site/site';

export default function tsunagu(config: SiteConfig): AstroIntegration {
  return {
    name: 'tsunagu',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.watcher.add(config.vaultDir);
        const onChange = (file: string) => {
          if (!file.startsWith(config.vaultDir)) return;
          forgetSite();
          server.hot.send({ type: 'full-reload' });
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { report } = await getSite();
        logger.info(`\n${formatReport(report)}`);
        if (config.strict && report.diagnostics.length + report.unresolvedLinks.length > 0) {
          logger.error(`--strict: ${report.diagnostics.length} diagnostics and ${report.unresolvedLinks.length} unresolved links. Fix them or build without --strict.`);
          process.exitCode = 1;
        }
        // A link to a page or anchor that was not written is a bug of the build (or of the author's HTML): fail.
        const broken = checkLinks(fileURLToPath(dir), config.base);
        if (broken.length > 0) {
          logger.error(formatBrokenLinks(broken));
          process.exitCode = 1;
        }
      },
    },
  };
}
