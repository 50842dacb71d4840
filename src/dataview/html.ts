// HTML escaping and the element/attribute allowlist for block output (the host is the trust boundary).

export { escapeHtml } from '../html/escape';

/** Elements a block may create (dv.el, createEl): text, structure, tables, links and images (no scripts, styles,
 * frames, forms, SVG or other media). */
export const SAFE_TAGS: readonly string[] = [
  'div',
  'span',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'b',
  'i',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'small',
  'mark',
  's',
  'del',
  'ins',
  'sub',
  'sup',
  'u',
  'kbd',
  'abbr',
  'cite',
  'q',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'hr',
  'br',
  'details',
  'summary',
  'figure',
  'figcaption',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'time',
];

const SAFE_TAG_SET = new Set(SAFE_TAGS);
const VOID_TAGS = new Set(['hr', 'br', 'col', 'img']);

export function isSafeTag(tag: string): boolean {
  return SAFE_TAG_SET.has(tag);
}

export function isVoidTag(tag: string): boolean {
  return VOID_TAGS.has(tag);
}

/** Attributes any element a block makes may have: no event handlers, URLs or inline styles (render-dom.ts adds per-element ones). */
export function isSafeAttribute(name: string): boolean {
  return /^(title|lang|dir|role|(aria|data)-[a-z0-9-]+)$/.test(name);
}
