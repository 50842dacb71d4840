import { describe, expect, it } from 'vitest';
import { linkGraph } from './links';
import { graphOf, link } from './fixtures';

describe('linkGraph', () => {
  it('counts links, embeds and property links, each target once, in outlink order', () => {
    const links = new Map([
      ['a.md', [link('a.md', 'c.md', { source: 'frontmatter' }), link('a.md', 'b.md'), link('a.md', 'c.md'), link('a.md', 'b.md', { embed: true })]],
      ['b.md', []],
      ['c.md', []],
    ]);
    const graph = linkGraph(links, new Set(['a.md', 'b.md', 'c.md']));
    expect(graph.get('a.md')!.outlinks).toEqual(['c.md', 'b.md']);
    expect(graph.get('b.md')!.inlinks).toEqual(['a.md']);
    expect(graph.get('c.md')!.inlinks).toEqual(['a.md']);
  });

  it('leaves out unpublished notes on both sides, unresolved links and links to itself', () => {
    const links = new Map([
      ['a.md', [link('a.md', 'secret.md'), link('a.md', undefined), link('a.md', 'a.md')]],
      ['secret.md', [link('secret.md', 'a.md')]],
    ]);
    const graph = linkGraph(links, new Set(['a.md']));
    expect(graph.get('a.md')).toEqual({ outlinks: [], inlinks: [] });
    expect(graph.has('secret.md')).toBe(false);
  });

  it('lists backlinks once each, sorted by id', () => {
    const graph = graphOf({ 'z.md': ['t.md', 't.md'], 'b.md': ['t.md'], 't.md': [] });
    expect(graph.get('t.md')!.inlinks).toEqual(['b.md', 'z.md']);
  });
});
