// Parsing is most of loading a vault (about 2 s of 2.2 s at 1,000 notes), and an unchanged body parses to the same
// result. Results are kept by content hash as JSON text: in memory for the dev server's next recomputation, and on
// disk, one file per vault, for the next build. Reading them back (JSON.parse) costs about 5% of parsing, and gives
// a tree of its own each time, which matters: later steps (dataview, mermaid, glossary) rewrite trees in place.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS, type NoteLimits } from '../config/limits';
import { parseBody, type ParsedBody } from '../markdown/parse';

interface ParseCache {
  parse(body: string, bodyStartLine: number, limits?: NoteLimits): ParsedBody;
  /** Keeps the entries this load used (and only those), in memory and on disk. */
  save(): void;
}

interface ParseCacheOptions {
  vaultDir: string;
  /** Folder of the on-disk cache files. */
  cacheDir: string;
  /** Changes when the parser or its dependencies change: the tsunagu checkout, where src/markdown and package-lock.json are. */
  projectDir: string;
}

/** A vault not built for this long (moved, deleted, a benchmark's temporary copy) loses its cache file. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

const KEY = Symbol.for('tsunagu.parse-cache');
type Holder = { [KEY]?: { file: string; entries: Map<string, string> } };

/** Without the parser's source to fingerprint (tsunagu run from elsewhere), nothing is cached. */
export function openParseCache(options: ParseCacheOptions): ParseCache {
  if (!existsSync(path.join(options.projectDir, 'src/markdown'))) return { parse: parseBody, save: () => {} };
  const fingerprint = parserFingerprint(options.projectDir);
  const file = path.join(options.cacheDir, `${hash(path.resolve(options.vaultDir))}.jsonl`);
  const holder = globalThis as Holder;
  const entries = holder[KEY]?.file === file ? holder[KEY].entries : readEntries(file);
  const used = new Map<string, string>();
  let missed = false;
  return {
    parse(body, bodyStartLine, limits = DEFAULT_LIMITS) {
      // Limits are part of the key: raising one re-parses the notes that went over it.
      const key = hash(`${fingerprint}\0${bodyStartLine}\0${JSON.stringify(limits)}\0${body}`);
      const cached = entries.get(key);
      if (cached !== undefined) {
        used.set(key, cached);
        return JSON.parse(cached) as ParsedBody;
      }
      const parsed = parseBody(body, bodyStartLine, limits);
      // Within limits.depth the tree is shallow enough for JSON's recursion.
      used.set(key, JSON.stringify(parsed));
      missed = true;
      return parsed;
    },
    save() {
      holder[KEY] = { file, entries: used };
      if (missed || used.size !== entries.size || !existsSync(file)) writeEntries(file, used);
      else utimesSync(file, new Date(), new Date());
      removeStale(options.cacheDir);
    },
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}

/** The parser's source and the locked dependency versions. */
function parserFingerprint(projectDir: string): string {
  const digest = createHash('sha256');
  const markdownDir = path.join(projectDir, 'src/markdown');
  for (const name of readdirSync(markdownDir).sort()) {
    if (!name.endsWith('.test.ts')) digest.update(name).update(readFileSync(path.join(markdownDir, name)));
  }
  digest.update(readFileSync(path.join(projectDir, 'package-lock.json')));
  return digest.digest('base64url');
}

// One line per entry: key, a tab, the JSON (which holds no raw tab or newline).
function readEntries(file: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) entries.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return entries;
}

/** Written aside and renamed: builds running side by side never read half a file. */
function writeEntries(file: string, entries: Map<string, string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, [...entries].map(([key, json]) => `${key}\t${json}\n`).join(''));
  renameSync(temporary, file);
}

function removeStale(cacheDir: string): void {
  for (const name of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { force: true });
    } catch {
      // Removed meanwhile by a build running beside this one.
    }
  }
}
