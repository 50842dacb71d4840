// Host side of a block's DOM (sandbox/elements.ts serialises `dv.container` and what `dv.el` returned): the tree as
// HTML. The tree is untrusted: only allow-listed elements, attributes and style properties are kept and every string
// is escaped; markup a block assigned to innerHTML is parsed and goes through the same lists. The result is dataview
// output like any other, which the note's sanitizer then sees.
import type { Nodes as HastNode } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { isScriptFreeStyle } from '../safety/style';
import { escapeHtml, isSafeAttribute, isSafeTag, isVoidTag } from './html';

type Json = Record<string, unknown>;

export interface DomRenderers {
  /** dv.el's content (a value in the output's JSON form). */
  value(value: unknown): string;
  /** An output record (table, list…) moved into an element. */
  block(record: Json): string;
  /**
   * Where a vault path or link text (`href="Folder/Note#Part"`, `src="attachments/cat.png"`) leads on the site, resolved
   * from the block's note as Obsidian resolves a link; undefined when it is not a published page or attachment.
   */
  internal?(target: string, subpath: string | undefined, embed: boolean): { href: string; kind: string } | undefined;
  /** A <style> the block made, as the HTML that keeps it for the block alone ('' when it is not kept). */
  style?(css: string): string;
}

/** Attributes by element, beyond the global ones (isSafeAttribute, class, id, hidden); URLs are checked apart. */
const TAG_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed'],
  details: ['open'],
  time: ['datetime'],
};
const URL_ATTRIBUTES = new Set(['href', 'src']);
const WEB_URL = /^(https?:\/\/|mailto:)/i;
/** A URL with a scheme (or protocol-relative): never a vault path. */
const SCHEME = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/** Style properties a block may set: layout, boxes, colours and text; nothing that loads or positions over the page. */
const STYLE_PROPERTY =
  /^(display|visibility|color|opacity|background-color|font(-[a-z]+)?|text-(align|decoration|transform|indent|overflow)|line-height|letter-spacing|word-(break|spacing)|white-space|vertical-align|(min-|max-)?(width|height)|(margin|padding)(-(top|right|bottom|left))?|border(-(top|right|bottom|left))?(-(width|style|color|radius))?|border-radius|box-sizing|float|clear|overflow(-[xy])?|list-style(-type)?|gap|row-gap|column-gap|flex(-[a-z]+)?|order|justify-[a-z]+|align-[a-z]+|grid-template-(columns|rows)|grid-(column|row)|cursor)$/;
const STYLE_VALUE = /^[-#%.,()\w\s'"/!+]*$/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function styleAttribute(style: unknown): string {
  if (!isObject(style)) return '';
  const declarations = Object.entries(style)
    .filter(([name, value]) => STYLE_PROPERTY.test(name) && typeof value === 'string' && STYLE_VALUE.test(value) && !/url\s*\(/i.test(value))
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
  return declarations && isScriptFreeStyle(declarations) ? ` style="${escapeHtml(declarations)}"` : '';
}

function attributeList(tag: string, attr: unknown, renderers: DomRenderers): string {
  if (!isObject(attr)) return '';
  const own = TAG_ATTRIBUTES[tag] ?? [];
  let html = '';
  let internal = false;
  for (const [name, value] of Object.entries(attr)) {
    if (typeof value !== 'string') continue;
    const allowed = name === 'class' || name === 'id' || name === 'hidden' || isSafeAttribute(name) || own.includes(name);
    if (!allowed) continue;
    let text = name === 'class' ? value.trim().split(/\s+/).join(' ') : value;
    if (name === 'class' && text === '') continue;
    if (URL_ATTRIBUTES.has(name) && !WEB_URL.test(value.trim())) {
      const site = vaultUrl(value, tag === 'img', renderers);
      if (site === undefined) continue;
      text = site;
      internal = tag === 'a';
    }
    html += ` ${name}="${escapeHtml(text)}"`;
  }
  if (tag !== 'a' || !/ href="/.test(html)) return html;
  // A link to a note is Obsidian's internal link; any other link leaves the site like Obsidian's external links do.
  if (!internal) return `${html} target="_blank" rel="noopener"`;
  return / class="/.test(html) ? html.replace(/ class="(?![^"]*\binternal-link\b)/, ' class="internal-link ') : `${html} class="internal-link"`;
}

/**
 * A href or src that is not a web URL, read as Obsidian reads an internal link's href: link text (percent-encoding
 * undone, `#` starting the heading or block), or an obsidian://open URL's file. An image needs an attachment.
 */
function vaultUrl(value: string, image: boolean, renderers: DomRenderers): string | undefined {
  let text = value.trim();
  if (/^obsidian:\/\/open\?/i.test(text)) text = new URLSearchParams(text.slice(text.indexOf('?') + 1)).get('file') ?? '';
  else if (SCHEME.test(text)) return undefined;
  try {
    text = decodeURIComponent(text);
  } catch {
    // Left as written: Obsidian keeps link text it cannot decode.
  }
  const hash = text.indexOf('#');
  const target = (hash < 0 ? text : text.slice(0, hash)).trim();
  const subpath = hash < 0 ? undefined : text.slice(hash + 1).trim() || undefined;
  if (target === '' || !renderers.internal) return undefined;
  const found = renderers.internal(target, image ? undefined : subpath, image);
  if (!found || (image && found.kind !== 'attachment')) return undefined;
  return found.href;
}

/** One node of the tree; `bare`: an element's children without the element (inline JavaScript's value). */
export function renderDomNode(node: unknown, renderers: DomRenderers, bare = false): string {
  if (!isObject(node)) return '';
  if (typeof node.text === 'string') return escapeHtml(node.text);
  if ('value' in node) return renderers.value(node.value);
  if (typeof node.html === 'string') return renderDomNode(fromInnerHtml(node.html), renderers, true);
  if (isObject(node.block)) return renderers.block(node.block);
  const tag = typeof node.tag === 'string' ? node.tag : '';
  if (tag === 'style') return renderers.style?.(styleText(node)) ?? '';
  const children = (Array.isArray(node.children) ? node.children : []).map((child) => renderDomNode(child, renderers)).join('');
  // A fragment (tag '') is its children, as when it is appended.
  if (bare || tag === '') return children;
  // An element outside the list goes with its content (scripts, frames, forms, media, SVG).
  if (!isSafeTag(tag)) return '';
  const attributes = attributeList(tag, node.attr, renderers) + styleAttribute(node.style);
  if (tag === 'img' && !attributes.includes(' src="')) return '';
  return isVoidTag(tag) ? `<${tag}${attributes}>` : `<${tag}${attributes}>${children}</${tag}>`;
}

/** A <style>'s CSS: its text, and markup assigned to its innerHTML as the raw text it is in a style element. */
function styleText(node: Json): string {
  return (Array.isArray(node.children) ? node.children : [])
    .map((child) => (isObject(child) ? (typeof child.text === 'string' ? child.text : typeof child.html === 'string' ? child.html : '') : ''))
    .join('');
}

/** hast property names back to attribute names (only those the lists above can keep need to be right). */
function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

function styleObject(css: string): Record<string, string> {
  const style: Record<string, string> = {};
  for (const declaration of css.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) style[declaration.slice(0, colon).trim().toLowerCase()] = declaration.slice(colon + 1).trim();
  }
  return style;
}

/** innerHTML as the same tree form (a bare root holding the parsed fragment). */
function fromInnerHtml(html: string): Json {
  const convert = (node: HastNode): Json | undefined => {
    if (node.type === 'text') return { text: node.value };
    if (node.type !== 'element' && node.type !== 'root') return undefined;
    const children = node.children.map((child) => convert(child)).filter((child) => child !== undefined);
    if (node.type === 'root') return { tag: '', children };
    const attr: Record<string, string> = {};
    let style: Record<string, string> = {};
    for (const [property, value] of Object.entries(node.properties)) {
      if (value === false || value === null || value === undefined) continue;
      const text = Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value);
      if (property === 'style') style = styleObject(text);
      else attr[attributeName(property)] = text;
    }
    return { tag: node.tagName, attr, style, children };
  };
  return convert(fromHtml(html, { fragment: true })) ?? {};
}
