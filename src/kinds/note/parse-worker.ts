// The thread of parse-ahead.ts: reads the vault's notes as the note kind does (decoded, the body after the
// frontmatter), finds those the parse cache lacks, and parses them last first, each unless the load claimed it.
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { decodeNote, noteBody } from '../../vault/frontmatter';
import { cachedKeys, parseKey, parserFingerprint } from '../../vault/parse-keys';
import { scanVault } from '../../vault/scan';
import { type AheadData, type AheadNotes, type AheadParse, DONE, FREE, THERE } from './parse-ahead';
import { isNoteFile } from './recognise';

const { vaultDir, projectDir, cacheFile, limits, minMisses, port } = workerData as AheadData;
const notes = scanVault(vaultDir, [{ name: 'note', recognises: isNoteFile }]).files;
const states = new Int32Array(new SharedArrayBuffer(4 * notes.length));
port.postMessage({ ids: notes.map((note) => note.id), states } satisfies AheadNotes);

const fingerprint = parserFingerprint(projectDir);
const cached = cachedKeys(cacheFile);
const misses: { index: number; key: string; body: string; bodyStartLine: number }[] = [];
for (const [index, note] of notes.entries()) {
  let source: { body: string; bodyStartLine: number };
  try {
    source = noteBody(decodeNote(note.id, readFileSync(note.absPath)).text);
  } catch {
    continue; // gone since the scan: the load says so
  }
  const key = parseKey(fingerprint, source.body, source.bodyStartLine, limits);
  if (!cached.has(key)) misses.push({ index, key, ...source });
}

if (misses.length >= minMisses) {
  // Loaded only now: a rebuild after a few edits never needs it here.
  const { parseBody } = await import('../../markdown/parse');
  // Last first, each body let go once parsed.
  for (let miss = misses.pop(); miss; miss = misses.pop()) {
    const { index, key, body, bodyStartLine } = miss;
    if (Atomics.compareExchange(states, index, FREE, THERE) !== FREE) continue;
    let json: string | undefined;
    try {
      json = JSON.stringify(parseBody(body, bodyStartLine, limits));
    } catch {
      // The load parses the note again and meets the error itself.
    }
    port.postMessage((json === undefined ? { index, key } : { index, key, json }) satisfies AheadParse);
    Atomics.store(states, index, DONE);
    Atomics.notify(states, index);
  }
}
