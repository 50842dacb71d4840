// Most notes are as they were when the site is computed again: at the dev server's next save, or at the next build.
// A step's per-note result is kept and reused while the note's key is the same; the key says everything the result
// depends on (the note's tree as the step sees it, and what the step reads besides), so a reused result is the one
// the step would compute. The dev server keeps results in memory; a build keeps them in a file for the next build
// (as JSON text, read back only for the notes it reuses), when it is given one. Either way a result is kept as JSON
// (so it must be JSON: no undefined, no Set) and the caller gets a result of its own, which it may change.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildNonce } from '../safety/trusted';
import { cacheHash, codeFingerprint, readKeyedLines, removeStaleCaches, saveKeyedLines } from '../vault/cache-file';
import { computesAgain } from './computes-again';

export interface NoteMemo<Result> {
  /** `compute()`, or a copy of the result kept under `key` for this note; without a key, always computed. */
  reuse(noteId: string, key: string | undefined, compute: () => Result): Result;
  /** Keeps the results this computation used for the next build (cache-file.ts, saveKeyedLines); nothing to do in memory. */
  save(): void;
}

/** Where a build keeps a step's results: a file per vault under `cacheDir`, invalid once tsunagu's source changes. */
export interface MemoFile {
  cacheDir: string;
  vaultDir: string;
  /** The tsunagu checkout: its src/ and package-lock.json are what made the results. */
  projectDir: string;
}

const KEY = Symbol.for('tsunagu.note-memo');
// On globalThis: the integration and the pages are bundled apart (see site.ts).
type Holder = { [KEY]?: Map<string, Map<string, { key: string; json: string }>> };

/** For one computation of the step `name`; keeps the results it used for the next. */
export function openNoteMemo<Result>(name: string, file?: MemoFile): NoteMemo<Result> {
  if (computesAgain()) return inMemory(name);
  if (file && existsSync(path.join(file.projectDir, 'src'))) return inFile(name, file);
  return { reuse: (_id, _key, compute) => compute(), save: () => {} };
}

/**
 * `compute(note)` for each note, in order, each reused from the last computation (the last build's, given `file`)
 * while `keyOf(note)` is as it was then (undefined: computed). For steps whose per-note work reads nothing of the
 * other notes but what the key says.
 */
export function reuseEach<Note extends { id: string }, Result>(
  name: string,
  notes: readonly Note[],
  keyOf: (note: Note) => string | undefined,
  compute: (note: Note) => Result,
  file?: MemoFile,
): Result[] {
  const memo = openNoteMemo<Result>(name, file);
  const results = notes.map((note) => memo.reuse(note.id, keyOf(note), () => compute(note)));
  memo.save();
  return results;
}

function inMemory<Result>(name: string): NoteMemo<Result> {
  const memos = ((globalThis as Holder)[KEY] ??= new Map());
  const last = memos.get(name) ?? new Map();
  const kept = new Map<string, { key: string; json: string }>();
  memos.set(name, kept);
  return {
    reuse(noteId, key, compute) {
      if (key === undefined) return compute();
      const hit = last.get(noteId);
      // Kept as JSON, as in the file: reading it back gives a copy of its own, at less than half structuredClone's cost.
      if (hit?.key === key) {
        kept.set(noteId, hit);
        return JSON.parse(hit.json) as Result;
      }
      const result = compute();
      kept.set(noteId, { key, json: JSON.stringify(result) });
      return result;
    },
    save: () => {},
  };
}

// One line per result (readKeyedLines): the hash of (code, note, key), a tab, the result's JSON.
// The build's trust nonce (safety/trusted.ts) is written as a character JSON never holds raw and read back as this
// build's: trusted HTML stays trusted, and no text an author wrote can become the nonce.
const NONCE_MARK = '\u0001';

function inFile<Result>(name: string, { cacheDir, vaultDir, projectDir }: MemoFile): NoteMemo<Result> {
  const fingerprint = codeFingerprint(projectDir, 'src');
  const nonce = buildNonce();
  const file = path.join(cacheDir, `${cacheHash(path.resolve(vaultDir)).slice(0, 16)}-${name}.jsonl`);
  const last = readKeyedLines(file);
  const used = new Map<string, string>();
  return {
    reuse(noteId, key, compute) {
      if (key === undefined) return compute();
      const lineKey = cacheHash(JSON.stringify([fingerprint, noteId, key]));
      const json = last.entries.get(lineKey);
      if (json !== undefined) {
        used.set(lineKey, json);
        return JSON.parse(json.replaceAll(NONCE_MARK, nonce)) as Result;
      }
      const result = compute();
      used.set(lineKey, JSON.stringify(result).replaceAll(nonce, NONCE_MARK));
      return result;
    },
    save() {
      saveKeyedLines(file, used, last);
      removeStaleCaches(cacheDir);
    },
  };
}
