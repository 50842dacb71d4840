// The part of a note an embed shows: all of it, a heading's section, or one `^block`.
import type { Nodes, Root, RootContent } from 'mdast';
import { EXIT, visit } from 'unist-util-visit';
import { headingText } from './headings';
import { sameHeading } from './slug';

/** `subpath` as in a link (`Heading`, `A#B`, `^block`); undefined when the note has no such part. */
export function sectionOf(tree: Root, subpath?: string): Root | undefined {
  if (!subpath) return tree;
  return subpath.startsWith('^') ? blockSection(tree, subpath.slice(1)) : headingSection(tree, subpath);
}

/** The heading and everything after it up to the next heading of the same or a higher level. */
function headingSection(tree: Root, subpath: string): Root | undefined {
  const wanted = subpath
    .split('#')
    .filter((part) => part.trim() !== '')
    .at(-1);
  if (wanted === undefined) return tree;
  const start = tree.children.findIndex((node) => node.type === 'heading' && sameHeading(headingText(node), wanted));
  if (start < 0) return undefined;
  const depth = headingDepth(tree.children[start]);
  let end = start + 1;
  while (end < tree.children.length && headingDepth(tree.children[end]) > depth) end++;
  return { type: 'root', children: tree.children.slice(start, end) };
}

/** Headings' depth; other blocks count as deeper than any heading. */
function headingDepth(node: RootContent): number {
  return node.type === 'heading' ? node.depth : Infinity;
}

function blockSection(tree: Root, blockId: string): Root | undefined {
  let found: Nodes | undefined;
  visit(tree, (node) => {
    if (node.data?.blockId?.toLowerCase() !== blockId.toLowerCase()) return undefined;
    found = node;
    return EXIT;
  });
  if (!found || found.type === 'root') return undefined;
  const block: RootContent = found.type === 'listItem' ? { type: 'list', ordered: false, spread: false, children: [found] } : found;
  return { type: 'root', children: [block] };
}
