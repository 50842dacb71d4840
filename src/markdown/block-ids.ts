// Block references: a paragraph or list item ending in ` ^block-id`, or a `^block-id` line of its own right
// after a table, list, quote or code block. The marker leaves the text; the block gets an HTML id.
import type { Data, Paragraph, Parent, Root, RootContent } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { textSlice } from './text-nodes';

declare module 'mdast' {
  interface Data {
    /** Obsidian block id (without `^`) of this block. */
    blockId?: string;
  }
}

// A line of its own at the end of a paragraph counts too (`text\n^id`, as under a callout).
const TRAILING_ID = /(?:^|[ \t\n])\^([A-Za-z0-9-]+)[ \t]*$/;

/** The HTML id of a block: `^id`, exactly what follows `#` in an Obsidian link, so `#^id` fragments just work. */
export function blockAnchorId(blockId: string): string {
  return `^${blockId}`;
}

/** remark plugin: record block ids in `data.blockId` and `data.hProperties.id`. */
export function remarkBlockIds() {
  return (tree: Root): undefined => {
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      const last = paragraph.children.at(-1);
      const match = last?.type === 'text' ? TRAILING_ID.exec(last.value) : null;
      if (!match || last?.type !== 'text' || !parent || index === undefined) return;
      const previous = parent.children[index - 1];
      if (paragraph.children.length === 1 && match.index === 0 && previous && previous.type !== 'paragraph') {
        markBlock(previous, match[1]);
        parent.children.splice(index, 1);
        return index;
      }
      const kept = last.value.slice(0, match.index).trimEnd();
      paragraph.children.splice(-1, 1, ...(kept ? [textSlice(last, 0, kept.length)] : []));
      markBlock(ownerOf(paragraph, parent), match[1]);
    });
  };
}

/** A list item's first paragraph names the whole item, and a quote's (callout's) last paragraph the whole quote, as Obsidian does. */
function ownerOf(paragraph: Paragraph, parent: Parent): RootContent {
  if (parent.type === 'listItem' && parent.children[0] === paragraph) return parent as RootContent;
  if (parent.type === 'blockquote' && parent.children.at(-1) === paragraph) return parent as RootContent;
  return paragraph;
}

function markBlock(node: RootContent, blockId: string): void {
  const target = node as { data?: Data };
  target.data = { ...target.data, blockId, hProperties: { ...target.data?.hProperties, id: blockAnchorId(blockId) } };
}
