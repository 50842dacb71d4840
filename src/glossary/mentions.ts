// Auto-linking of term mentions in a note's mdast, plus the "where used" list for every term. The tree is only
// read: the links come back as splits of text nodes, which the build applies.
import type { PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { AutoLinkMode } from '../config/config';
import type { Matcher } from './matcher';

export interface LinkMentionsOptions {
  /** off: only collect mentions; first: link each term's first mention in the note; all: link every one. */
  mode: AutoLinkMode;
  /** The note's own term: its mentions are neither linked nor collected. */
  skipTermId?: string;
  /** Terms already linked in this note (mode first); updated as links are made. */
  alreadyLinked: Set<string>;
  link(termId: string, surface: string): PhrasingContent;
}

export interface Mention {
  termId: string;
  /** As written in the note. */
  surface: string;
  /** About 60 characters of the paragraph around the mention, whitespace collapsed, `…` where cut. */
  snippet: string;
}

/** Never looked into: code, links, headings, raw HTML, frontmatter, and the team's Obsidian nodes. */
const OPAQUE = new Set([
  'code',
  'inlineCode',
  'link',
  'linkReference',
  'heading',
  'html',
  'yaml',
  'toml',
  'definition',
  'math',
  'inlineMath',
  'wikiLink',
  'embed',
  'obsidianTag',
]);
/** Blocks whose text snippets are cut from. */
const SNIPPET_BLOCKS = new Set(['paragraph', 'tableCell']);
const SNIPPET_RADIUS = 30;
/** Inline HTML elements whose text must stay as written (a link inside `<a>` would nest links). */
const RAW_ELEMENT_OPEN = /^<(a|code|kbd|samp|pre|script|style|textarea)(?=[\s>])/i;

/** A text node to put these nodes in place of (text around links): `path` is the child index at each level. */
export interface TextSplit {
  path: number[];
  nodes: PhrasingContent[];
}

type AnyNode = Node & { children?: AnyNode[]; value?: unknown };
interface BlockText {
  text: string;
  /** Where the node being visited starts in `text`. */
  offset: number;
}

/** The note's frontmatter `glossary` (false, or a mode) overrides the site's mode. */
export function autoLinkModeFor(siteMode: AutoLinkMode, frontmatter: Record<string, unknown>): AutoLinkMode {
  const own = frontmatter.glossary;
  if (own === false) return 'off';
  return own === 'off' || own === 'first' || own === 'all' ? own : siteMode;
}

/**
 * One pass over the text nodes: every mention, and the splits that link them with `link(...)` per the mode (in
 * document order).
 */
export function linkTermMentions(tree: Root, matcher: Matcher, opts: LinkMentionsOptions): { mentions: Mention[]; splits: TextSplit[] } {
  const mentions: Mention[] = [];
  const splits: TextSplit[] = [];

  function visit(parent: AnyNode, block: BlockText | undefined, path: number[]): void {
    let rawElement: RegExp | undefined;
    (parent.children ?? []).forEach((child, index) => {
      if (child.type === 'html') rawElement = rawElementAfter(String(child.value), rawElement);
      if (rawElement || child.type === 'html') {
        if (block) block.offset += toString(child).length;
      } else if (child.type === 'text') {
        const nodes = linkText(child as Text, block);
        if (nodes) splits.push({ path: [...path, index], nodes });
        if (block) block.offset += (child as Text).value.length;
      } else if (SNIPPET_BLOCKS.has(child.type)) {
        visit(child, { text: toString(child), offset: 0 }, [...path, index]);
      } else if (OPAQUE.has(child.type) || !child.children || child.value !== undefined) {
        if (block) block.offset += toString(child).length;
      } else {
        visit(child, block, [...path, index]);
      }
    });
  }

  /** The text around the links made in `node`, or undefined when none is made. */
  function linkText(node: Text, block: BlockText | undefined): PhrasingContent[] | undefined {
    const parts: PhrasingContent[] = [];
    let copiedUntil = 0;
    for (const match of matcher.findAll(node.value)) {
      if (match.termId === opts.skipTermId) continue;
      const context = block ?? { text: node.value, offset: 0 };
      mentions.push({
        termId: match.termId,
        surface: match.surface,
        snippet: snippetAround(context.text, context.offset + match.start, context.offset + match.end),
      });
      if (!shouldLink(match.termId)) continue;
      if (match.start > copiedUntil) parts.push({ type: 'text', value: node.value.slice(copiedUntil, match.start) });
      parts.push(opts.link(match.termId, match.surface));
      copiedUntil = match.end;
    }
    if (copiedUntil === 0) return undefined;
    if (copiedUntil < node.value.length) parts.push({ type: 'text', value: node.value.slice(copiedUntil) });
    return parts;
  }

  function shouldLink(termId: string): boolean {
    if (opts.mode === 'off') return false;
    if (opts.mode === 'all') return true;
    if (opts.alreadyLinked.has(termId)) return false;
    opts.alreadyLinked.add(termId);
    return true;
  }

  visit(tree as AnyNode, undefined, []);
  return { mentions, splits };
}

/** Tracks `<a …>` … `</a>` written as separate inline HTML nodes; returns the pending closing tag, if any. */
function rawElementAfter(html: string, pendingClose: RegExp | undefined): RegExp | undefined {
  if (pendingClose) return pendingClose.test(html) ? undefined : pendingClose;
  const name = RAW_ELEMENT_OPEN.exec(html)?.[1];
  if (!name) return undefined;
  const close = new RegExp(`</${name}\\s*>`, 'i');
  return close.test(html) ? undefined : close;
}

function snippetAround(text: string, start: number, end: number): string {
  const from = avoidSplitPair(text, Math.max(0, start - SNIPPET_RADIUS));
  const to = avoidSplitPair(text, Math.min(text.length, end + SNIPPET_RADIUS));
  const cut = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  return cut.replace(/\s+/g, ' ').trim();
}

/** Moves an index off the second half of a surrogate pair. */
function avoidSplitPair(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff && index > 0 ? index - 1 : index;
}
