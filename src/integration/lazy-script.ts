// A client script as its own entry at a fixed URL, so a page's inline loader can import() it on first use and
// ship no script file before that (Astro bundles a script that lazily imports another into a file of its own,
// which the page would fetch on load). Used for hover previews and the search dialog.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * `name` is the script's file name in src/scripts (without .ts); pages read where to import it from
 * `import.meta.env[envKey]`, relative to base: `scripts/<name>.js` when built, the source module under `astro dev`.
 */
export function lazyScript(name: string, envKey: string): Plugin[] {
  const built = `scripts/${name}.js`;
  const source = fileURLToPath(new URL(`../scripts/${name}.ts`, import.meta.url));
  return [
    {
      // By command, not by mode: a build run with NODE_ENV=test (vitest) is still a build.
      name: `tsunagu-${name}-src`,
      config: (_config, { command }) => ({
        define: { [`import.meta.env.${envKey}`]: JSON.stringify(command === 'build' ? built : `src/scripts/${name}.ts`) },
      }),
    },
    {
      name: `tsunagu-${name}-entry`,
      apply: 'build',
      applyToEnvironment: (environment) => environment.name === 'client',
      buildStart() {
        this.emitFile({ type: 'chunk', id: source, fileName: built, preserveSignature: 'strict' });
      },
    },
  ];
}
