// The dist link check: every internal href/src of every page leads to a file of the built site (under `base`),
// and every #fragment to an id on the page it names. Run after each build; a broken link is a build error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Tokenizer, TokenizerMode } from 'parse5';
import { distFiles } from './dist-files.ts';

export interface BrokenLink {
  /** The page holding the link, relative to dist ('notes/a/index.html'). */
  page: string;
  /** As written in the page. */
  href: string;
  reason: string;
}

type State = (typeof TokenizerMode)[keyof typeof TokenizerMode];

interface PageRefs {
  ids: Set<string>;
  urls: string[];
}

/** Attributes that hold one URL; srcset holds a list. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'action', 'cite', 'data']);
/** `#top` and `#` scroll to the top of any page (HTML's rules), with or without an element of that id. */
const IMPLICIT_FRAGMENTS = new Set(['', 'top']);

export function checkLinks(distDir: string, base: string): BrokenLink[] {
  const files = new Set(distFiles(distDir));
  const pages = new Map<string, PageRefs>();
  const refsOf = (file: string) => {
    let refs = pages.get(file);
    if (!refs) pages.set(file, (refs = pageRefs(readFileSync(path.join(distDir, file), 'utf8'))));
    return refs;
  };
  const broken: BrokenLink[] = [];
  for (const page of files) {
    if (!page.endsWith('.html')) continue;
    const pageUrl = new URL(pageUrlPath(page, base), 'https://site.invalid');
    for (const written of refsOf(page).urls) {
      const problem = checkUrl(written, pageUrl, base, files, refsOf);
      if (problem) broken.push({ page, href: written, reason: problem });
    }
  }
  return broken;
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return [`${broken.length} broken internal link(s) in the built site:`, ...broken.map((b) => `  ${b.page}: ${b.href} — ${b.reason}`)].join('\n');
}

function checkUrl(written: string, pageUrl: URL, base: string, files: Set<string>, refsOf: (file: string) => PageRefs): string | undefined {
  const trimmed = written.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return undefined; // external or no link
  const url = new URL(trimmed, pageUrl);
  const pathname = safeDecode(url.pathname);
  if (!pathname.startsWith(base)) return `outside the site's base ${base}`;
  const file = fileFor(pathname.slice(base.length), files);
  if (!file) return 'no such file in the built site';
  const fragment = safeDecode(url.hash.slice(1));
  if (IMPLICIT_FRAGMENTS.has(fragment) || !file.endsWith('.html')) return undefined;
  return refsOf(file).ids.has(fragment) ? undefined : `no element with id "${fragment}" on ${file}`;
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

/** Tags whose content the tokenizer must read as text, as the HTML tree builder tells it to. */
const TEXT_CONTENT: Record<string, State> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** Ids and URLs of one page. Tokens only (no tree): several times faster than a full parse, same attributes. */
function pageRefs(html: string): PageRefs {
  const ids = new Set<string>();
  const urls: string[] = [];
  const ignore = () => {};
  const tokenizer: Tokenizer = new Tokenizer(
    {},
    {
      onStartTag: ({ tagName, attrs }) => {
        for (const { name, value } of attrs) {
          if (name === 'id' || (name === 'name' && tagName === 'a')) ids.add(value);
          else if (URL_ATTRIBUTES.has(name) || name === 'xlink:href') urls.push(value);
          else if (name === 'srcset')
            urls.push(
              ...value
                .split(',')
                .map((candidate) => candidate.trim().split(/\s+/)[0])
                .filter(Boolean),
            );
        }
        const textMode = TEXT_CONTENT[tagName];
        if (textMode !== undefined) tokenizer.state = textMode;
      },
      onEndTag: ignore,
      onComment: ignore,
      onDoctype: ignore,
      onEof: ignore,
      onCharacter: ignore,
      onNullCharacter: ignore,
      onWhitespaceCharacter: ignore,
    },
  );
  tokenizer.write(html, true);
  return { ids, urls };
}
