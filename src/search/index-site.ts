// The Pagefind step: after Astro has written the site, index the note bodies of its HTML into <outDir>/pagefind/.
// Only elements marked data-pagefind-body are indexed (the note pages mark the note body), so navigation,
// computed lists and the glossary index stay out of the results.
// The index is a function of the pages' bytes: when every page is the last build's (a rebuild with no change), the
// last index is copied instead of built again. Pagefind cannot add pages to an index it wrote, so one changed page
// means indexing all of them (README, Performance).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Lang } from '../config/config';
import { distFiles } from '../safety/dist-files';

interface SearchIndexReport {
  pages: number;
  /** Wall time of the step. */
  ms: number;
  /** Size of everything written to pagefind/ (bytes) and the number of files. */
  bytes: number;
  files: number;
  /** The last build's index was copied: no page changed. */
  reused: boolean;
}

const SEARCH_DIR = 'pagefind';

/** `cacheDir`: where the last index of this output folder is kept, with the key of the pages it was built from. */
export async function indexSite(outDir: string, lang: Lang, cacheDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const outputPath = path.join(outDir, SEARCH_DIR);
  const key = indexKey(outDir, lang);
  const keyFile = path.join(cacheDir, 'key');
  const kept = path.join(cacheDir, SEARCH_DIR);
  if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key.digest) {
    cpSync(kept, outputPath, { recursive: true });
    return { ...report(outputPath, key.pages, started), reused: true };
  }
  const built = await buildIndex(outDir, outputPath, lang);
  rmSync(cacheDir, { recursive: true, force: true });
  cpSync(outputPath, kept, { recursive: true });
  writeFileSync(keyFile, key.digest);
  return { ...report(outputPath, built, started), reused: false };
}

/** Pagefind's version, the language and every HTML file's path and bytes: all that its index is made of. */
function indexKey(outDir: string, lang: Lang): { digest: string; pages: number } {
  const hash = createHash('sha256').update(`${PAGEFIND_VERSION}\0${lang}\0`);
  let pages = 0;
  for (const file of distFiles(outDir)) {
    if (!file.endsWith('.html') || file.startsWith(`${SEARCH_DIR}/`)) continue;
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(outDir, file)))
      .update('\0');
    pages++;
  }
  return { digest: hash.digest('hex'), pages };
}

/** Pagefind's package exports no package.json; without its version nothing is reused. */
const PAGEFIND_VERSION = (() => {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return `unknown ${Math.random()}`;
  }
})();

function report(outputPath: string, pages: number, started: number): Omit<SearchIndexReport, 'reused'> {
  const sizes = fileSizes(outputPath);
  return { pages, ms: performance.now() - started, bytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length };
}

/** Returns the number of pages indexed. */
async function buildIndex(outDir: string, outputPath: string, lang: Lang): Promise<number> {
  // One language for the whole site: a note quoting English stays in the site's index (and gets its segmenter).
  const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export function formatSearchReport(report: SearchIndexReport): string {
  const how = report.reused ? 'unchanged, the last index copied' : 'indexed';
  return `Pagefind: ${report.pages} pages ${how} in ${(report.ms / 1000).toFixed(2)} s; index ${(report.bytes / 1024).toFixed(0)} KB in ${report.files} files`;
}

function fileSizes(dir: string): number[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    const stat = statSync(file);
    return stat.isDirectory() ? fileSizes(file) : [stat.size];
  });
}
