// The dist link check: every internal href/src of every page leads to a file of the built site (under `base`),
// and every #fragment to an id on the page it names. Run after each build; a broken link is a build error.
// In two steps, so that a page's URLs need not be kept once read: `read` checks what needs no other page (the
// file a URL leads to) and keeps only the links with a fragment to look up; `finish` looks them up once the ids of
// every page can be had.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { distFiles } from './dist-files.ts';
import { scanPage } from './page-scan.ts';

export interface BrokenLink {
  /** The page holding the link, relative to dist ('notes/a/index.html'). */
  page: string;
  /** As written in the page. */
  href: string;
  reason: string;
}

/** A link to an existing page whose fragment is still to be found among that page's ids. */
interface FragmentLink {
  href: string;
  file: string;
  fragment: string;
}

/** A page's links after `read`. */
export interface ReadLinks {
  page: string;
  /** In document order: the broken links and those to look up. */
  open: (BrokenLink | FragmentLink)[];
  /** Indexes into the site's files of those the page's links lead to: what can break them later. */
  targets: number[];
}

/** A link to another site, or no link. */
const NOTHING_TO_CHECK = { skip: true } as const;
/** Where a URL leads: a problem, or a file (with a fragment to find on it), or nothing to check. */
type Resolved = { problem: string } | { file: string; index: number; fragment?: string } | typeof NOTHING_TO_CHECK;

/** `#top` and `#` scroll to the top of any page (HTML's rules), with or without an element of that id. */
const IMPLICIT_FRAGMENTS = new Set(['', 'top']);

/** The whole check over a built site (the build itself runs it incrementally: after-build-pass.ts). */
export function checkLinks(distDir: string, base: string): BrokenLink[] {
  const files = distFiles(distDir);
  const check = linkChecker(files, base);
  const ids = new Map<string, Set<string>>();
  const scanOf = (file: string) => {
    const scan = scanPage(readFileSync(path.join(distDir, file), 'utf8'));
    ids.set(file, scan.ids);
    return scan;
  };
  const read = files.filter((file) => file.endsWith('.html')).map((page) => check.read(page, scanOf(page).urls));
  return read.flatMap((links) => check.finish(links, (file) => ids.get(file) ?? scanOf(file).ids));
}

/** Checks pages' URLs against the site's files (sorted, as distFiles gives them) and the ids of the pages. */
export function linkChecker(files: string[], base: string) {
  const index = new Map(files.map((file, i) => [file, i]));
  // Nearly all links are written from the site's root (`/base/…`) or lead to another site: where they lead is the
  // same from every page, so each is resolved once.
  const fixed = new Map<string, Resolved>();
  const resolve = (written: string, pageUrl: URL): Resolved => {
    const known = fixed.get(written);
    if (known) return known;
    const trimmed = written.trim();
    const external = trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//');
    const resolved = external ? NOTHING_TO_CHECK : resolveUrl(new URL(trimmed, pageUrl), base, index);
    if (external || trimmed.startsWith('/')) fixed.set(written, resolved);
    return resolved;
  };
  return {
    read(page: string, urls: string[]): ReadLinks {
      const pageUrl = new URL(pageUrlPath(page, base), 'https://site.invalid');
      const open: ReadLinks['open'] = [];
      const targets = new Set<number>();
      for (const href of urls) {
        const resolved = resolve(href, pageUrl);
        if ('skip' in resolved) continue;
        if ('problem' in resolved) open.push({ page, href, reason: resolved.problem });
        else {
          targets.add(resolved.index);
          if (resolved.fragment !== undefined) open.push({ href, file: resolved.file, fragment: resolved.fragment });
        }
      }
      return { page, open, targets: [...targets] };
    },
    finish({ page, open }: ReadLinks, idsOf: (file: string) => Set<string>): BrokenLink[] {
      return open.flatMap((link) => {
        if ('reason' in link) return [link];
        if (idsOf(link.file).has(link.fragment)) return [];
        return [{ page, href: link.href, reason: `no element with id "${link.fragment}" on ${link.file}` }];
      });
    },
  };
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return [`${broken.length} broken internal link(s) in the built site:`, ...broken.map((b) => `  ${b.page}: ${b.href} — ${b.reason}`)].join('\n');
}

function resolveUrl(url: URL, base: string, index: Map<string, number>): Resolved {
  const pathname = safeDecode(url.pathname);
  if (!pathname.startsWith(base)) return { problem: `outside the site's base ${base}` };
  const file = fileFor(pathname.slice(base.length), index);
  if (!file) return { problem: 'no such file in the built site' };
  const fragment = safeDecode(url.hash.slice(1));
  const target = { file, index: index.get(file)! };
  return IMPLICIT_FRAGMENTS.has(fragment) || !file.endsWith('.html') ? target : { ...target, fragment };
}

/** A URL path below base → the file a static host serves for it (directory URLs serve their index.html). */
function fileFor(relPath: string, files: Map<string, number>): string | undefined {
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
