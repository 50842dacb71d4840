// Shared by the tests of this folder: parse with just the plugins under test.
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Pluggable, unified } from 'unified';
import { visit } from 'unist-util-visit';

export function treeWith(markdown: string, ...plugins: Pluggable[]): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(plugins);
  return processor.runSync(processor.parse(markdown), markdown) as Root;
}

export function nodesOfType<T extends Nodes['type']>(tree: Root, type: T): Extract<Nodes, { type: T }>[] {
  const found: Extract<Nodes, { type: T }>[] = [];
  visit(tree, type, (node) => {
    found.push(node as Extract<Nodes, { type: T }>);
  });
  return found;
}
