// The output folder is kept between builds (Astro's emptyOutDir is off): Astro's incremental build then leaves the
// file of an unchanged page as it is, policy and all, instead of copying it from its cache, and the after-build pass
// reads none of them. What tsunagu does in its place, so that the folder ends as a cold build's would:
// - before the build, every file but the last build's page files goes (all the rest, scripts, feeds, the search
//   index, public/, is written again), and all of it when no earlier build into the folder is recorded;
// - after Astro has written the pages, the last build's page files that are no page of this build go: a note
//   deleted, renamed or made private leaves nothing behind.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RECORD_VERSION = 1;

/** What a deploy keeps in the folder (as Astro's own emptying keeps it). */
const KEPT_NAMES = new Set(['.git']);

interface OutputRecord {
  version: number;
  /** The pages' files (every route's output), relative to the folder. */
  pageFiles: string[];
}

/** Before the build: the folder holds only the last build's page files, or nothing. */
export function clearOutputFolder(outDir: string, recordFile: string): void {
  if (!existsSync(outDir)) return;
  const kept = new Set(readRecord(recordFile)?.pageFiles ?? []);
  for (const file of filesUnder(outDir)) if (!kept.has(file)) rmSync(path.join(outDir, file), { force: true });
  removeEmptyFolders(outDir);
}

/** After Astro wrote the pages (`routeFiles`, relative to the folder): the last build's other page files go. */
export function prunePageFiles(outDir: string, recordFile: string, routeFiles: string[]): void {
  const pageFiles = routeFiles.filter((file) => file !== '' && !file.startsWith('..') && !path.isAbsolute(file));
  const current = new Set(pageFiles);
  for (const file of readRecord(recordFile)?.pageFiles ?? []) if (!current.has(file)) rmSync(path.join(outDir, file), { force: true });
  removeEmptyFolders(outDir);
  mkdirSync(path.dirname(recordFile), { recursive: true });
  writeFileSync(recordFile, JSON.stringify({ version: RECORD_VERSION, pageFiles } satisfies OutputRecord));
}

function readRecord(file: string): OutputRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as OutputRecord;
    return record.version === RECORD_VERSION && Array.isArray(record.pageFiles) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Files below `dir` ('/'-separated, relative), leaving out KEPT_NAMES at its top. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    if (prefix === '' && KEPT_NAMES.has(entry.name)) return [];
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

/** Removes the folders below `dir` left empty; true when `dir` itself is then empty. */
function removeEmptyFolders(dir: string, top = true): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (top && KEPT_NAMES.has(entry.name)) empty = false;
    else if (!entry.isDirectory() || !removeEmptyFolders(path.join(dir, entry.name), false)) empty = false;
  }
  if (empty && !top) rmdirSync(dir);
  return empty;
}
