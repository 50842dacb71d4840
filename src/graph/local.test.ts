import { describe, expect, it } from 'vitest';
import { graphOf } from '../../test/helpers/graph';
import { adjacencyOf, localGraph } from './local';

// a → b → c → d, e → a, and a hidden (unpublished) note linking to a.
const adjacency = adjacencyOf(
  graphOf({ 'a.md': ['b.md'], 'b.md': ['c.md'], 'c.md': ['d.md'], 'd.md': [], 'e.md': ['a.md'], 'hidden.md': ['a.md'] }, ['hidden.md']),
);

describe('localGraph', () => {
  it('at depth 1 has the note, its links and backlinks, sorted by id, with one edge per linked pair', () => {
    const local = localGraph('a.md', adjacency, { depth: 1, maxNodes: 50 });
    expect(local.nodes).toEqual([
      { id: 'a.md', ring: 0, parent: -1 },
      { id: 'b.md', ring: 1, parent: 0 },
      { id: 'e.md', ring: 1, parent: 0 },
    ]);
    expect(local.edges).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(local.truncated).toBe(false);
  });

  it('at depth 2 adds the neighbours’ neighbours on ring 2, with edges among every drawn note', () => {
    const local = localGraph('b.md', adjacency, { depth: 2, maxNodes: 50 });
    expect(local.nodes.map((n) => [n.id, n.ring, n.parent])).toEqual([
      ['b.md', 0, -1],
      ['a.md', 1, 0],
      ['c.md', 1, 0],
      ['e.md', 2, 1],
      ['d.md', 2, 2],
    ]);
    expect(local.edges).toEqual([
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 4],
    ]);
  });

  it('draws a note without links alone', () => {
    const alone = adjacencyOf(graphOf({ 'x.md': [] }));
    expect(localGraph('x.md', alone, { depth: 2, maxNodes: 50 })).toEqual({ nodes: [{ id: 'x.md', ring: 0, parent: -1 }], edges: [], truncated: false });
  });

  it('stops at maxNodes and says so', () => {
    const local = localGraph('b.md', adjacency, { depth: 2, maxNodes: 4 });
    expect(local.nodes.map((n) => n.id)).toEqual(['b.md', 'a.md', 'c.md', 'e.md']);
    expect(local.truncated).toBe(true);
  });
});
