// The words around a link, for backlinks: the link's list item (without its sub-lists), paragraph, heading or table cell.
import type { Nodes, Parents } from 'mdast';
import { toString } from 'mdast-util-to-string';

const CONTEXT_LIMIT = 200;
const CONTEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Plain text of the block around `node` (whose ancestors are given, root first), cut to ~200 characters around it. */
export function linkContext(ancestors: Parents[], node: Nodes): string | undefined {
  const blockIndex = ancestors.findLastIndex((ancestor) => CONTEXT_BLOCKS.has(ancestor.type));
  if (blockIndex < 0) return undefined;
  const owner = ancestors[blockIndex - 1];
  const inListItem = owner?.type === 'listItem';
  const block = blockText(
    inListItem ? owner : ancestors[blockIndex],
    inListItem ? owner.children.filter((child) => child.type !== 'list') : [ancestors[blockIndex]],
  );
  const splitAt = block.starts.get(node) ?? block.text.length;
  // Only a window either side is collapsed: a paragraph with thousands of links is read once, not once per link.
  const before = block.text.slice(Math.max(0, splitAt - WINDOW), splitAt);
  const after = block.text.slice(splitAt, splitAt + WINDOW);
  return around(collapse(before), collapse(after)) || undefined;
}

/** Characters read either side of a link: enough for CONTEXT_LIMIT after collapsing ordinary whitespace. */
const WINDOW = 4 * CONTEXT_LIMIT;

const BLOCK_TEXTS = new WeakMap<Nodes, { text: string; starts: Map<Nodes, number> }>();

/** Plain text of `parts` (blocks joined by a space) and where each node in them starts; computed once per block. */
function blockText(key: Nodes, parts: Nodes[]): { text: string; starts: Map<Nodes, number> } {
  const cached = BLOCK_TEXTS.get(key);
  if (cached) return cached;
  let text = '';
  const starts = new Map<Nodes, number>();
  const walk = (current: Nodes): void => {
    starts.set(current, text.length);
    if ('children' in current) current.children.forEach(walk);
    else text += toString(current, { includeHtml: false });
  };
  parts.forEach((part, index) => {
    if (index > 0) text += ' ';
    walk(part);
  });
  const result = { text, starts };
  BLOCK_TEXTS.set(key, result);
  return result;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Keeps up to CONTEXT_LIMIT characters centred on the split point, marking cuts with '…'. */
function around(before: string, after: string): string {
  if (before.length + after.length <= CONTEXT_LIMIT) return (before + after).trim();
  const beforeKept = Math.min(before.length, Math.max(CONTEXT_LIMIT / 2, CONTEXT_LIMIT - after.length));
  const afterKept = CONTEXT_LIMIT - beforeKept;
  const head = beforeKept < before.length ? `…${before.slice(before.length - beforeKept).trimStart()}` : before.trimStart();
  const tail = afterKept < after.length ? `${after.slice(0, afterKept).trimEnd()}…` : after.trimEnd();
  return head + tail;
}
