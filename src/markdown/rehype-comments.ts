// `<!-- comments -->` written in notes never reach the page (they are often private notes to self).
import type { Root } from 'hast';
import { walk } from '../html/walk';

/** rehype plugin: drop comment nodes; runs after rehype-raw so comments inside raw HTML go too. */
export function rehypeRemoveComments() {
  return (tree: Root): undefined => {
    walk(tree, (node, index, parent) => {
      if (node.type !== 'comment') return undefined;
      parent.children.splice(index, 1);
      return index;
    });
  };
}
