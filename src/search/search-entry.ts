// The search dialog's script as its own client entry at a fixed URL, so the header's inline loader can import() it
// on first use and pages fetch no script file before that (as integration/preview-entry.ts does for previews).
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Path of the built script under dist/ (and under `base` on the site). */
const SEARCH_SCRIPT = 'scripts/search.js';
const SOURCE = fileURLToPath(new URL('../scripts/search.ts', import.meta.url));

export function searchEntry(): Plugin[] {
  return [
    {
      // The built file, or the source module that `astro dev` serves; by command, since vitest builds run in mode test.
      name: 'tsunagu-search-src',
      config: (_config, { command }) => ({
        define: { 'import.meta.env.TSUNAGU_SEARCH_SCRIPT': JSON.stringify(command === 'build' ? SEARCH_SCRIPT : 'src/scripts/search.ts') },
      }),
    },
    {
      name: 'tsunagu-search-entry',
      apply: 'build',
      applyToEnvironment: (environment) => environment.name === 'client',
      buildStart() {
        this.emitFile({ type: 'chunk', id: SOURCE, fileName: SEARCH_SCRIPT, preserveSignature: 'strict' });
      },
    },
  ];
}
