// @ts-check
// The baseline the benchmark compares tsunagu with: Astro 7 rendering the same vault with nothing added.
// The bench copies this folder into a temporary one, links the repository's node_modules into it, and sets
// BARE_VAULT (the vault's absolute path) and BARE_CACHE_DIR (where the content cache lives between runs).
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

const cacheDir = process.env.BARE_CACHE_DIR;
if (!cacheDir) throw new Error('BARE_CACHE_DIR must name a folder for the build caches.');

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Unified with remark-gfm (its `gfm` option): the remark pipeline tsunagu also runs. Astro's defaults otherwise.
  markdown: { processor: unified({ gfm: true }) },
  devToolbar: { enabled: false },
  // Both caches in the bench's folder: node_modules is the repository's, shared with other builds.
  cacheDir,
  vite: { cacheDir: `${cacheDir}/vite` },
});
