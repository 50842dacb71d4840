// A walk over a hast tree for the rehype passes every page goes through. unist-util-visit's generality (a stack of
// parents and a type test per node) cost about 1.5 s a pass in a 10,000-note cold build, with five passes a page.
import type { Element, Root, RootContent } from 'hast';

type Parent = Root | Element;

/**
 * Calls `visit` for each node below `root`, in document order, with its index in its parent. `visit` may replace
 * the node or splice its parent's children; it returns the index to go on at in that parent (the node's children are
 * then not entered), or nothing to enter the node's children, then go on after it.
 */
export function walk(root: Parent, visit: (node: RootContent, index: number, parent: Parent) => number | undefined): void {
  const stack: { parent: Parent; index: number }[] = [{ parent: root, index: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const { parent, index } = frame;
    if (index >= parent.children.length) {
      stack.pop();
      continue;
    }
    const node = parent.children[index];
    const next = visit(node, index, parent);
    if (next !== undefined) frame.index = next;
    else {
      frame.index = index + 1;
      if (node.type === 'element' && node.children.length > 0) stack.push({ parent: node, index: 0 });
    }
  }
}
