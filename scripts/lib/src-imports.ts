// Imported first by scripts that load src/ directly with plain Node: src/ uses extensionless relative imports,
// some naming a folder's index (resolved by Vite and Vitest), so this hook lets Node find the .ts files.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const fromOurs = context.parentURL !== undefined && !context.parentURL.includes('/node_modules/');
    if (!fromOurs || !/^\.\.?\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) return nextResolve(specifier, context);
    const folderIndex = existsSync(new URL(`${specifier}/index.ts`, context.parentURL));
    return nextResolve(folderIndex ? `${specifier}/index.ts` : `${specifier}.ts`, context);
  },
});
