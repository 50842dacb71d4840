// The Pagefind step: after Astro has written the site, index the note bodies of its HTML into <outDir>/pagefind/.
// Only elements marked data-pagefind-body are indexed (the note pages mark the note body), so navigation,
// computed lists and the glossary index stay out of the results.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Lang } from '../config/config';

export interface SearchIndexReport {
  pages: number;
  /** Wall time of the step. */
  ms: number;
  /** Size of everything written to pagefind/ (bytes) and the number of files. */
  bytes: number;
  files: number;
}

export const SEARCH_DIR = 'pagefind';

export async function indexSite(outDir: string, lang: Lang): Promise<SearchIndexReport> {
  const started = performance.now();
  // One language for the whole site: a note quoting English stays in the site's index (and gets its segmenter).
  const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const outputPath = path.join(outDir, SEARCH_DIR);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    const sizes = fileSizes(outputPath);
    return { pages: added.page_count, ms: performance.now() - started, bytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length };
  } finally {
    await pagefind.close();
  }
}

export function formatSearchReport(report: SearchIndexReport): string {
  return `Pagefind: ${report.pages} pages indexed in ${(report.ms / 1000).toFixed(2)} s; index ${(report.bytes / 1024).toFixed(0)} KB in ${report.files} files`;
}

function fileSizes(dir: string): number[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    const stat = statSync(file);
    return stat.isDirectory() ? fileSizes(file) : [stat.size];
  });
}
