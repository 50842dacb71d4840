import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { remarkHighlight } from './highlight';
import { nodesOfType, treeWith } from '../../test/helpers/markdown';

function highlights(markdown: string): string[] {
  return nodesOfType(treeWith(markdown, remarkHighlight), 'highlight').map((node) => toString(node));
}

describe('highlights', () => {
  it('wraps ==text==, also around other inline nodes', () => {
    expect(highlights('a ==marked== b ==**bold** and *em*== c')).toEqual(['marked', 'bold and em']);
  });

  it('keeps the text around and renders as <mark>', () => {
    const tree = treeWith('a ==b== c', remarkHighlight);
    const paragraph = tree.children[0];
    expect(paragraph.type === 'paragraph' && paragraph.children.map((n) => n.type)).toEqual(['text', 'highlight', 'text']);
    expect(nodesOfType(tree, 'highlight')[0].data?.hName).toBe('mark');
  });

  it('needs non-space inside the markers and leaves lone markers as text', () => {
    expect(highlights('a == b == c, x==y, ====, `==code==`')).toEqual([]);
    expect(toString(treeWith('a == b == c x==y', remarkHighlight))).toBe('a == b == c x==y');
  });
});
