// The after-build pass: one tokenizer pass per page gives the Content-Security-Policy and the link check both, and
// a page whose bytes are the last build's (Astro's incremental build restores unchanged pages as they were
// rendered) is not read again at all: its policy and link results come from a manifest. An unchanged page's links
// can break only through the pages and files they lead to: a target that is gone, or a target page whose ids
// changed; those pages are checked again, and so is every page that had a broken link (its target may be back).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { insertPolicy } from './csp.ts';
import { distFiles } from './dist-files.ts';
import { type BrokenLink, linkCheck } from './links.ts';
import { type PageScan, scanPage } from './page-scan.ts';

/** Changes whenever what a page's entry means changes (scan, policy or link rules): an old manifest is then unread. */
const MANIFEST_VERSION = 1;

interface PageEntry {
  /** Hash of the page as Astro wrote it (before the policy). */
  raw: string;
  headEnd?: number;
  scriptHashes: string[];
  /** Hash of the page's sorted ids: what links into it with a fragment depend on. */
  ids: string;
  /** Indexes into Manifest.files of the files its links lead to. */
  targets: number[];
  broken: BrokenLink[];
}

interface Manifest {
  version: number;
  base: string;
  /** Every file of the site, pages and others. */
  files: string[];
  pages: Record<string, PageEntry>;
}

interface PassReport {
  broken: BrokenLink[];
  pages: number;
  /** Pages tokenized in this pass (changed ones, and unchanged ones whose links had to be checked again). */
  scanned: number;
}

export function afterBuildPass(distDir: string, base: string, manifestFile: string): PassReport {
  const files = distFiles(distDir);
  const fileSet = new Set(files);
  const previous = readManifest(manifestFile, base);
  const scans = new Map<string, PageScan>();
  const scanned = new Set<string>();
  const rawOf = new Map<string, string>();
  const scanOf = (page: string): PageScan => {
    let scan = scans.get(page);
    if (!scan) {
      scan = scanPage(rawOf.get(page) ?? readFileSync(path.join(distDir, page), 'utf8'));
      scans.set(page, scan);
      scanned.add(page);
    }
    return scan;
  };

  const pages = files.filter((file) => file.endsWith('.html'));
  const entries: Record<string, PageEntry> = {};
  const kept = new Set<string>();
  for (const page of pages) {
    const full = path.join(distDir, page);
    const raw = readFileSync(full, 'utf8');
    const hash = digest(raw);
    const before = previous?.pages[page];
    let entry: PageEntry;
    if (before?.raw === hash) {
      entry = before;
      kept.add(page);
    } else {
      rawOf.set(page, raw);
      const scan = scanOf(page);
      rawOf.delete(page);
      entry = { raw: hash, headEnd: scan.headEnd, scriptHashes: scan.scriptHashes, ids: idsDigest(scan.ids), targets: [], broken: [] };
    }
    entries[page] = entry;
    writeFileSync(full, insertPolicy(raw, entry));
  }

  const check = linkCheck(fileSet, base, (file) => scanOf(file).ids);
  const stale = staleTargets(previous, fileSet, entries);
  const results = new Map<string, { broken: BrokenLink[]; targets: string[] }>();
  for (const page of pages) {
    const before = previous?.pages[page];
    const reusable = kept.has(page) && before && before.broken.length === 0 && !before.targets.some((i) => stale.has(previous!.files[i]));
    results.set(page, reusable ? { broken: [], targets: before.targets.map((i) => previous!.files[i]) } : check(page, scanOf(page).urls));
  }

  const index = new Map(files.map((file, i) => [file, i]));
  for (const [page, result] of results) Object.assign(entries[page], { broken: result.broken, targets: result.targets.map((t) => index.get(t)!) });
  writeManifest(manifestFile, { version: MANIFEST_VERSION, base, files, pages: entries });
  return { broken: [...results.values()].flatMap((r) => r.broken), pages: pages.length, scanned: scanned.size };
}

/** Files whose links from an unchanged page must be checked again. */
function staleTargets(previous: Manifest | undefined, files: Set<string>, entries: Record<string, PageEntry>): Set<string> {
  const stale = new Set<string>();
  if (!previous) return stale;
  const before = new Set(previous.files);
  for (const file of previous.files) {
    if (!files.has(file)) stale.add(file);
    else if (file.endsWith('.html') && previous.pages[file]?.ids !== entries[file]?.ids) stale.add(file);
  }
  // A new file `a/b` is served for the URL `a/b` that used to lead to `a/b/index.html`.
  for (const file of files) if (!before.has(file)) stale.add(`${file}/index.html`);
  return stale;
}

function readManifest(file: string, base: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return manifest.version === MANIFEST_VERSION && manifest.base === base ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function writeManifest(file: string, manifest: Manifest): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Whole or not at all: a build stopped halfway leaves the last good manifest.
  writeFileSync(`${file}.tmp`, JSON.stringify(manifest));
  renameSync(`${file}.tmp`, file);
}

function idsDigest(ids: Set<string>): string {
  return digest([...ids].sort().join('\0'));
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
