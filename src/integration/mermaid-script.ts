// Mermaid for the in-browser fallback (src/scripts/mermaid-client.ts), copied as the package ships it built (its
// minified ES module and chunks) instead of bundled again: bundling and minifying mermaid, cytoscape and KaTeX was
// almost all of Vite's client build (about 1.8 s of every build, cold or incremental), for a script few pages load.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = 'chunks/mermaid.esm.min';
/** Where the built site serves it, relative to base. */
const BUILT_DIR = 'scripts/mermaid';

/** The entry's URL for `import.meta.env[envKey]`: the copy when built, node_modules under `astro dev`. */
export function mermaidScript(envKey: string, base: string): Plugin[] {
  const dist = path.dirname(createRequire(import.meta.url).resolve(`mermaid/dist/${ENTRY}`));
  return [
    {
      name: 'tsunagu-mermaid-src',
      config: (_config, { command }) => ({
        define: { [`import.meta.env.${envKey}`]: JSON.stringify(`${base}${command === 'build' ? BUILT_DIR : `@fs${dist}`}/${ENTRY}`) },
      }),
    },
    {
      name: 'tsunagu-mermaid-files',
      apply: 'build',
      applyToEnvironment: (environment) => environment.name === 'client',
      generateBundle() {
        const files = [ENTRY, ...readdirSync(path.join(dist, CHUNKS)).flatMap((name) => (name.endsWith('.mjs') ? [`${CHUNKS}/${name}`] : []))];
        for (const file of files) this.emitFile({ type: 'asset', fileName: `${BUILT_DIR}/${file}`, source: readFileSync(path.join(dist, file)) });
      },
    },
  ];
}
