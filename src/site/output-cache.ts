// Per output folder caches of the steps after Astro's build (after-build manifest, search index) and of the rendered
// note bodies: what the last build into that folder left, under node_modules/.cache/tsunagu/<step>/.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { removeStaleCaches } from '../vault/cache-file';

/** The cache path of `step` for the output folder `outDir` (a file or a folder, as the step wants). */
export function outputCache(step: string, outDir: string): string {
  const stepDir = path.join(process.cwd(), 'node_modules/.cache/tsunagu', step);
  removeStaleCaches(stepDir);
  return path.join(stepDir, createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16));
}
