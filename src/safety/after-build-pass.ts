// The after-build pass: one scan per page gives the Content-Security-Policy and the link check both, and a page
// whose bytes are the last build's (Astro's incremental build restores unchanged pages as they were rendered) is
// not scanned again, nor even decoded: its policy and link results come from a manifest. A page this pass wrote
// and nothing wrote since (the output folder is kept, and Astro leaves an unchanged page's file alone) is not
// even read: its size and modification time are the ones the manifest recorded. An unchanged page's links
// can break only through the pages and files they lead to: a target that is gone, or a target page whose ids
// changed; those pages are checked again, and so is every page that had a broken link (its target may be back).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { insertPolicy, withoutPolicy } from './csp.ts';
import { distFiles } from './dist-files.ts';
import { type BrokenLink, linkChecker, type ReadLinks } from './links.ts';
import { type PageScan, scanPage } from './page-scan.ts';

/** Changes whenever what a page's entry means changes (scan, policy or link rules): an old manifest is then unread. */
const MANIFEST_VERSION = 3;

interface PageEntry {
  /** Hash of the page as Astro wrote it (before the policy). */
  raw: string;
  /** Byte offset just past the page's `<head>` start tag. */
  headEnd?: number;
  scriptHashes: string[];
  /** Hash of the page's sorted ids: what links into it with a fragment depend on. */
  ids: string;
  /** Indexes into Manifest.files of the files its links lead to. */
  targets: number[];
  broken: BrokenLink[];
  /** Size and modification time of the file as this pass wrote it. */
  written: { size: number; mtimeMs: number };
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
  const check = linkChecker(files, base);
  // Only the ids of the pages read are kept for the whole pass (links with a fragment need them); each page's URLs
  // are checked as it is read, and only its broken links and those with a fragment are kept (ReadLinks).
  const ids = new Map<string, Set<string>>();
  const scanned = new Set<string>();
  const scan = (page: string, html = readFileSync(path.join(distDir, page), 'utf8')): PageScan => {
    const result = scanPage(html);
    ids.set(page, result.ids);
    scanned.add(page);
    return result;
  };
  const idsOf = (file: string) => ids.get(file) ?? scan(file).ids;

  const pages = files.filter((file) => file.endsWith('.html'));
  const entries: Record<string, PageEntry> = {};
  const read = new Map<string, ReadLinks>();
  const kept = new Set<string>();
  for (const page of pages) {
    const full = path.join(distDir, page);
    const before = previous?.pages[page];
    if (before && sameStat(statSync(full), before.written)) {
      entries[page] = before;
      kept.add(page);
      continue;
    }
    // A page that has its policy already (a kept file touched since) is read as it was before the policy.
    const raw = withoutPolicy(readFileSync(full));
    let bytes: Uint8Array = raw;
    const hash = digest(raw);
    let entry: Omit<PageEntry, 'written'>;
    if (before?.raw === hash) {
      entry = before;
      kept.add(page);
    } else {
      const html = raw.toString('utf8');
      const result = scan(page, html);
      read.set(page, check.read(page, result.urls));
      // The scan counts UTF-16 code units, the policy goes in at a byte offset: the two agree when the text is as
      // long in bytes as the file (bytes that are not UTF-8 are read as U+FFFD, three bytes for one to three). A page
      // that is not (a file from public/) is written back as the text it was read as, and scanned again next time.
      const utf8 = Buffer.byteLength(html) === raw.length;
      if (!utf8) bytes = Buffer.from(html);
      const headEnd = result.headEnd === undefined ? undefined : Buffer.byteLength(html.slice(0, result.headEnd));
      entry = { raw: utf8 ? hash : '', headEnd, scriptHashes: result.scriptHashes, ids: idsDigest(result.ids), targets: [], broken: [] };
    }
    writeFileSync(full, insertPolicy(bytes, entry));
    const { size, mtimeMs } = statSync(full);
    entries[page] = { ...entry, written: { size, mtimeMs } };
  }

  const stale = staleTargets(previous, fileSet, entries);
  const index = new Map(files.map((file, i) => [file, i]));
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const before = previous?.pages[page];
    const entry = entries[page];
    if (kept.has(page) && before && before.broken.length === 0 && !before.targets.some((i) => stale.has(previous!.files[i]))) {
      Object.assign(entry, { broken: [], targets: before.targets.map((i) => index.get(previous!.files[i])!) });
      continue;
    }
    const links = read.get(page) ?? check.read(page, scan(page).urls);
    const pageBroken = check.finish(links, idsOf);
    Object.assign(entry, { broken: pageBroken, targets: links.targets });
    broken.push(...pageBroken);
  }
  writeManifest(manifestFile, { version: MANIFEST_VERSION, base, files, pages: entries });
  return { broken, pages: pages.length, scanned: scanned.size };
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

const sameStat = (stat: { size: number; mtimeMs: number }, written: PageEntry['written']) => stat.size === written.size && stat.mtimeMs === written.mtimeMs;

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

function digest(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url');
}
