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
    // Callouts (parsed before this plugin) keep their body in a calloutContent child of the quote.
    const calloutOf = new WeakMap<Parent, RootContent>();
    visit(tree, 'blockquote', (quote) => {
      const content = quote.children.at(-1) as Parent | undefined;
      if ((content?.type as string) === 'calloutContent') calloutOf.set(content!, quote);
    });
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
      const owner = ownerOf(paragraph, parent, calloutOf.get(parent));
      markBlock(owner, match[1]);
      // A `^id` line alone under a callout's title leaves nothing of its paragraph to show.
      if (owner !== paragraph && paragraph.children.length === 0) {
        parent.children.splice(index, 1);
        if (parent.children.length === 0 && owner.type === 'blockquote') owner.children = owner.children.filter((child) => child !== parent);
        return index;
      }
    });
  };
}

/**
 * A list item's first paragraph names the whole item, and a quote's (callout's) last paragraph the whole quote, as
 * Obsidian does: `^id` on the line right after a callout names the callout, so its embed shows the box and title.
 */
function ownerOf(paragraph: Paragraph, parent: Parent, callout: RootContent | undefined): RootContent {
  if (parent.type === 'listItem' && parent.children[0] === paragraph) return parent as RootContent;
  if (parent.type === 'blockquote' && parent.children.at(-1) === paragraph) return parent as RootContent;
  if (callout && parent.children.at(-1) === paragraph) return callout;
  return paragraph;
}

function markBlock(node: RootContent, blockId: string): void {
  const target = node as { data?: Data };
  target.data = { ...target.data, blockId, hProperties: { ...target.data?.hProperties, id: blockAnchorId(blockId) } };
}
