// Per output folder caches of the steps after Astro's build (after-build manifest, search index): what the last
// build into that folder left, under node_modules/.cache/tsunagu/<step>/.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** An output folder not built for this long (a test's or a benchmark's temporary one) loses its caches. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

/** The cache path of `step` for the output folder `outDir` (a file or a folder, as the step wants). */
export function outputCache(step: string, outDir: string): string {
  const stepDir = path.join(process.cwd(), 'node_modules/.cache/tsunagu', step);
  removeStale(stepDir);
  return path.join(stepDir, createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16));
}

function removeStale(stepDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(stepDir);
  } catch {
    return; // nothing cached yet
  }
  for (const entry of entries) {
    const file = path.join(stepDir, entry);
    if (Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { recursive: true, force: true });
  }
}
