// The hover-preview script as its own client entry at a fixed URL, so a note page can load it with an inline
// import() on the first hover and ship no script file before that (Astro bundles a script that lazily imports
// another into a file of its own, which the page would fetch on load).
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Path of the built script under dist/ (and under `base` on the site). */
const PREVIEW_SCRIPT = 'scripts/preview.js';
const SOURCE = fileURLToPath(new URL('../scripts/preview.ts', import.meta.url));

export function previewEntry(): Plugin[] {
  return [
    {
      // Where pages find the script, relative to base: the built file, or the source module that `astro dev` serves.
      // By command, not by mode: a build run with NODE_ENV=test (vitest) is still a build.
      name: 'tsunagu-preview-src',
      config: (_config, { command }) => ({
        define: { 'import.meta.env.TSUNAGU_PREVIEW_SCRIPT': JSON.stringify(command === 'build' ? PREVIEW_SCRIPT : 'src/scripts/preview.ts') },
      }),
    },
    {
      name: 'tsunagu-preview-entry',
      apply: 'build',
      applyToEnvironment: (environment) => environment.name === 'client',
      buildStart() {
        this.emitFile({ type: 'chunk', id: SOURCE, fileName: PREVIEW_SCRIPT, preserveSignature: 'strict' });
      },
    },
  ];
}
