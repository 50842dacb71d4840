// The files a Pagefind index in a folder uses, read from its entry and metadata (Pagefind 1.x). Its page, word and
// filter chunks are named by a hash of their content, and Pagefind does not write a chunk whose file exists: an
// index written over the last one keeps the chunks that did not change, and this says which of the files are its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Before each compressed chunk's data (Pagefind's `write`). */
const SIGNATURE = 'pagefind_dcd';

/** Paths relative to `dir` of the metadata and the chunks the index there lists. */
export function indexFiles(dir: string): Set<string> {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const files = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    const meta = `pagefind.${hash}.pf_meta`;
    files.add(meta);
    const data = gunzipSync(readFileSync(path.join(dir, meta)));
    if (data.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${meta}: not a Pagefind chunk`);
    // [version, pages: [hash, word count, …][], word chunks: [from, to, hash][], filters: [name, hash][], …]
    const [, pages, words, filters] = asArray(decodeCbor(data.subarray(SIGNATURE.length)), meta);
    const names = (list: unknown, at: number, folder: string, ext: string) => {
      for (const item of asArray(list, meta)) files.add(`${folder}/${asText(asArray(item, meta)[at], meta)}.${ext}`);
    };
    names(pages, 0, 'fragment', 'pf_fragment');
    names(words, 2, 'index', 'pf_index');
    names(filters, 1, 'filter', 'pf_filter');
  }
  return files;
}

function asArray(value: unknown, file: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${file}: not the metadata of Pagefind 1.x`);
  return value;
}

function asText(value: unknown, file: string): string {
  if (typeof value !== 'string' || !/^[\w-]+$/.test(value)) throw new Error(`${file}: not the metadata of Pagefind 1.x`);
  return value;
}

/** The CBOR item in `bytes` (RFC 8949), of the kinds Pagefind's encoder writes: numbers, strings, arrays, maps. */
function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info - 24;
    if (size > 3) throw new Error(`CBOR: length ${info} not read`);
    const value = [() => view.getUint8(at), () => view.getUint16(at), () => view.getUint32(at), () => Number(view.getBigUint64(at))][size]();
    at += 1 << size;
    return value;
  };
  const item = (): unknown => {
    const head = view.getUint8(at++);
    const [major, info] = [head >> 5, head & 31];
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const n = length(info);
        const slice = bytes.subarray(at, (at += n));
        if (slice.length < n) throw new Error('CBOR: cut short');
        return major === 2 ? slice : text.decode(slice);
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let n = length(info); n > 0; n--) map.set(item(), item());
        return map;
      }
      default:
        if (major === 7 && info >= 20 && info <= 22) return [false, true, null][info - 20];
        throw new Error(`CBOR: item ${head} not read`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error('CBOR: bytes after the item');
  return value;
}
