// Astro integration: watch the vault in dev, print the build report, fail on --strict, index the site for search.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SiteConfig } from '../config/config';
import { formatSearchReport, runSearchJob } from '../search/index-site';
import { SEARCH_JOB_ENV, type SearchJob } from '../search/search-job';
import { startParseAhead } from '../kinds/note/parse-ahead';
import { PARSE_CACHE_DIR } from '../vault/parse-keys';
import { configModule } from './config-module';
import { lazyScript } from './lazy-script';
import { mermaidScript } from './mermaid-script';
import { clearOutputFolder, prunePageFiles } from './output-folder';
import { reservedSegments } from './reserved';
import { safetyChecks } from './safety-checks';
import { formatReport } from '../site/report';
import { computeAgainOnChange } from '../site/computes-again';
import { keepLayoutIn } from '../site/graph-layout-cache';
import { outputCache } from '../site/output-cache';
import { releaseSite } from './release-memory';
import { keepBodiesIn, saveBodies } from '../site/render-cache';
import { builtSite, forgetSite } from '../site/site-holder';
import { timed } from '../site/timings';

export default function tsunagu(config: SiteConfig): AstroIntegration {
  let assets = '_astro';
  let outDir = '';
  const outputRecord = () => `${outputCache('output-folder', outDir)}.json`;
  let reserved: string[] = [];
  return {
    name: 'tsunagu',
    hooks: {
      // Added last: the CSP and the link check must see every file written after the build (feeds, search index).
      'astro:config:setup': ({ updateConfig, addWatchFile }) => {
        // The settings are read once, with astro.config.mjs: in dev, saving one (tsunagu.config.yaml, Dataview's
        // data.json) restarts the server, which reads them again.
        for (const file of [...config.settingsFiles, ...config.obsidianSettingsFiles]) addWatchFile(file);
        updateConfig({ integrations: [safetyChecks(config.base, config.strict)] });
        updateConfig({
          vite: {
            // Kept, so that Astro leaves an unchanged page's file alone (src/integration/output-folder.ts).
            build: { emptyOutDir: false },
            plugins: [
              ...lazyScript('search', 'TSUNAGU_SEARCH_SCRIPT'),
              ...lazyScript('code-copy', 'TSUNAGU_CODE_COPY_SCRIPT'),
              ...lazyScript('canvas', 'TSUNAGU_CANVAS_SCRIPT'),
              ...lazyScript('base-table', 'TSUNAGU_BASE_TABLE_SCRIPT'),
              ...mermaidScript('TSUNAGU_MERMAID_SCRIPT', config.base),
              configModule(config, () => reserved),
            ],
          },
        });
      },
      'astro:config:done': ({ config: astroConfig }) => {
        assets = astroConfig.build.assets;
        outDir = fileURLToPath(astroConfig.outDir);
        // Per output folder, as Astro's own cache: a build into a new folder renders every body.
        keepBodiesIn(`${outputCache('render', outDir)}.jsonl`);
        keepLayoutIn(`${outputCache('graph-layout', outDir)}.json`);
      },
      'astro:build:start': () => {
        // Notes are parsed on a second thread while Vite bundles; the load step takes them (parse-ahead.ts).
        startParseAhead({ vaultDir: config.vaultDir, projectDir: process.cwd(), cacheDir: PARSE_CACHE_DIR, limits: config.limits });
        clearOutputFolder(outDir, outputRecord());
      },
      'astro:routes:resolved': ({ routes }) => {
        reserved = reservedSegments(routes, assets);
      },
      'astro:server:setup': ({ server }) => {
        computeAgainOnChange();
        // A restart (a settings file saved) keeps this process: the site the old server computed is not this one's.
        forgetSite();
        server.watcher.add(config.vaultDir);
        const onChange = (file: string) => {
          if (!file.startsWith(config.vaultDir)) return;
          forgetSite();
          // Astro keeps each route's getStaticPaths result (a note page's props) until told that content changed.
          for (const environment of Object.values(server.environments)) {
            if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.hot.send({ type: 'full-reload' });
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
      },
      'astro:build:done': async ({ logger, assets: routeFiles }) => {
        prunePageFiles(
          outDir,
          outputRecord(),
          [...routeFiles.values()].flat().map((url) => path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/')),
        );
        const { report, config: site } = await builtSite();
        timed('render', saveBodies);
        logger.info(`\n${formatReport(report)}`);
        if (config.strict && report.diagnostics.length + report.unresolvedLinks.length > 0) {
          // Thrown: the CLI ends with status 0 whatever process.exitCode says.
          throw new Error(
            `--strict: ${report.diagnostics.length} diagnostics and ${report.unresolvedLinks.length} unresolved links. Fix them or build without --strict.`,
          );
        }
        const job: SearchJob = { outDir, lang: site.lang, cacheDir: outputCache('pagefind', outDir) };
        releaseSite();
        // `npm run build` indexes once this process has exited (src/cli/build.ts): its memory is not Pagefind's too.
        const later = process.env[SEARCH_JOB_ENV];
        if (later) writeFileSync(later, JSON.stringify(job));
        else logger.info(formatSearchReport(await timed('pagefind', () => runSearchJob(job))));
      },
    },
  };
}
