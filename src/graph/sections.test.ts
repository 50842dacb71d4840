import { describe, expect, it } from 'vitest';
import { graphOf } from '../../test/helpers/graph';
import { graphSections } from './sections';

describe('graphSections', () => {
  const graph = graphOf({ 'a.md': ['b.md', 'secret.md'], 'b.md': [], 'secret.md': ['b.md'] }, ['secret.md']);
  const sectionsOf = graphSections(
    [
      { id: 'a.md', tags: ['x'], modified: 1 },
      { id: 'b.md', tags: ['x/y'], modified: 2 },
    ],
    graph,
    { depth: 1, locale: 'ja' },
  );

  it('combines related lists, outgoing links and the drawn local graph, without unpublished notes', () => {
    const a = sectionsOf('a.md');
    expect(a.related).toEqual([{ tag: '#x', ids: ['b.md'] }]);
    expect(a.outgoing).toEqual([{ id: 'b.md', backlinks: ['a.md'] }]);
    expect(a.localGraph.nodes.map((n) => [n.id, n.ring])).toEqual([
      ['a.md', 0],
      ['b.md', 1],
    ]);
    expect(a.localGraph.edges).toEqual([[0, 1]]);
    expect(a.localGraph.nodes[0]).toMatchObject({ x: a.localGraph.width / 2, y: a.localGraph.height / 2 });
  });
});
