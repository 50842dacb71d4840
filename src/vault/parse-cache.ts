// Parsing is most of loading a vault (about 2 s of 2.2 s at 1,000 notes), and an unchanged body parses to the same
// result. Results are kept by content hash as JSON text: on disk, one file per vault, for the next build, and in
// memory only for a process that computes the site again (the dev server): a build that held them would carry
// every tree twice, as objects and as text (about 320 MB at 10,000 notes). Reading them back (JSON.parse) costs about 5% of parsing, and gives
// a tree of its own each time, which matters: later steps (dataview, mermaid, glossary) rewrite trees in place.
import { existsSync } from 'node:fs';
import type { Root } from 'mdast';
import path from 'node:path';
import { DEFAULT_LIMITS, type NoteLimits } from '../config/limits';
import { parseBody, type ParsedBody } from '../markdown/parse';
import { readKeyedLines, removeStaleCaches, saveKeyedLines, writeKeyedLines } from './cache-file';
import { parseCacheFile, parseKey, parserFingerprint } from './parse-keys';

interface ParseCache {
  /** `noteId`: the note the body is of, for a parse made ahead (`ahead`). */
  parse(body: string, bodyStartLine: number, limits?: NoteLimits, noteId?: string): ParsedBody;
  /** Keeps the entries this load used, in memory and on disk (where others stay while under a tenth of the file: cache-file.ts). */
  save(): void;
}

interface ParseCacheOptions {
  vaultDir: string;
  /** Folder of the on-disk cache files. */
  cacheDir: string;
  /** Changes when the parser or its dependencies change: the tsunagu checkout, where src/markdown and package-lock.json are. */
  projectDir: string;
  /** Keep this load's entries in memory after save() for the next open in this process (the dev server). */
  keepInMemory?: boolean;
  /** Parses made ahead of this load on another thread (src/kinds/note/parse-ahead.ts), asked before parsing a miss. */
  ahead?: ParsedAhead;
}

export interface ParsedAhead {
  /** The JSON of the parse with `key` of note `id`, when it was made ahead; else undefined (parse it here). */
  take(id: string, key: string): string | undefined;
}

const KEY = Symbol.for('tsunagu.parse-cache');
interface Kept {
  file: string;
  entries: Map<string, string>;
  pendingWrite?: NodeJS.Timeout;
  /** Trees read back ahead of the next load, none handed out yet (readAhead). */
  spare: Map<string, ParsedBody>;
}
type Holder = { [KEY]?: Kept };

/**
 * The dev server writes the file this long after the last save that changed it, not at every save: the whole file
 * (about 19 MB at 1,000 notes) took a tenth of a recomputation. A server stopped sooner leaves the file as the save
 * before found it: the next start parses those notes again.
 */
const DEV_WRITE_DELAY_MS = 2000;

/**
 * The dev server reads every kept tree back while it waits for the next save, a few at a time, this long after a
 * load (once the recomputation the load began is done: under 1 s at 1,000 notes): reading them at the save was a
 * tenth of the recomputation (about 130 ms at 1,000 notes), and only the saved note's tree changes. The spare trees
 * are read exactly as a load would read them, and each is handed out once; a load sooner reads the rest itself.
 */
const READ_AHEAD_DELAY_MS = 1000;
const READ_AHEAD_CHUNK = 25;

/** The parse cache's key of every tree it handed out: equal keys, equal trees as parsed (src/site/tree-states.ts). */
const parsedKeys = new WeakMap<Root, string>();

export function parsedKey(tree: Root): string | undefined {
  return parsedKeys.get(tree);
}

/** Without the parser's source to fingerprint (tsunagu run from elsewhere), nothing is cached. */
export function openParseCache(options: ParseCacheOptions): ParseCache {
  if (!existsSync(path.join(options.projectDir, 'src/markdown'))) return { parse: parseBody, save: () => {} };
  const fingerprint = parserFingerprint(options.projectDir);
  const file = parseCacheFile(options.cacheDir, options.vaultDir);
  const holder = globalThis as Holder;
  const kept = holder[KEY]?.file === file ? holder[KEY] : undefined;
  const last = kept ? undefined : readKeyedLines(file);
  const entries = kept?.entries ?? last!.entries;
  const used = new Map<string, string>();
  let missed = false;
  const write = () => {
    writeKeyedLines(file, used);
    removeStaleCaches(options.cacheDir);
  };
  return {
    parse(body, bodyStartLine, limits = DEFAULT_LIMITS, noteId) {
      const key = parseKey(fingerprint, body, bodyStartLine, limits);
      const cached = entries.get(key);
      let parsed: ParsedBody;
      if (cached !== undefined) {
        used.set(key, cached);
        const spare = kept?.spare.get(key);
        kept?.spare.delete(key);
        parsed = spare ?? (JSON.parse(cached) as ParsedBody);
      } else {
        const ahead = noteId === undefined ? undefined : options.ahead?.take(noteId, key);
        parsed = ahead === undefined ? parseBody(body, bodyStartLine, limits) : (JSON.parse(ahead) as ParsedBody);
        // Within limits.depth the tree is shallow enough for JSON's recursion.
        used.set(key, ahead ?? JSON.stringify(parsed));
        missed = true;
      }
      parsedKeys.set(parsed.tree, key);
      return parsed;
    },
    save() {
      clearTimeout(kept?.pendingWrite);
      if (options.keepInMemory) readAhead((holder[KEY] = { file, entries: used, spare: kept?.spare ?? new Map() }));
      else delete holder[KEY];
      if (last) {
        saveKeyedLines(file, used, last);
        removeStaleCaches(options.cacheDir);
      } else if (missed || used.size !== entries.size || !existsSync(file)) {
        // Unref'd: a pending write never keeps the process alive.
        if (options.keepInMemory) holder[KEY]!.pendingWrite = setTimeout(write, DEV_WRITE_DELAY_MS).unref();
        else write();
      }
    },
  };
}

/** Fills `kept.spare` with a tree of each entry, in chunks between other work, until a later load replaces `kept`. */
function readAhead(kept: Kept): void {
  for (const key of kept.spare.keys()) if (!kept.entries.has(key)) kept.spare.delete(key);
  const keys = [...kept.entries.keys()];
  let next = 0;
  const chunk = () => {
    if ((globalThis as Holder)[KEY] !== kept) return;
    for (const end = Math.min(next + READ_AHEAD_CHUNK, keys.length); next < end; next++) {
      const key = keys[next];
      if (!kept.spare.has(key)) kept.spare.set(key, JSON.parse(kept.entries.get(key)!) as ParsedBody);
    }
    // Unref'd: reading ahead never keeps the process alive.
    if (next < keys.length) setImmediate(chunk).unref();
  };
  setTimeout(chunk, READ_AHEAD_DELAY_MS).unref();
}
