// Compares two builds of a site file by file, with asset hashes normalised (`Base.BW0f2i3e.css` → `Base.HASH.css`),
// so that a refactoring can show it changed no output. Exits 1 and lists what differs.
//   node --experimental-strip-types scripts/compare-dist.ts /path/to/before-dist dist
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Rolldown's content hashes in file names: 8 URL-safe characters before the extension. */
const ASSET_HASH = /\.[A-Za-z0-9_-]{8}(?=\.(?:js|css|mjs)\b)/g;

function normalise(text: string): string {
  return text.replace(ASSET_HASH, '.HASH');
}

function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((entry) => {
    const child = rel ? `${rel}/${entry}` : entry;
    return statSync(path.join(dir, child)).isDirectory() ? listFiles(dir, child) : [child];
  });
}

/** Normalised path → contents (text normalised; binary files compared byte for byte). */
function snapshot(dir: string): Map<string, Buffer | string> {
  const files = new Map<string, Buffer | string>();
  for (const rel of listFiles(dir)) {
    const bytes = readFileSync(path.join(dir, rel));
    const isText = /\.(?:html|js|mjs|css|json|xml|txt|svg)$/.test(rel);
    files.set(normalise(rel), isText ? normalise(bytes.toString('utf8')) : bytes);
  }
  return files;
}

export function compareDists(beforeDir: string, afterDir: string): string[] {
  const before = snapshot(beforeDir);
  const after = snapshot(afterDir);
  const differences: string[] = [];
  for (const [rel, content] of before) {
    if (!after.has(rel)) differences.push(`only before: ${rel}`);
    else if (!equal(content, after.get(rel)!)) differences.push(`differs: ${rel}`);
  }
  for (const rel of after.keys()) if (!before.has(rel)) differences.push(`only after: ${rel}`);
  return differences.sort();
}

function equal(a: Buffer | string, b: Buffer | string): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.equals(b);
}

if (import.meta.main) {
  const [beforeDir, afterDir] = process.argv.slice(2);
  if (!beforeDir || !afterDir) {
    console.error('usage: compare-dist.ts BEFORE_DIST AFTER_DIST');
    process.exit(2);
  }
  const differences = compareDists(beforeDir, afterDir);
  console.log(differences.length ? differences.join('\n') : 'identical (asset hashes normalised)');
  process.exit(differences.length ? 1 : 0);
}
