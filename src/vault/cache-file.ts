// What the caches under node_modules/.cache/tsunagu/ share: a fingerprint of the code that made an entry (a new
// tsunagu never reads an old cache), files written aside and renamed, and the removal of files no build used lately.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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
export interface KeyedLines {
  /** The last line of a key wins. */
  entries: Map<string, string>;
  /** Lines the file held: more than its entries once keys are appended again or go out of use. */
  lines: number;
}

export function readKeyedLines(file: string): KeyedLines {
  const entries = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { entries, lines: 0 }; // nothing kept yet
  }
  // A last line without its newline is still being appended by a build beside this one: it is not read.
  const end = text.lastIndexOf('\n');
  let lines = 0;
  for (let at = 0; at <= end; lines++) {
    const next = text.indexOf('\n', at);
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < next) entries.set(text.slice(at, tab), text.slice(tab + 1, next));
    at = next + 1;
  }
  return { entries, lines };
}

export function writeKeyedLines(file: string, entries: Iterable<[string, string]>): void {
  const lines = function* () {
    for (const [key, value] of entries) yield `${key}\t${value}`;
  };
  writeCacheLines(file, lines());
}

/** Below this share of the file's lines in use, the file is written anew rather than appended to. */
const IN_USE_SHARE = 0.9;

/**
 * Keeps the entries `used` for the next read of the file last read as `last`: the new ones are appended (a rebuild
 * after one edit adds a line where writing every note's again took 1.8 s at 10,000 notes), until the lines out of
 * use would be a tenth of the file; then it is written anew with `used` alone.
 */
export function saveKeyedLines(file: string, used: ReadonlyMap<string, string>, last: KeyedLines): void {
  const fresh: string[] = [];
  for (const [key, value] of used) if (last.entries.get(key) !== value) fresh.push(`${key}\t${value}\n`);
  if (!existsSync(file) || used.size < (last.lines + fresh.length) * IN_USE_SHARE) writeKeyedLines(file, used);
  // One write: a build beside this one reads every line whole or, for the last, not at all.
  else if (fresh.length > 0) appendFileSync(file, fresh.join(''));
  // Kept as it is, and in use: not removed as stale.
  else utimesSync(file, new Date(), new Date());
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
