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
  removeFiles(
    outDir,
    filesUnder(outDir).filter((file) => !kept.has(file)),
  );
}

/** After Astro wrote the pages (`routeFiles`, relative to the folder): the last build's other page files go. */
export function prunePageFiles(outDir: string, recordFile: string, routeFiles: string[]): void {
  const pageFiles = routeFiles.filter((file) => file !== '' && !file.startsWith('..') && !path.isAbsolute(file));
  const current = new Set(pageFiles);
  removeFiles(
    outDir,
    (readRecord(recordFile)?.pageFiles ?? []).filter((file) => !current.has(file)),
  );
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

/**
 * Removes the files (relative to `dir`), then each folder they leave empty, up to `dir`. Only their folders are
 * looked at: reading every folder of a 10,000-page output took a few tenths of a second a build.
 */
function removeFiles(dir: string, files: string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    rmSync(path.join(dir, file), { force: true });
    folders.add(path.dirname(file));
  }
  const removed = new Set<string>();
  for (let folder of folders) {
    while (folder !== '.' && !removed.has(folder) && isEmpty(path.join(dir, folder))) {
      rmdirSync(path.join(dir, folder));
      removed.add(folder);
      folder = path.dirname(folder);
    }
  }
}

function isEmpty(folder: string): boolean {
  try {
    return readdirSync(folder).length === 0;
  } catch {
    return false; // gone already
  }
}
