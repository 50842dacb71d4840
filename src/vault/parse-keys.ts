// The parse cache's files and keys (parse-cache.ts), without the parser: the parse-ahead thread reads them before it
// knows whether it will parse at all (src/kinds/note/parse-ahead.ts). A file holds one line per entry: the key, a
// tab, the parse's JSON (which holds no raw tab or newline).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NoteLimits } from '../config/limits';
import { cacheHash as hash, codeFingerprint } from './cache-file';

/** Where builds keep the cache files: in the tsunagu checkout, by the other caches. */
export const PARSE_CACHE_DIR = path.join(process.cwd(), 'node_modules/.cache/tsunagu/parse');

/** What the keys depend on besides the note: the parser's code (src/markdown) and the locked dependencies. */
export function parserFingerprint(projectDir: string): string {
  return codeFingerprint(projectDir, 'src/markdown');
}

export function parseCacheFile(cacheDir: string, vaultDir: string): string {
  return path.join(cacheDir, `${hash(path.resolve(vaultDir))}.jsonl`);
}

export function parseKey(fingerprint: string, body: string, bodyStartLine: number, limits: NoteLimits): string {
  // Limits are part of the key: raising one re-parses the notes that went over it.
  return hash(`${fingerprint}\0${bodyStartLine}\0${JSON.stringify(limits)}\0${body}`);
}

/** The keys of a cache file's entries, read without their JSON (the file is 18 MB at 1,000 notes). */
export function cachedKeys(file: string): Set<string> {
  const keys = new Set<string>();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return keys; // nothing cached yet
  }
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    const tab = bytes.indexOf(9, start);
    if (tab > start && tab < end) keys.add(bytes.toString('latin1', start, tab));
    start = end + 1;
  }
  return keys;
}
