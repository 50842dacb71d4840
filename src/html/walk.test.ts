import type { Element, Root, RootContent } from 'hast';
import { describe, expect, test } from 'vitest';
import { walk } from './walk';

const el = (tagName: string, ...children: Element['children']): Element => ({ type: 'element', tagName, properties: {}, children });
const text = (value: string) => ({ type: 'text' as const, value });
const names = (nodes: RootContent[]) => nodes.map((node) => (node.type === 'element' ? node.tagName : node.type === 'text' ? node.value : node.type));

describe('walk', () => {
  test('visits every node below the root in document order', () => {
    const tree: Root = { type: 'root', children: [el('p', text('a'), el('em', text('b'))), el('ul', el('li', text('c')))] };
    const seen: RootContent[] = [];
    walk(tree, (node) => {
      seen.push(node);
      return undefined;
    });
    expect(names(seen)).toEqual(['p', 'a', 'em', 'b', 'ul', 'li', 'c']);
  });

  test('goes on where the visitor says after it replaced or spliced nodes, without entering them', () => {
    const tree: Root = { type: 'root', children: [el('x', text('hidden')), el('p', text('a')), { type: 'comment', value: 'c' }, text('b')] };
    const seen: RootContent[] = [];
    walk(tree, (node, index, parent) => {
      seen.push(node);
      if (node.type === 'comment') {
        parent.children.splice(index, 1);
        return index;
      }
      if (node.type === 'element' && node.tagName === 'x') {
        parent.children.splice(index, 1, el('y', text('kept')), el('z'));
        return index + 2;
      }
      return undefined;
    });
    expect(names(seen)).toEqual(['x', 'p', 'a', 'comment', 'b']);
    expect(names(tree.children)).toEqual(['y', 'z', 'p', 'b']);
  });
});
