import { describe, expect, it } from 'vitest';
import { layoutSiteGraph } from './site-layout';

const notes = [
  { id: 'x/b.md', outlinks: ['x/a.md', 'y/c.md'] },
  { id: 'x/a.md', outlinks: ['x/b.md'] },
  { id: 'y/c.md', outlinks: ['gone.md'] },
  { id: 'alone.md', outlinks: [] },
];

describe('layoutSiteGraph', () => {
  it('draws every note once, sorted by id, with one edge per linked pair and degrees', () => {
    const layout = layoutSiteGraph(notes);
    expect(layout.nodes.map((n) => [n.id, n.degree])).toEqual([
      ['alone.md', 0],
      ['x/a.md', 1],
      ['x/b.md', 2],
      ['y/c.md', 1],
    ]);
    expect(layout.edges).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(layout.method).toBe('force');
  });

  it('keeps every point inside the drawing, and is deterministic', () => {
    const layout = layoutSiteGraph(notes);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(layout.width);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(layout.height);
    }
    expect(layoutSiteGraph([...notes].reverse())).toEqual(layout);
  });

  it('pulls linked notes closer than unlinked ones', () => {
    const { nodes } = layoutSiteGraph(notes);
    const distance = (i: number, j: number) => Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
    expect(distance(1, 2)).toBeLessThan(distance(0, 1));
  });

  it('above the force limit uses folder discs and caps edges and labels', () => {
    const layout = layoutSiteGraph(notes, { forceLimit: 2, maxEdges: 1, maxLabels: 1 });
    expect(layout.method).toBe('folders');
    expect(layout.edges).toHaveLength(1);
    expect(layout.edgesOmitted).toBe(1);
    expect(layout.nodes.filter((n) => n.labelled).map((n) => n.id)).toEqual(['x/b.md']);
  });
});
