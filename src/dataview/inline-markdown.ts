// A tiny inline markdown renderer for the strings blocks print (`dv.span("**x**")`): bold, italics, code,
// strikethrough, highlight, [[links]], [text](https://…), #tags and backslash escapes. No block syntax.
import { escapeHtml } from './html';

export interface InlineLinks {
  /** For each `[[target]]` in the text, the published path it resolved to (or null). */
  resolved: Record<string, string | null>;
  hrefFor(path: string, subpath?: string): string | undefined;
  hrefForTag?(tag: string): string | undefined;
}

const TOKEN = new RegExp(
  [
    '`([^`]+)`', // 1 code
    '!?\\[\\[([^\\[\\]]+?)\\]\\]', // 2 wikilink or embed
    '\\[([^\\[\\]]+)\\]\\(([^()\\s]+)\\)', // 3, 4 markdown link
    '\\*\\*(?=\\S)([\\s\\S]*?\\S)\\*\\*', // 5 strong
    '__(?=\\S)([\\s\\S]*?\\S)__', // 6 strong
    '\\*(?=\\S)([\\s\\S]*?\\S)\\*', // 7 em
    '(?<![\\p{L}\\p{N}])_(?=\\S)([\\s\\S]*?\\S)_(?![\\p{L}\\p{N}])', // 8 em
    '~~(?=\\S)([\\s\\S]*?\\S)~~', // 9 del
    '==(?=\\S)([\\s\\S]*?\\S)==', // 10 mark
    '(?<![^\\s(])#([\\p{L}\\p{N}\\p{M}_/-]*[\\p{L}\\p{M}_/-][\\p{L}\\p{N}\\p{M}_/-]*)', // 11 tag (not all digits)
    '\\\\([!-/:-@\\[-`{-~])', // 12 escaped punctuation
    '(\\n)', // 13 line break
  ].join('|'),
  'gu',
);

/** Where a `[[target#sub|display]]` goes and what it shows, as Obsidian renders it. */
export function renderWikilink(inner: string, links: InlineLinks): string {
  const bar = inner.indexOf('|');
  const destination = bar >= 0 ? inner.slice(0, bar) : inner;
  const hash = destination.indexOf('#');
  const target = (hash >= 0 ? destination.slice(0, hash) : destination).trim();
  const subpath = hash >= 0 ? destination.slice(hash + 1).replace(/^\^/, '') : undefined;
  const shown = bar >= 0 ? inner.slice(bar + 1) : subpath ? `${target} > ${subpath}` : target;
  return internalLink(links.resolved[target] ?? null, subpath, shown, links);
}

export function internalLink(path: string | null, subpath: string | undefined, text: string, links: InlineLinks): string {
  const href = path === null ? undefined : links.hrefFor(path, subpath || undefined);
  if (href === undefined) return `<span class="internal-link is-unresolved">${escapeHtml(text)}</span>`;
  return `<a class="internal-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

function renderTag(tag: string, links: InlineLinks): string {
  const href = links.hrefForTag?.(tag);
  const text = escapeHtml(`#${tag}`);
  return href === undefined ? `<span class="tag">${text}</span>` : `<a class="tag" href="${escapeHtml(href)}">${text}</a>`;
}

function renderToken(m: RegExpExecArray, links: InlineLinks): string {
  const inline = (text: string) => renderInlineMarkdown(text, links);
  if (m[1] !== undefined) return `<code>${escapeHtml(m[1])}</code>`;
  if (m[2] !== undefined) return renderWikilink(m[2], links);
  if (m[3] !== undefined) {
    const url = m[4];
    if (!/^(https?:|mailto:)/i.test(url)) return inline(m[3]);
    return `<a class="external-link" href="${escapeHtml(url)}" rel="noopener nofollow">${inline(m[3])}</a>`;
  }
  if (m[5] !== undefined || m[6] !== undefined) return `<strong>${inline(m[5] ?? m[6])}</strong>`;
  if (m[7] !== undefined || m[8] !== undefined) return `<em>${inline(m[7] ?? m[8])}</em>`;
  if (m[9] !== undefined) return `<del>${inline(m[9])}</del>`;
  if (m[10] !== undefined) return `<mark>${inline(m[10])}</mark>`;
  if (m[11] !== undefined) return renderTag(m[11], links);
  if (m[12] !== undefined) return escapeHtml(m[12]);
  return '<br>';
}

export function renderInlineMarkdown(text: string, links: InlineLinks): string {
  let html = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    html += escapeHtml(text.slice(last, m.index)) + renderToken(m, links);
    last = m.index + m[0].length;
  }
  return html + escapeHtml(text.slice(last));
}
