// Imported first by scripts that load src/ directly with plain Node: src/ uses extensionless relative imports
// (resolved by Vite and Vitest), so this hook lets Node find the .ts files.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) return nextResolve(`${specifier}.ts`, context);
    return nextResolve(specifier, context);
  },
});
