// `<!-- comments -->` written in notes never reach the page (they are often private notes to self).
import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** rehype plugin: drop comment nodes; runs after rehype-raw so comments inside raw HTML go too. */
export function rehypeRemoveComments() {
  return (tree: Root): undefined => {
    visit(tree, 'comment', (_, index, parent) => {
      if (!parent || index === undefined) return undefined;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
