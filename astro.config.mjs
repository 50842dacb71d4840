// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { loadConfig } from './src/config/config.ts';
import tsunagu from './src/integration/tsunagu.ts';
import feeds from './src/integration/feeds.ts';
import { lazyScript } from './src/integration/lazy-script.ts';

// Site options come from tsunagu.config.yaml (and TSUNAGU_* variables): one place for the author.
const config = loadConfig(process.cwd());

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  // Incremental: a page whose cacheKey (src/site/page-keys.ts) and code are the last build's is copied from Astro's
  // cache instead of rendered again; it needs pages generated one at a time.
  build: { format: 'directory', concurrency: 1 },
  experimental: { incrementalBuild: true },
  // Feeds first: their hook reads the site, which tsunagu's releases before indexing.
  integrations: [feeds(config), tsunagu(config), mdx()],
  devToolbar: { enabled: false },
  vite: { plugins: lazyScript('preview', 'TSUNAGU_PREVIEW_SCRIPT') },
  // Tests build several vaults side by side; each gets its own cache.
  ...(process.env.TSUNAGU_CACHE_DIR ? { cacheDir: process.env.TSUNAGU_CACHE_DIR } : {}),
});
