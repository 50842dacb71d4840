// Obsidian callouts: a blockquote whose first line is `[!type|metadata]± Title`. Rendered through
// `data.hName`/`hProperties`: foldable ones as <details>/<summary>, others as a <div role="note">.
import type { Blockquote, BlockContent, DefinitionContent, Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { textSlice } from './text-nodes';

interface CalloutTitle extends Parent {
  type: 'calloutTitle';
  children: PhrasingContent[];
}

interface CalloutContent extends Parent {
  type: 'calloutContent';
  children: (BlockContent | DefinitionContent)[];
}

declare module 'mdast' {
  interface BlockContentMap {
    calloutTitle: CalloutTitle;
    calloutContent: CalloutContent;
  }
  interface RootContentMap {
    calloutTitle: CalloutTitle;
    calloutContent: CalloutContent;
  }
}

/** Obsidian's built-in types and their aliases → the canonical type that names the CSS class. */
const CANONICAL_TYPE: Record<string, string> = Object.fromEntries(
  Object.entries({
    note: [],
    abstract: ['summary', 'tldr'],
    info: [],
    todo: [],
    tip: ['hint', 'important'],
    success: ['check', 'done'],
    question: ['help', 'faq'],
    warning: ['caution', 'attention'],
    failure: ['fail', 'missing'],
    danger: ['error'],
    bug: [],
    example: [],
    quote: ['cite'],
  }).flatMap(([canonical, aliases]) => [canonical, ...aliases].map((name) => [name, canonical])),
);

const HEADER = /^\[!([^\]|\s]+)(?:\|([^\]]*))?\]([+-]?)[ \t]*/;

interface CalloutHeader {
  type: string;
  metadata?: string;
  fold: '' | '+' | '-';
}

/** Obsidian's own callout types and their aliases (others are custom: styled as notes). */
export function isKnownCalloutType(type: string): boolean {
  return type.toLowerCase() in CANONICAL_TYPE;
}

/** The class that styles a callout type; unknown types look like notes. */
function calloutClass(type: string): string {
  return `callout-${CANONICAL_TYPE[type.toLowerCase()] ?? 'note'}`;
}

/** remark plugin: restructure callout blockquotes (nested ones too). */
export function remarkCallouts() {
  return (tree: Root): undefined => {
    visit(tree, 'blockquote', (quote) => {
      const first = quote.children[0];
      if (first?.type !== 'paragraph') return;
      const head = first.children[0];
      const match = head?.type === 'text' ? HEADER.exec(head.value) : null;
      if (!match || head?.type !== 'text') return;
      first.children[0] = textSlice(head, match[0].length, head.value.length);
      toCallout(quote, { type: match[1].toLowerCase(), metadata: match[2]?.trim() || undefined, fold: match[3] as CalloutHeader['fold'] });
    });
  };
}

function toCallout(quote: Blockquote, header: CalloutHeader): void {
  const [first, ...rest] = quote.children as [Paragraph, ...Blockquote['children']];
  const { title, remainder } = splitFirstLine(first.children);
  const foldable = header.fold !== '';
  const titleNode: CalloutTitle = {
    type: 'calloutTitle',
    children: title.length ? title : [{ type: 'text', value: defaultTitle(header.type) }],
    data: { hName: foldable ? 'summary' : 'div', hProperties: { className: ['callout-title'] } },
  };
  const body = remainder.length ? [{ ...first, children: remainder }, ...rest] : rest;
  const content: CalloutContent = { type: 'calloutContent', children: body, data: { hName: 'div', hProperties: { className: ['callout-content'] } } };
  quote.children = body.length ? [titleNode, content] : [titleNode];
  quote.data = {
    ...quote.data,
    hName: foldable ? 'details' : 'div',
    hProperties: {
      className: ['callout', calloutClass(header.type)],
      dataCallout: header.type,
      ...(header.metadata ? { dataCalloutMetadata: header.metadata } : {}),
      ...(foldable ? { open: header.fold === '+' } : { role: 'note' }),
    },
  };
}

/** Splits a paragraph's inline nodes at the first line ending (a soft newline in text, or a hard break). */
function splitFirstLine(children: PhrasingContent[]): { title: PhrasingContent[]; remainder: PhrasingContent[] } {
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'break') return { title: children.slice(0, i), remainder: children.slice(i + 1) };
    const newline = child.type === 'text' ? child.value.indexOf('\n') : -1;
    if (child.type === 'text' && newline >= 0) {
      const title = [...children.slice(0, i), textSlice(child, 0, newline)];
      const remainder = [textSlice(child, newline + 1, child.value.length), ...children.slice(i + 1)];
      return { title: withoutBlankEdges(title), remainder: withoutBlankEdges(remainder) };
    }
  }
  return { title: withoutBlankEdges(children), remainder: [] };
}

function withoutBlankEdges(nodes: PhrasingContent[]): PhrasingContent[] {
  const isBlank = (node: PhrasingContent | undefined) => node?.type === 'text' && node.value.trim() === '';
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlank(nodes[start])) start++;
  while (end > start && isBlank(nodes[end - 1])) end--;
  return nodes.slice(start, end);
}

function defaultTitle(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
