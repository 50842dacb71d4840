// What the caches under node_modules/.cache/tsunagu/ share: a fingerprint of the code that made an entry (a new
// tsunagu never reads an old cache), files written aside and renamed, and the removal of files no build used lately.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A cache file (or folder) not used for this long (a moved vault, a test's or a benchmark's output) is removed. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

export function cacheHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}

/** The source under `folder` of the tsunagu checkout `projectDir` (tests left out) and the locked dependency versions. */
export function codeFingerprint(projectDir: string, folder: string): string {
  const digest = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!entry.name.endsWith('.test.ts')) digest.update(path.relative(projectDir, file)).update(readFileSync(file));
    }
  };
  walk(path.join(projectDir, folder));
  digest.update(readFileSync(path.join(projectDir, 'package-lock.json')));
  return digest.digest('base64url');
}

/** The file's lines, none when it does not exist yet. */
export function readCacheLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** Written aside and renamed: builds running side by side never read half a file. */
export function writeCacheLines(file: string, lines: Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  let text = '';
  for (const line of lines) text += `${line}\n`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** A file of keyed entries, a line each: the key, a tab, the value (JSON, which holds no raw tab or newline). */
export function readKeyedLines(file: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of readCacheLines(file)) {
    const tab = line.indexOf('\t');
    if (tab > 0) entries.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return entries;
}

export function writeKeyedLines(file: string, entries: Iterable<[string, string]>): void {
  const lines = function* () {
    for (const [key, value] of entries) yield `${key}\t${value}`;
  };
  writeCacheLines(file, lines());
}

export function removeStaleCaches(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // nothing cached yet
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by a build running beside this one.
    }
  }
}
