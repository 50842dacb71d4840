import { describe, expect, test } from 'vitest';
import type { ResolvedLink } from '../vault/types';
import { linkGraph } from './links';

const link = (from: string, to: string | undefined, extra: Partial<ResolvedLink> = {}): ResolvedLink => ({
  from,
  ...(to ? { to } : {}),
  target: to ?? 'missing',
  embed: false,
  source: 'body',
  syntax: 'wikilink',
  line: 1,
  ...extra,
});

describe('linkGraph', () => {
  const links = new Map<string, ResolvedLink[]>([
    [
      'a.md',
      [
        link('a.md', 'c.md', { source: 'frontmatter' }),
        link('a.md', 'b.md'),
        link('a.md', 'c.md'),
        link('a.md', 'a.md'), // self
        link('a.md', 'secret.md'), // unpublished
        link('a.md', 'pic.png', { embed: true }), // attachment
        link('a.md', undefined), // unresolved
        link('a.md', 'b.md', { embed: true }),
      ],
    ],
    ['b.md', [link('b.md', 'a.md'), link('b.md', 'a.md', { source: 'comment' })]],
    ['c.md', []],
    ['secret.md', [link('secret.md', 'a.md'), link('secret.md', 'c.md')]],
  ]);
  const graph = linkGraph(links, new Set(['a.md', 'b.md', 'c.md', 'lonely.md']));

  test('outlinks: published notes only, first-mention order, each once, no self-loop', () => {
    expect(graph.get('a.md')!.outlinks).toEqual(['c.md', 'b.md']);
    expect(graph.get('b.md')!.outlinks).toEqual(['a.md']);
  });

  test('inlinks: from published notes only, sorted, each once', () => {
    expect(graph.get('a.md')!.inlinks).toEqual(['b.md']);
    expect(graph.get('b.md')!.inlinks).toEqual(['a.md']);
    expect(graph.get('c.md')!.inlinks).toEqual(['a.md']);
  });

  test('every published note has an entry, unpublished notes none', () => {
    expect([...graph.keys()].sort()).toEqual(['a.md', 'b.md', 'c.md', 'lonely.md']);
    expect(graph.get('lonely.md')).toEqual({ outlinks: [], inlinks: [] });
    expect(graph.has('secret.md')).toBe(false);
    const everyId = [...graph.values()].flatMap((n) => [...n.outlinks, ...n.inlinks]);
    expect(everyId).not.toContain('secret.md');
    expect(everyId).not.toContain('pic.png');
  });

  test('inlinks sorted even when linking notes come in another order', () => {
    const g = linkGraph(
      new Map([
        ['z.md', [link('z.md', 'x.md')]],
        ['y.md', [link('y.md', 'x.md')]],
      ]),
      new Set(['z.md', 'x.md', 'y.md']),
    );
    expect(g.get('x.md')!.inlinks).toEqual(['y.md', 'z.md']);
  });
});
