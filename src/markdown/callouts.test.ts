import type { Blockquote } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { remarkCallouts } from './callouts';
import { nodesOfType, treeWith } from '../../test/helpers/markdown';

function callouts(markdown: string): Blockquote[] {
  return nodesOfType(treeWith(markdown, remarkCallouts), 'blockquote').filter((quote) => quote.data?.hName);
}

describe('callouts', () => {
  it('renders a plain callout as a note div with title and content', () => {
    const [callout] = callouts('> [!Tip] Use *this*\n> body text\n>\n> more');
    expect(callout.data).toMatchObject({ hName: 'div', hProperties: { className: ['callout', 'callout-tip'], dataCallout: 'tip', role: 'note' } });
    const [title, content] = callout.children;
    expect(title).toMatchObject({ type: 'calloutTitle', data: { hName: 'div', hProperties: { className: ['callout-title'] } } });
    expect(toString(title)).toBe('Use this');
    expect(content.type === 'calloutContent' && content.children.map((child) => toString(child))).toEqual(['body text', 'more']);
  });

  it('uses the capitalised type as default title and keeps metadata', () => {
    const [callout] = callouts('> [!warning|wide]\n> careful');
    expect(toString(callout.children[0])).toBe('Warning');
    expect(callout.data?.hProperties).toMatchObject({ dataCallout: 'warning', dataCalloutMetadata: 'wide', className: ['callout', 'callout-warning'] });
  });

  it('makes foldable callouts details/summary, open with +', () => {
    const [open] = callouts('> [!faq]+ Why?\n> Because.');
    const [closed] = callouts('> [!faq]- Why?\n> Because.');
    expect(open.data).toMatchObject({ hName: 'details', hProperties: { open: true, className: ['callout', 'callout-question'] } });
    expect(closed.data?.hProperties).toMatchObject({ open: false });
    expect(closed.children[0].data?.hName).toBe('summary');
  });

  it('maps aliases and styles unknown types as notes, keeping the raw type', () => {
    expect(['summary', 'cite', 'ERROR', 'done', 'my-type'].map((type) => callouts(`> [!${type}] x`)[0].data?.hProperties?.className)).toEqual([
      ['callout', 'callout-abstract'],
      ['callout', 'callout-quote'],
      ['callout', 'callout-danger'],
      ['callout', 'callout-success'],
      ['callout', 'callout-note'],
    ]);
    expect(callouts('> [!My-Type] x')[0].data?.hProperties).toMatchObject({ dataCallout: 'my-type', className: ['callout', 'callout-note'] });
  });

  it('supports nested callouts and a title-only callout', () => {
    const found = callouts('> [!note] Outer\n> > [!info] Inner\n> > text');
    expect(found.map((quote) => quote.data?.hProperties?.dataCallout)).toEqual(['note', 'info']);
    expect(callouts('> [!todo] Just a title')[0].children).toHaveLength(1);
  });

  it('leaves ordinary blockquotes alone', () => {
    expect(callouts('> quote\n\n> [not] a callout')).toEqual([]);
  });
});
