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
  const parts: Nodes[] = owner?.type === 'listItem' ? owner.children.filter((child) => child.type !== 'list') : [ancestors[blockIndex]];
  const { before, after } = splitTextAt(parts, node);
  return around(collapse(before), collapse(after)) || undefined;
}

/** Plain text of `parts` (blocks joined by a space), split where `node` starts. */
function splitTextAt(parts: Nodes[], node: Nodes): { before: string; after: string } {
  let text = '';
  let splitAt = -1;
  const walk = (current: Nodes): void => {
    if (current === node) splitAt = text.length;
    if ('children' in current) current.children.forEach(walk);
    else text += toString(current, { includeHtml: false });
  };
  parts.forEach((part, index) => {
    if (index > 0) text += ' ';
    walk(part);
  });
  return splitAt < 0 ? { before: text, after: '' } : { before: text.slice(0, splitAt), after: text.slice(splitAt) };
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
