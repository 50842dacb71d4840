import { describe, expect, it } from 'vitest';
import type { LocalGraph } from './local';
import { layoutLocalGraph } from './local-layout';

const star = (count: number): LocalGraph => ({
  nodes: [{ id: 'c', ring: 0, parent: -1 }, ...Array.from({ length: count }, (_, i) => ({ id: `n${i}`, ring: 1, parent: 0 }))],
  edges: [],
  truncated: false,
});

describe('layoutLocalGraph', () => {
  it('puts the note in the centre and the first neighbour straight above it', () => {
    const { width, height, points } = layoutLocalGraph(star(4), { ringGap: 100, spacing: 10, margin: 20 });
    expect([width, height]).toEqual([240, 240]);
    expect(points[0]).toEqual({ x: 120, y: 120 });
    expect(points[1]).toEqual({ x: 120, y: 20 });
    expect(points[3]).toEqual({ x: 120, y: 220 });
  });

  it('grows a crowded ring so neighbours stay `spacing` apart', () => {
    const { points } = layoutLocalGraph(star(100), { ringGap: 100, spacing: 30, margin: 20 });
    const gap = Math.hypot(points[1].x - points[2].x, points[1].y - points[2].y);
    expect(gap).toBeGreaterThan(29);
  });

  it('places a ring-2 note on its parent’s side', () => {
    const graph: LocalGraph = {
      nodes: [
        { id: 'c', ring: 0, parent: -1 },
        { id: 'up', ring: 1, parent: 0 },
        { id: 'down', ring: 1, parent: 0 },
        { id: 'below', ring: 2, parent: 2 },
      ],
      edges: [],
      truncated: false,
    };
    const { points } = layoutLocalGraph(graph);
    expect(points[3].y).toBeGreaterThan(points[2].y);
  });

  it('is deterministic', () => {
    expect(layoutLocalGraph(star(7))).toEqual(layoutLocalGraph(star(7)));
  });
});
