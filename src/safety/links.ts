// The dist link check: every internal href/src of every page leads to a file of the built site (under `base`),
// and every #fragment to an id on the page it names. Run after each build; a broken link is a build error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { distFiles } from './dist-files.ts';
import { type PageScan, scanPage } from './page-scan.ts';

export interface BrokenLink {
  /** The page holding the link, relative to dist ('notes/a/index.html'). */
  page: string;
  /** As written in the page. */
  href: string;
  reason: string;
}

interface PageLinks {
  broken: BrokenLink[];
  /** The files of the site this page's links lead to: what can break them later. */
  targets: string[];
}

/** `#top` and `#` scroll to the top of any page (HTML's rules), with or without an element of that id. */
const IMPLICIT_FRAGMENTS = new Set(['', 'top']);

/** The whole check over a built site (the build itself runs it incrementally: after-build-pass.ts). */
export function checkLinks(distDir: string, base: string): BrokenLink[] {
  const files = distFiles(distDir);
  const scans = new Map<string, PageScan>();
  const scanOf = (file: string) => {
    let scan = scans.get(file);
    if (!scan) scans.set(file, (scan = scanPage(readFileSync(path.join(distDir, file), 'utf8'))));
    return scan;
  };
  const check = linkCheck(new Set(files), base, (file) => scanOf(file).ids);
  return files.filter((file) => file.endsWith('.html')).flatMap((page) => check(page, scanOf(page).urls).broken);
}

/** Checks one page's URLs against the site's files and, for fragments, the ids of the pages they name. */
export function linkCheck(files: Set<string>, base: string, idsOf: (file: string) => Set<string>): (page: string, urls: string[]) => PageLinks {
  return (page, urls) => {
    const pageUrl = new URL(pageUrlPath(page, base), 'https://site.invalid');
    const broken: BrokenLink[] = [];
    const targets = new Set<string>();
    for (const written of urls) {
      const problem = checkUrl(written, pageUrl, base, files, idsOf, targets);
      if (problem) broken.push({ page, href: written, reason: problem });
    }
    return { broken, targets: [...targets] };
  };
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return [`${broken.length} broken internal link(s) in the built site:`, ...broken.map((b) => `  ${b.page}: ${b.href} — ${b.reason}`)].join('\n');
}

function checkUrl(
  written: string,
  pageUrl: URL,
  base: string,
  files: Set<string>,
  idsOf: (file: string) => Set<string>,
  targets: Set<string>,
): string | undefined {
  const trimmed = written.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return undefined; // external or no link
  const url = new URL(trimmed, pageUrl);
  const pathname = safeDecode(url.pathname);
  if (!pathname.startsWith(base)) return `outside the site's base ${base}`;
  const file = fileFor(pathname.slice(base.length), files);
  if (!file) return 'no such file in the built site';
  targets.add(file);
  const fragment = safeDecode(url.hash.slice(1));
  if (IMPLICIT_FRAGMENTS.has(fragment) || !file.endsWith('.html')) return undefined;
  return idsOf(file).has(fragment) ? undefined : `no element with id "${fragment}" on ${file}`;
}

/** A URL path below base → the file a static host serves for it (directory URLs serve their index.html). */
function fileFor(relPath: string, files: Set<string>): string | undefined {
  if (relPath === '' || relPath.endsWith('/')) return files.has(`${relPath}index.html`) ? `${relPath}index.html` : undefined;
  if (files.has(relPath)) return relPath;
  return files.has(`${relPath}/index.html`) ? `${relPath}/index.html` : undefined;
}

/** The URL a page is served at: 'a/index.html' → '/base/a/'. */
function pageUrlPath(file: string, base: string): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return base + (encoded.endsWith('index.html') ? encoded.slice(0, -'index.html'.length) : encoded);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
