// The Pagefind step: after Astro has written the site, index the note bodies of its HTML into <outDir>/pagefind/.
// Only pages with an element marked data-pagefind-body are indexed (the note pages mark the note body), so
// navigation, computed lists and the glossary index stay out of the results.
// The index is split into parts, each a Pagefind index of its own that the browser merges (src/scripts/search.ts):
// part 0 in pagefind/, part k in pagefind/parts/<k>/, their list in pagefind/parts.json. A page's part is a hash of
// its path, so an edit changes one part; each part is built by a Pagefind process of its own, two at once (Pagefind
// holds about 0.5 GB per 1,000 pages until it writes), and kept with the key of what Pagefind reads of its pages, so
// a part whose pages read the same is copied. What Pagefind reads of each page is kept too, staged in the cache
// with its size and modification time: a page the build left alone is not read again.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import * as sharedPagefind from 'pagefind';
import type { Lang } from '../config/config';
import { distFiles } from '../safety/dist-files';
import { cacheHash, codeFingerprint, writeCacheLines } from '../vault/cache-file';
import { fragmentPage, fragmentPages, indexFiles, readIndexMeta, seedMismatch } from './pagefind-meta';
import { PARTS_FILE } from './parts';
import { searchPage } from './search-page';
import type { SearchJob } from './search-job';

interface SearchIndexReport {
  pages: number;
  /** HTML files read (the others are the last build's, their size and modification time unchanged). */
  read: number;
  /** Parts of the index, and how many of them were built (the rest were the last build's, copied). */
  parts: number;
  built: number;
  /** Wall time of the step. */
  ms: number;
  /** Size of everything written to pagefind/ (bytes) and the number of files. */
  bytes: number;
  files: number;
}

const SEARCH_DIR = 'pagefind';

/**
 * Pages per part at most. Fewer parts index faster (each one starts Pagefind and writes its files); more parts
 * hold less memory while indexing and re-index less after an edit. Measured in the README (Performance).
 */
export const PART_PAGES = 1000;

/**
 * Parts indexed at once, each by a Pagefind process of its own. Pagefind keeps about one core busy per index, and
 * holds ~0.4 GB per 650 pages (a part of a 10,000-note site) until it writes: two at once stay far below the peak
 * of Astro's own process (README, Memory at 10,000 notes).
 */
const PARALLEL_PARTS = Math.min(2, availableParallelism());

type Pagefind = typeof sharedPagefind;

/**
 * `count` Pagefind APIs with a process each, or fewer. The package keeps one process per module instance, so the
 * others are its module loaded again under another URL; where that cannot be (a bundler's import), one.
 */
async function pagefindInstances(count: number): Promise<Pagefind[]> {
  const instances: Pagefind[] = [sharedPagefind];
  for (let i = 1; i < count; i++) {
    try {
      instances.push((await import(/* @vite-ignore */ `${import.meta.resolve('pagefind')}?instance=${i}`)) as Pagefind);
    } catch {
      break;
    }
  }
  return instances;
}

export const runSearchJob = ({ outDir, lang, cacheDir }: SearchJob) => indexSite(outDir, lang, cacheDir);

/**
 * `cacheDir`: where the last build's parts of this output folder are kept, each with the key of its pages, and what
 * Pagefind read of each page (`staged/<part>/`, listed in `pages.json`).
 * `wholePages`: Pagefind reads the pages themselves, not what it reads of them (search-page.ts), to compare.
 */
export async function indexSite(outDir: string, lang: Lang, cacheDir: string, partPages = PART_PAGES, wholePages = false): Promise<SearchIndexReport> {
  const started = performance.now();
  const outputPath = path.join(outDir, SEARCH_DIR);
  rmSync(outputPath, { recursive: true, force: true });
  const parts = partition(outDir, partPages);
  const version = cacheHash(`${codeVersion()}\0${lang}\0${wholePages}`);
  const last = readPageRecords(cacheDir, version);
  const records: Record<string, PageRecord> = {};
  let built = 0;
  let pages = 0;
  let read = 0;
  let next = 0;
  // Each Pagefind takes the next part until none is left.
  const indexParts = async (pagefind: Pagefind) => {
    for (let k = next++; k < parts.length; k = next++) {
      const staging = path.join(cacheDir, STAGED_DIR, String(k));
      const part = stagePart(outDir, parts[k], staging, last, wholePages);
      Object.assign(records, part.records);
      pages += part.pages.length;
      read += part.read;
      const kept = path.join(cacheDir, PARTS_DIR, String(k));
      const keyFile = path.join(kept, 'key');
      const output = partDir(outputPath, k);
      const key = cacheHash(`${version}\0${part.pages.map((file) => `${file}\0${part.records[file].read}`).join('\0')}`);
      if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
        linkTree(path.join(kept, SEARCH_DIR), output);
        continue;
      }
      removeUnstaged(staging, new Set(part.pages));
      const reads = Object.fromEntries(part.pages.map((file) => [file, part.records[file].read]));
      const lastReads = readKeptReads(path.join(kept, READS_FILE), version);
      const unchanged = new Set(part.pages.filter((file) => lastReads[file] === reads[file]));
      await buildPart(pagefind, staging, output, path.join(kept, SEARCH_DIR), unchanged, lang, k > 0);
      rmSync(kept, { recursive: true, force: true });
      // Part 0's folder holds the other parts' folders, which another Pagefind may be writing: not part 0's.
      linkTree(output, path.join(kept, SEARCH_DIR), (entry) => k > 0 || entry !== PARTS_DIR);
      writeFileSync(path.join(kept, READS_FILE), JSON.stringify({ version, reads }));
      writeFileSync(keyFile, key);
      built++;
    }
  };
  const pagefinds = await pagefindInstances(Math.min(PARALLEL_PARTS, parts.length));
  try {
    await Promise.all(pagefinds.map(indexParts));
  } finally {
    await Promise.all(pagefinds.map((pagefind) => pagefind.close()));
  }
  // What no part of this build is: parts and staged pages past the last part, a cache of another layout.
  for (const entry of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    const dir = path.join(cacheDir, entry);
    if (entry === PARTS_DIR || entry === STAGED_DIR) {
      for (const k of readdirSync(dir)) if (!(Number(k) < parts.length)) rmSync(path.join(dir, k), { recursive: true, force: true });
    } else if (entry !== PAGES_FILE) rmSync(dir, { recursive: true, force: true });
  }
  writeCacheLines(path.join(cacheDir, PAGES_FILE), [JSON.stringify({ version, pages: records })]);
  const others = parts.slice(1).map((_, i) => `${PARTS_DIR}/${i + 1}/`);
  writeFileSync(path.join(outputPath, PARTS_FILE), `${JSON.stringify({ parts: others })}\n`);
  return { pages, read, parts: parts.length, built, ...report(outputPath, started) };
}

/**
 * The site's HTML files by part. The number of parts is a power of two, so that a site growing past a size splits
 * each part in two (and re-indexes once) instead of moving most pages to another part at every size.
 */
function partition(outDir: string, partPages: number): string[][] {
  const files = distFiles(outDir).filter((file) => file.endsWith('.html') && !file.startsWith(`${SEARCH_DIR}/`));
  let count = 1;
  while (count * partPages < files.length) count *= 2;
  const parts: string[][] = Array.from({ length: count }, () => []);
  for (const file of files) parts[createHash('sha256').update(file).digest().readUInt32BE(0) % count].push(file);
  return parts;
}

/** A page with no data-pagefind-body would be indexed whole by a part that has no other: only body pages go in. */
const BODY_MARK = /<[^<>]*\sdata-pagefind-body[\s=>]/;

/** What the last build found in a page, with the page's size and modification time as it read it. */
interface PageRecord {
  size: number;
  mtimeMs: number;
  /** The digest of what Pagefind reads of it, staged; undefined: no body, not indexed. */
  read?: string;
}

const PAGES_FILE = 'pages.json';
const STAGED_DIR = 'staged';

/** The last build's page records, if the same code read them for the same language and way of reading. */
function readPageRecords(cacheDir: string, version: string): Record<string, PageRecord> {
  try {
    const last = JSON.parse(readFileSync(path.join(cacheDir, PAGES_FILE), 'utf8')) as { version: string; pages: Record<string, PageRecord> };
    return last.version === version ? last.pages : {};
  } catch {
    return {};
  }
}

/**
 * Stages what Pagefind reads of the part's pages in `staging` (search-page.ts), or a link to the page itself where
 * only the page is sure to be read the same: Pagefind reads a folder much faster than pages sent one by one, and
 * each file keeps its page's path, which is its URL. A page whose size and modification time are the last build's
 * (the build left its file alone; the after-build pass relies on the same) is not read: its staged copy is kept.
 */
function stagePart(
  outDir: string,
  files: string[],
  staging: string,
  last: Record<string, PageRecord>,
  wholePages: boolean,
): { pages: string[]; records: Record<string, PageRecord>; read: number } {
  const pages: string[] = [];
  const records: Record<string, PageRecord> = {};
  let read = 0;
  for (const file of files) {
    const source = path.join(outDir, file);
    const target = path.join(staging, file);
    const { size, mtimeMs } = statSync(source);
    const before = last[file];
    let record: PageRecord;
    if (before && before.size === size && before.mtimeMs === mtimeMs && (before.read === undefined || existsSync(target))) record = before;
    else {
      read++;
      const bytes = readFileSync(source);
      const html = bytes.toString('utf8');
      if (!BODY_MARK.test(html)) {
        record = { size, mtimeMs };
        rmSync(target, { force: true });
      } else {
        const reduced = wholePages ? undefined : searchPage(html);
        const digest = createHash('sha256')
          .update(reduced === undefined ? 'page\0' : 'read\0')
          .update(reduced ?? bytes)
          .digest('base64url');
        record = { size, mtimeMs, read: digest };
        if (reduced === undefined || before?.read !== digest || !existsSync(target)) {
          rmSync(target, { force: true });
          mkdirSync(path.dirname(target), { recursive: true });
          if (reduced === undefined) linkOrCopy(source, target);
          else writeFileSync(target, reduced);
        }
      }
    }
    records[file] = record;
    if (record.read !== undefined) pages.push(file);
  }
  return { pages, records, read };
}

/** Removes from `staging` every file but the part's pages, and the folders left empty: it is the part's input. */
function removeUnstaged(staging: string, pages: Set<string>): void {
  if (!existsSync(staging)) return;
  for (const file of distFiles(staging)) if (!pages.has(file)) rmSync(path.join(staging, file));
  const prune = (dir: string): boolean => {
    const empty = readdirSync(dir, { withFileTypes: true }).every((entry) => entry.isDirectory() && prune(path.join(dir, entry.name)));
    if (empty && dir !== staging) rmSync(dir, { recursive: true });
    return empty;
  };
  prune(staging);
}

/** The code that reads pages for Pagefind and Pagefind's own version (the lock): a new one reads every page again. */
const codeVersion = (() => {
  let version: string | undefined;
  return () => {
    try {
      version ??= `${codeFingerprint(process.cwd(), 'src/search')}\0${codeFingerprint(process.cwd(), 'src/safety')}`;
    } catch {
      version = `unknown ${Math.random()}`; // not run from the checkout: nothing is reused
    }
    return version;
  };
})();

const PARTS_DIR = 'parts';

/** Beside a kept part: what Pagefind read of each of its pages (digests), whose fragments it may reuse. */
const READS_FILE = 'reads.json';

function readKeptReads(file: string, version: string): Record<string, string | undefined> {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { version: string; reads: Record<string, string> };
    return kept.version === version ? kept.reads : {};
  } catch {
    return {};
  }
}

const partDir = (outputPath: string, k: number) => (k === 0 ? outputPath : path.join(outputPath, PARTS_DIR, String(k)));

/**
 * Indexes the staged pages into `output`, over the word and filter chunks of the part's last index (`lastOutput`)
 * and the fragments of its pages whose staged copies are the ones it read (`unchanged`): Pagefind names its chunks
 * by their content and does not write one whose file exists, so the chunks that did not change are not compressed
 * again (most of the time it takes to write); the last index's chunks this one does not use are removed after. The
 * name is 7 hexadecimal digits of the hash: a new chunk named as a different old one would keep the old content
 * (perhaps a note's made private since), so the metadata, which names every chunk, is never seeded, and a kept
 * chunk the new metadata lists in another role, or a chunk listed twice, has the part indexed again from nothing
 * (pagefind-meta.ts, `seedMismatch`). A merged part needs only its index: Pagefind's
 * scripts and WebAssembly come from the first part (`merged`).
 */
async function buildPart(
  pagefind: Pagefind,
  staging: string,
  output: string,
  lastOutput: string,
  unchanged: Set<string>,
  lang: Lang,
  merged: boolean,
): Promise<void> {
  mkdirSync(staging, { recursive: true });
  const seeded = new Map<string, number>();
  const seededPages = new Map<string, string>();
  if (existsSync(lastOutput)) {
    linkTree(lastOutput, output, (entry) => SEEDED.test(entry));
    for (const [page, file] of fragmentPages(lastOutput)) {
      if (!unchanged.has(page)) continue;
      mkdirSync(path.join(output, path.dirname(file)), { recursive: true });
      linkOrCopy(path.join(lastOutput, file), path.join(output, file));
      seededPages.set(file, page);
    }
    // Not distFiles(output): part 0's folder holds the other parts', which another Pagefind may be writing.
    for (const folder of ['index', 'filter', 'fragment'].filter((name) => existsSync(path.join(output, name))))
      for (const name of readdirSync(path.join(output, folder))) seeded.set(`${folder}/${name}`, statSync(path.join(output, folder, name)).ino);
  }
  await writeIndex(pagefind, staging, output, lang);
  if (seeded.size) {
    const unwritten = (file: string) => seeded.get(file) === statSync(path.join(output, file), { throwIfNoEntry: false })?.ino;
    const mismatch = seedMismatch(readIndexMeta(lastOutput), readIndexMeta(output), unwritten, seededPages, (file) => fragmentPage(output, file));
    if (mismatch) {
      console.warn(`Pagefind: ${mismatch} in ${output}: the part is indexed again without its last index`);
      // Part 0's folder holds the other parts' folders, which another Pagefind may be writing.
      for (const entry of readdirSync(output)) if (entry !== PARTS_DIR) rmSync(path.join(output, entry), { recursive: true });
      await writeIndex(pagefind, staging, output, lang);
    } else {
      const used = indexFiles(output);
      for (const file of seeded.keys()) if (!used.has(file)) rmSync(path.join(output, file));
    }
  }
  if (merged)
    for (const entry of readdirSync(output)) if (entry !== 'pagefind-entry.json' && !CHUNKS.test(entry)) rmSync(path.join(output, entry), { recursive: true });
}

async function writeIndex(pagefind: Pagefind, staging: string, output: string, lang: Lang): Promise<void> {
  // One language for the whole site: a note quoting English stays in the site's index (and gets its segmenter).
  const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: staging });
    if (added.errors.length) throw new Error(`Pagefind could not index ${staging}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new Error(`Pagefind could not write ${output}: ${written.errors.join('; ')}`);
  } finally {
    // Closing ends this Pagefind's process: its next part starts with none of this one's memory.
    await pagefind.close();
  }
}

/**
 * Copies the folder `from` to `to` as hard links (its entries that `keep` names): a kept part is about 700 files.
 * Pagefind writes no file of an index that exists (CHUNKS), and a new build removes pagefind/ first, so the output
 * and the cache may share the files.
 */
function linkTree(from: string, to: string, keep: (entry: string) => boolean = () => true): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!keep(entry.name)) continue;
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else linkOrCopy(source, target);
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to); // another file system
  }
}

/** An index's chunks and metadata, named by their content (pagefind-meta.ts): all a merged part needs with its entry. */
const CHUNKS = /^(.*\.pf_meta|index|filter|fragment)$/;

/** The folders of the last index's chunks a part indexed again is written over (`buildPart`). */
const SEEDED = /^(index|filter)$/;

export function formatSearchReport(report: SearchIndexReport): string {
  const { pages, parts, built, read } = report;
  const how =
    built === parts
      ? 'indexed'
      : built === 0
        ? 'unchanged, the last index copied'
        : `indexed in ${built} of ${parts} parts (the others unchanged; ${read} HTML files read, the others left alone by the build)`;
  const split = parts > 1 && built === parts ? ` in ${parts} parts` : '';
  return `Pagefind: ${pages} pages ${how}${split} in ${(report.ms / 1000).toFixed(2)} s; index ${(report.bytes / 1024).toFixed(0)} KB in ${report.files} files`;
}

function report(outputPath: string, started: number): { ms: number; bytes: number; files: number } {
  const sizes = fileSizes(outputPath);
  return { ms: performance.now() - started, bytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length };
}

function fileSizes(dir: string): number[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    const stat = statSync(file);
    return stat.isDirectory() ? fileSizes(file) : [stat.size];
  });
}
