// What Pagefind reads of a built page, as a page a fraction of its size that Pagefind indexes the same: a note page
// is ~45 KB, its data-pagefind-body ~7 KB, and Pagefind's HTML parser (a selector match per element) is most of
// its time per page. Pagefind (fossick/parser.rs, 1.x) reads, outside the body elements: the `html` tag (lang), the
// first `<title>` (the title when no other), every `h1` (the first with text is the title when no meta names one),
// every element with data-pagefind-meta/-filter/-sort/-default-meta (their values, from an attribute or their text),
// every `img` (the first after a title is the image) and data-pagefind-ignore="all" (nothing inside counts). Text
// outside the bodies never reaches the index, except text right inside an element holding a body, after it: such a
// page, and any page whose tags this scan cannot follow as Pagefind does, is indexed whole (undefined).
// The proof is the index: index-site.test.ts and test/search.test.ts compare it with one built from the whole pages.

import { endTagOf } from '../safety/tag-scanner';

interface Open {
  name: string;
  /** Where its start tag is in the page. */
  from: number;
  to: number;
  /** Inside data-pagefind-ignore="all": Pagefind reads nothing of it. */
  excluded: boolean;
  /** Holds a body element (text right inside it after the body is indexed). */
  holdsBody: boolean;
  /** This element is one of the kept pieces: copied whole at its end tag. */
  kept: boolean;
  /** In svg or MathML, where `<x/>` closes and no element holds raw text. */
  foreign: boolean;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag (in HTML; inside svg, `title` holds text alone in our pages). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Text elements whose reading depends on the parser's settings (scripting) or that run to the end of the page. */
const UNFOLLOWED = new Set(['xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/** Outside a body, the attributes that give the page its meta, filters and sort keys. */
const READ_ATTRIBUTE = /^data-pagefind-(meta|filter|sort|default-meta)$/;
/** Foreign elements whose children are HTML again. */
const HTML_INSIDE = new Set(['foreignobject', 'desc', 'title', 'annotation-xml', 'mi', 'mo', 'mn', 'ms', 'mtext']);

/** A smaller page that Pagefind indexes exactly as `html`, or undefined when only the page itself is sure to be. */
export function searchPage(html: string): string | undefined {
  try {
    return reduce(html);
  } catch (error) {
    if (error instanceof Unfollowed) return undefined;
    throw error;
  }
}

/** Thrown where Pagefind's reading of the page might differ from this scan's. */
class Unfollowed extends Error {}

/**
 * The reduced page: the `html` tag, the first title, then the start tags of the elements around the bodies (they
 * weigh and punctuate the body's text as it leaves them), and in them, in the page's order, the bodies and the pieces
 * read outside them.
 */
function reduce(html: string): string {
  const pieces: string[] = [];
  const stack: Open[] = [];
  let title: string | undefined;
  /** The elements around the first body; every other body must have the same. */
  let around: Open[] | undefined;
  let inBody = false;
  let kept = 0;
  let at = 0;
  for (;;) {
    const open = html.indexOf('<', at);
    if (open === -1) break;
    // Text right inside an element holding a body, after it, is indexed with the body: only the whole page says how.
    if (!inBody && stack.at(-1)?.holdsBody && html.slice(at, open).trim() !== '') throw new Unfollowed();
    const next = html.charCodeAt(open + 1);
    if (next === 33 /* ! */) {
      at = html.startsWith('<!--', open) ? end(html, '-->', open + 4) : end(html, '>', open + 2);
      continue;
    }
    if (next === 47 /* / */) {
      const tag = readTag(html, open + 2);
      const top = stack.pop();
      if (!top || top.name !== tag.name) throw new Unfollowed();
      if (top.kept) {
        pieces.push(html.slice(top.from, tag.end));
        kept--;
        if (around && stack.length === around.length) inBody = false;
      }
      at = tag.end;
      continue;
    }
    if (!isAsciiAlpha(next)) throw new Unfollowed(); // a `<` as text: Astro escapes it
    const tag = readTag(html, open + 1);
    if (UNFOLLOWED.has(tag.name)) throw new Unfollowed();
    at = tag.end;
    const parent = stack.at(-1);
    const excluded = (parent?.excluded ?? false) || tag.ignore === 'all';
    const foreign = tag.name === 'svg' || tag.name === 'math' || (parent?.foreign === true && !HTML_INSIDE.has(parent.name));
    const isVoid = VOID.has(tag.name) && !foreign;
    if (tag.selfClosing && !foreign && !isVoid) throw new Unfollowed(); // `<div/>` opens a div
    const keep = !inBody && !excluded && (tag.name === 'h1' || tag.name === 'img' || tag.reads);
    if (tag.body && !inBody) {
      if (excluded || kept > 0 || isVoid || tag.selfClosing || stack[0]?.name !== 'html') throw new Unfollowed();
      if (!around) around = [...stack];
      else if (around.length !== stack.length || around.some((e, i) => e !== stack[i])) throw new Unfollowed();
      for (const e of stack) e.holdsBody = true;
      inBody = true;
    } else if (keep && stack.length === 0) throw new Unfollowed(); // the root itself
    const piece = (tag.body && inBody && kept === 0) || (keep && kept === 0);
    if (isVoid || tag.selfClosing) {
      if (piece) pieces.push(html.slice(open, tag.end));
      continue;
    }
    if (RAW_TEXT.has(tag.name) && !foreign) {
      const close = endTagOf(html, tag.name, at);
      // In a script, `<!--` starts the escaped states, where `<script>` can hide the next `</script>`.
      if (close === -1 || (tag.name === 'script' && html.slice(at, close).includes('<!--'))) throw new Unfollowed();
      const endTag = readTag(html, close + 2);
      // Pagefind's title is the first one it does not exclude, wherever it is (in a body, the body's copy has it).
      if (tag.name === 'title' && title === undefined && !excluded) title = inBody ? '' : html.slice(open, endTag.end);
      if (piece) pieces.push(html.slice(open, endTag.end));
      at = endTag.end;
      continue;
    }
    if (tag.name === 'title' && title === undefined && !excluded) throw new Unfollowed(); // a title in svg first
    if (piece) kept++;
    stack.push({ name: tag.name, from: open, to: tag.end, excluded, holdsBody: false, kept: piece, foreign });
  }
  if (!around || stack.length > 0) throw new Unfollowed();
  const [root, ...inside] = around;
  if (inside.some((e) => e.name === 'head')) throw new Unfollowed();
  const startTags = inside.map((e) => html.slice(e.from, e.to)).join('');
  const endTags = inside
    .map((e) => `</${e.name}>`)
    .reverse()
    .join('');
  return `<!DOCTYPE html>${html.slice(root.from, root.to)}<head>${title ?? ''}</head>${startTags}${pieces.join('')}${endTags}</html>`;
}

interface Tag {
  name: string;
  /** Just past the tag's `>`. */
  end: number;
  selfClosing: boolean;
  body: boolean;
  /** Has an attribute Pagefind reads outside a body. */
  reads: boolean;
  ignore?: string;
}

/** The tag whose name starts at `start`, with the attributes that matter here; quoted values may hold `>`. */
function readTag(html: string, start: number): Tag {
  let at = start;
  while (at < html.length && !isNameEnd(html.charCodeAt(at))) at++;
  // Pagefind's parser folds names to lower case (svg's foreignObject, linearGradient…).
  const name = html.slice(start, at).toLowerCase();
  const tag: Tag = { name, end: 0, selfClosing: false, body: false, reads: false };
  for (;;) {
    while (at < html.length && isSpace(html.charCodeAt(at))) at++;
    const c = html.charCodeAt(at);
    if (Number.isNaN(c)) throw new Unfollowed();
    if (c === 62 /* > */) {
      tag.end = at + 1;
      return tag;
    }
    if (c === 47 /* / */) {
      if (html.charCodeAt(at + 1) === 62) {
        tag.selfClosing = true;
        tag.end = at + 2;
        return tag;
      }
      at++;
      continue;
    }
    const nameStart = at;
    while (at < html.length && !isAttributeNameEnd(html.charCodeAt(at))) at++;
    const attribute = html.slice(nameStart, at);
    let value = '';
    while (isSpace(html.charCodeAt(at))) at++;
    if (html.charCodeAt(at) === 61 /* = */) {
      at++;
      while (isSpace(html.charCodeAt(at))) at++;
      const quote = html.charCodeAt(at);
      if (quote === 34 || quote === 39) {
        const close = html.indexOf(String.fromCharCode(quote), at + 1);
        if (close === -1) throw new Unfollowed();
        value = html.slice(at + 1, close);
        at = close + 1;
      } else {
        const valueStart = at;
        while (at < html.length && !isSpace(html.charCodeAt(at)) && html.charCodeAt(at) !== 62) at++;
        value = html.slice(valueStart, at);
      }
    }
    if (!attribute.startsWith('data-pagefind-')) continue;
    if (attribute !== attribute.toLowerCase() || value.includes('&')) throw new Unfollowed(); // character references
    if (attribute === 'data-pagefind-body') tag.body = true;
    // Pagefind reads a value other than these as "all".
    else if (attribute === 'data-pagefind-ignore') tag.ignore = ['', 'index', 'true'].includes(value.toLowerCase()) ? 'index' : 'all';
    else if (READ_ATTRIBUTE.test(attribute)) tag.reads = true;
    else if (attribute === 'data-pagefind-index-attrs') throw new Unfollowed(); // adds text where the element is
  }
}

function end(html: string, marker: string, from: number): number {
  const found = html.indexOf(marker, from);
  if (found === -1) throw new Unfollowed();
  return found + marker.length;
}

const isAsciiAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isNameEnd = (c: number) => isSpace(c) || c === 47 || c === 62;
const isAttributeNameEnd = (c: number) => isSpace(c) || c === 47 || c === 62 || c === 61;
