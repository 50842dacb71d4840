// `<!-- comments -->` leave the tree at parse time, so no text taken from it (definitions, "where used" snippets,
// backlink contexts, search) can carry them; the renderer drops any that raw HTML still holds.
import type { Html, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** An unclosed `<!--` hides the rest of its HTML block, as a browser would. */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** remark plugin: strip comments from raw HTML nodes; a node that held only comments goes. */
export function remarkStripHtmlComments() {
  return (tree: Root): undefined => {
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!node.value.includes('<!--')) return undefined;
      node.value = node.value.replace(COMMENT, '');
      if (node.value.trim() !== '' || !parent || index === undefined) return undefined;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
