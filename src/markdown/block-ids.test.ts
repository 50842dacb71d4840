import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { blockAnchorId, remarkBlockIds } from './block-ids';
import { remarkCallouts } from './callouts';
import { treeWith } from '../../test/helpers/markdown';

describe('block ids', () => {
  it('moves a trailing ^id of a paragraph into data and the HTML id', () => {
    const tree = treeWith('Some text ^my-block', remarkBlockIds);
    const [paragraph] = tree.children;
    expect(toString(paragraph)).toBe('Some text');
    expect(paragraph.data).toMatchObject({ blockId: 'my-block', hProperties: { id: '^my-block' } });
  });

  it('gives a list item the id written at the end of its first line', () => {
    const tree = treeWith('- one ^a1\n  - nested\n- two', remarkBlockIds);
    const list = tree.children[0];
    expect(list.type === 'list' && list.children.map((item) => item.data?.blockId)).toEqual(['a1', undefined]);
  });

  it('names the block before a ^id line of its own', () => {
    const tree = treeWith('| a |\n|---|\n| 1 |\n\n^table-id\n\nafter', remarkBlockIds);
    expect(tree.children.map((node) => node.type)).toEqual(['table', 'paragraph']);
    expect(tree.children[0].data?.blockId).toBe('table-id');
  });

  it('needs a space before the caret and only id characters', () => {
    const tree = treeWith('x^notid\n\nend ^not_an_id', remarkBlockIds);
    expect(tree.children.map((node) => node.data?.blockId)).toEqual([undefined, undefined]);
  });

  it('gives a quote (callout) the ^id on its own last line', () => {
    const tree = treeWith('> [!tip] Title\n> body text\n^quote-id\n\nafter', remarkBlockIds);
    const [quote] = tree.children;
    expect(quote.data?.blockId).toBe('quote-id');
    expect(toString(quote)).not.toContain('^quote-id');
  });

  it('gives a parsed callout the ^id on the line after it, not its last paragraph', () => {
    // As the Obsidian Help vault writes them (Quick switcher, Internal links), embedded elsewhere as the whole callout.
    const tree = treeWith('> [!info]\n> First.\n>\n> Last paragraph\n^callout-id\n\nafter', remarkCallouts, remarkBlockIds);
    const [callout] = tree.children;
    expect(callout.type).toBe('blockquote');
    expect(callout.data).toMatchObject({ blockId: 'callout-id', hProperties: { id: '^callout-id' } });
    const content = callout.type === 'blockquote' ? (callout.children[1] as unknown as { children: { data?: unknown }[] }) : undefined;
    expect(content?.children.map((paragraph) => paragraph.data)).toEqual([undefined, undefined]);
    expect(toString(callout)).not.toContain('^callout-id');
  });

  it('drops the paragraph a lone ^id line leaves under a title-only callout', () => {
    const tree = treeWith('> [!tip] Title only\n^tip-id', remarkCallouts, remarkBlockIds);
    const [callout] = tree.children;
    expect(callout.data?.blockId).toBe('tip-id');
    expect(toString(callout)).toBe('Title only');
    expect(callout.type === 'blockquote' && callout.children.map((child) => child.type as string)).toEqual(['calloutTitle']);
  });

  it('uses ^id as the anchor', () => {
    expect(blockAnchorId('abc')).toBe('^abc');
  });
});
