import { describe, expect, it } from 'vitest';
import { graphOf } from '../../test/helpers/graph';
import { backlinksInLinkOrder, linkPathOrder, outgoingWithBacklinks } from './outgoing';

describe('outgoingWithBacklinks', () => {
  const graph = graphOf(
    {
      'me.md': ['Docker/イメージ.md', 'b.md', 'Docker/イメージ.md', 'draft.md'],
      'Docker/イメージ.md': [],
      'b.md': [],
      'Z.md': ['b.md'],
      'a.md': ['b.md', 'Docker/イメージ.md'],
      'draft.md': ['b.md'],
    },
    ['draft.md'],
  );
  const sorted = backlinksInLinkOrder(graph, linkPathOrder('en'));

  it('shows each published target once, in outlink order, with its backlinks sorted by localeCompare on path', () => {
    expect(outgoingWithBacklinks('me.md', graph, sorted)).toEqual([
      { id: 'Docker/イメージ.md', backlinks: ['a.md', 'me.md'] },
      // localeCompare puts 'Z.md' after 'me.md' (code-unit order would put it first); the unpublished draft is absent.
      { id: 'b.md', backlinks: ['a.md', 'me.md', 'Z.md'] },
    ]);
  });

  it('is empty for a note without links', () => {
    expect(outgoingWithBacklinks('b.md', graph, sorted)).toEqual([]);
  });
});

describe('linkPathOrder', () => {
  it('compares with the locale and falls back to code units for strings the collator finds equal', () => {
    const order = linkPathOrder('ja');
    expect(['b.md', 'B.md', 'a.md'].sort(order)).toEqual(['a.md', 'b.md', 'B.md']);
    expect(order('e\u0301.md', 'é.md')).not.toBe(0);
  });
});
