// The files a Pagefind index in a folder uses, read from its entry and metadata (Pagefind 1.x). Its page, word and
// filter chunks are named by a hash of their content, and Pagefind does not write a chunk whose file exists: an
// index written over the last one keeps the chunks that did not change, and this says which of the files are its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Before each compressed chunk's data (Pagefind's `write`). */
const SIGNATURE = 'pagefind_dcd';

/** What an index's metadata lists, by chunk file (relative to its folder): pages, word ranges, filters. */
export interface IndexMeta {
  /** The metadata file itself. */
  file: string;
  pages: string[];
  words: { from: string; to: string; file: string }[];
  filters: { name: string; file: string }[];
}

/** The metadata of the index in `dir`, one per language of its entry. */
export function readIndexMeta(dir: string): IndexMeta[] {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  return Object.values(entry.languages).map(({ hash }) => {
    const meta = `pagefind.${hash}.pf_meta`;
    const data = gunzipSync(readFileSync(path.join(dir, meta)));
    if (data.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${meta}: not a Pagefind chunk`);
    // [version, pages: [hash, word count, …][], word chunks: [from, to, hash][], filters: [name, hash][], …]
    const [, pages, words, filters] = asArray(decodeCbor(data.subarray(SIGNATURE.length)), meta);
    const items = (list: unknown) => asArray(list, meta).map((item) => asArray(item, meta));
    return {
      file: meta,
      pages: items(pages).map((page) => `fragment/${asText(page[0], meta)}.pf_fragment`),
      words: items(words).map(([from, to, chunk]) => ({ from: String(from), to: String(to), file: `index/${asText(chunk, meta)}.pf_index` })),
      filters: items(filters).map(([name, chunk]) => ({ name: String(name), file: `filter/${asText(chunk, meta)}.pf_filter` })),
    };
  });
}

/** The page fragments of the index in `dir` by the path of their page (`fragmentPage`). */
export function fragmentPages(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readIndexMeta(dir).flatMap((meta) => meta.pages)) {
    const page = fragmentPage(dir, file);
    if (page !== undefined) files.set(page, file);
  }
  return files;
}

/** The path of the page whose fragment is `file` in `dir` (`a/index.html` for the URL `/a/`), from its URL. */
export function fragmentPage(dir: string, file: string): string | undefined {
  const data = gunzipSync(readFileSync(path.join(dir, file)));
  const { url } = JSON.parse(data.toString('utf8', SIGNATURE.length)) as { url: string };
  try {
    const page = decodeURIComponent(url).replace(/^\//, '');
    return page === '' || page.endsWith('/') ? `${page}index.html` : page;
  } catch {
    return undefined; // not a URL this step gave a page
  }
}

/** Paths relative to `dir` of the metadata and the chunks the index there lists. */
export function indexFiles(dir: string): Set<string> {
  return new Set(readIndexMeta(dir).flatMap((meta) => [meta.file, ...chunkRoles([meta]).keys()]));
}

/** Each chunk file the metadata lists with what it holds (a page, a word range, a filter), and the files listed twice. */
function chunkRoles(metas: IndexMeta[]): Map<string, string> & { twice: string[] } {
  const roles = Object.assign(new Map<string, string>(), { twice: [] as string[] });
  const add = (file: string, role: string) => {
    if (roles.has(file)) roles.twice.push(file);
    roles.set(file, role);
  };
  for (const meta of metas) {
    for (const file of meta.pages) add(file, 'a page');
    for (const { from, to, file } of meta.words) add(file, `the words ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
    for (const { name, file } of meta.filters) add(file, `the filter ${JSON.stringify(name)}`);
  }
  return roles;
}

/**
 * Why the index `next`, written over chunks of the index `last` (`seeded`: a file the new index lists that is one of
 * those, not written by Pagefind), may hold a chunk that is not its own; undefined when it cannot. Pagefind names a
 * chunk by 7 hexadecimal digits of its hash and does not write one whose file exists: a new chunk named as an old,
 * different one would keep the old content. An old chunk listed again in the same role (the same word range, the
 * same filter) is the same chunk; in another role, or a file listed twice, it may not be. A page's fragment has no
 * role the metadata names: only the fragments of pages that read as the last index's are seeded (`seededPages`,
 * fragment file → page), and each of them must be listed, and no fragment Pagefind wrote be one of those pages'
 * (`pageOf`); then the pages Pagefind wrote fragments for are the others, each its own, and a seeded fragment is
 * listed for its own page.
 */
export function seedMismatch(
  last: IndexMeta[],
  next: IndexMeta[],
  seeded: (file: string) => boolean,
  seededPages: Map<string, string> = new Map(),
  pageOf: (file: string) => string | undefined = () => undefined,
): string | undefined {
  const before = chunkRoles(last);
  const after = chunkRoles(next);
  if (after.twice.length) return `${after.twice[0]} is listed twice`;
  for (const [file, role] of after) {
    if (seeded(file) && before.get(file) !== role) return `${file}, kept from the last index (${before.get(file) ?? 'not listed'}), now holds ${role}`;
  }
  for (const [file, page] of seededPages) if (!after.has(file)) return `${file}, the fragment of ${page} kept from the last index, is not listed`;
  const pages = new Set(seededPages.values());
  for (const file of next.flatMap((meta) => meta.pages)) {
    const page = seeded(file) ? undefined : pageOf(file);
    if (page !== undefined && pages.has(page)) return `${file} is a new fragment of ${page}, whose last fragment was kept`;
  }
  return undefined;
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
