// The Pagefind step: after Astro has written the site, index the note bodies of its HTML into <outDir>/pagefind/.
// Only pages with an element marked data-pagefind-body are indexed (the note pages mark the note body), so
// navigation, computed lists and the glossary index stay out of the results.
// The index is split into parts, each a Pagefind index of its own that the browser merges (src/scripts/search.ts):
// part 0 in pagefind/, part k in pagefind/parts/<k>/, their list in pagefind/parts.json. A page's part is a hash of
// its path, so an edit changes one part; each part is built by a Pagefind process of its own, two at once (Pagefind
// holds about 0.5 GB per 1,000 pages until it writes), and kept with the key of its pages' bytes, so a part whose
// pages are the last build's is copied.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import * as sharedPagefind from 'pagefind';
import type { Lang } from '../config/config';
import { distFiles } from '../safety/dist-files';
import { PARTS_FILE } from './parts';
import { searchPage } from './search-page';
import type { SearchJob } from './search-job';

interface SearchIndexReport {
  pages: number;
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
 * `cacheDir`: where the last build's parts of this output folder are kept, each with the key of its pages.
 * `wholePages`: Pagefind reads the pages themselves, not what it reads of them (search-page.ts), to compare.
 */
export async function indexSite(outDir: string, lang: Lang, cacheDir: string, partPages = PART_PAGES, wholePages = false): Promise<SearchIndexReport> {
  const started = performance.now();
  const outputPath = path.join(outDir, SEARCH_DIR);
  rmSync(outputPath, { recursive: true, force: true });
  const parts = partition(outDir, partPages);
  let built = 0;
  let pages = 0;
  let next = 0;
  // Each Pagefind takes the next part until none is left.
  const indexParts = async (pagefind: Pagefind) => {
    for (let k = next++; k < parts.length; k = next++) {
      const part = readPart(outDir, parts[k], lang, wholePages);
      pages += part.pages.length;
      const kept = path.join(cacheDir, String(k));
      const keyFile = path.join(kept, 'key');
      const output = partDir(outputPath, k);
      if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === part.digest) {
        linkTree(path.join(kept, SEARCH_DIR), output);
        continue;
      }
      await buildPart(pagefind, outDir, part.pages, path.join(cacheDir, 'pages', String(k)), output, lang, k > 0);
      rmSync(kept, { recursive: true, force: true });
      // Part 0's folder holds the other parts' folders, which another Pagefind may be writing: not part 0's.
      linkTree(output, path.join(kept, SEARCH_DIR), k === 0 ? PARTS_DIR : undefined);
      writeFileSync(keyFile, part.digest);
      built++;
    }
  };
  const pagefinds = await pagefindInstances(Math.min(PARALLEL_PARTS, parts.length));
  try {
    await Promise.all(pagefinds.map(indexParts));
  } finally {
    await Promise.all(pagefinds.map((pagefind) => pagefind.close()));
  }
  for (const entry of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    if (!(Number(entry) < parts.length)) rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  const others = parts.slice(1).map((_, i) => `${PARTS_DIR}/${i + 1}/`);
  writeFileSync(path.join(outputPath, PARTS_FILE), `${JSON.stringify({ parts: others })}\n`);
  return { pages, parts: parts.length, built, ...report(outputPath, started) };
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

interface PartPage {
  file: string;
  /** What Pagefind reads of it (search-page.ts); undefined: the page itself. */
  read?: string;
}

/**
 * The part's pages to index and its key: Pagefind's version, the language, and each page's path and the bytes
 * Pagefind reads of it, so that a page changed only where Pagefind does not read (its backlinks, related lists, the
 * sidebar's counts: most pages an edit changes) leaves its part as it was.
 */
function readPart(outDir: string, files: string[], lang: Lang, wholePages: boolean): { pages: PartPage[]; digest: string } {
  const hash = createHash('sha256').update(`${PAGEFIND_VERSION}\0${lang}\0`);
  const pages: PartPage[] = [];
  for (const file of files) {
    const bytes = readFileSync(path.join(outDir, file));
    const html = bytes.toString('utf8');
    if (!BODY_MARK.test(html)) continue;
    const read = wholePages ? undefined : searchPage(html);
    hash
      .update(`${file}\0${read === undefined ? 'page' : 'read'}\0`)
      .update(read ?? bytes)
      .update('\0');
    pages.push({ file, read });
  }
  return { pages, digest: hash.digest('hex') };
}

/** Pagefind's package exports no package.json; without its version nothing is reused. */
const PAGEFIND_VERSION = (() => {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return `unknown ${Math.random()}`;
  }
})();

const PARTS_DIR = 'parts';
const partDir = (outputPath: string, k: number) => (k === 0 ? outputPath : path.join(outputPath, PARTS_DIR, String(k)));

/**
 * Indexes `pages` of `outDir` into `output`, through a folder (`staging`) of what Pagefind reads of each page, or a
 * link to the page: Pagefind reads a folder much faster than pages sent one by one, and each file keeps its page's
 * path, which is its URL. A merged part needs only its index: Pagefind's scripts and WebAssembly come from the
 * first part (`merged`).
 */
async function buildPart(pagefind: Pagefind, outDir: string, pages: PartPage[], staging: string, output: string, lang: Lang, merged: boolean): Promise<void> {
  rmSync(staging, { recursive: true, force: true });
  for (const { file, read } of pages) {
    const target = path.join(staging, file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (read === undefined) linkOrCopy(path.join(outDir, file), target);
    else writeFileSync(target, read);
  }
  mkdirSync(staging, { recursive: true });
  // One language for the whole site: a note quoting English stays in the site's index (and gets its segmenter).
  const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: staging });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new Error(`Pagefind could not write ${output}: ${written.errors.join('; ')}`);
  } finally {
    // Closing ends this Pagefind's process: its next part starts with none of this one's memory.
    await pagefind.close();
    rmSync(staging, { recursive: true, force: true });
  }
  if (merged) for (const entry of readdirSync(output)) if (!MERGED_PART_FILES.test(entry)) rmSync(path.join(output, entry), { recursive: true });
}

/**
 * Copies the folder `from` to `to` as hard links: a kept part is about 700 files. Nothing writes into an index once
 * Pagefind has written it (a new build removes pagefind/ first), so the output and the cache may share the files.
 */
function linkTree(from: string, to: string, except?: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === except) continue;
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

/** What Pagefind reads of a merged index (its entry, metadata, word, filter and page chunks). */
const MERGED_PART_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|filter|fragment)$/;

export function formatSearchReport(report: SearchIndexReport): string {
  const { pages, parts, built } = report;
  const how = built === parts ? 'indexed' : built === 0 ? 'unchanged, the last index copied' : `indexed in ${built} of ${parts} parts (the others unchanged)`;
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
