// Deterministic drawing of a local graph: the note in the centre, ring k at distance k, each node near its parent.
import type { LocalGraph } from './local';

export interface Point {
  x: number;
  y: number;
}

export interface LocalLayout {
  width: number;
  height: number;
  /** Same order as the graph's nodes. */
  points: Point[];
}

export interface LocalLayoutOptions {
  /** Distance between rings. */
  ringGap: number;
  /** Least arc length between neighbours on a ring, so labels do not collide. */
  spacing: number;
  /** Room around the outer ring for labels. */
  margin: number;
}

const DEFAULTS: LocalLayoutOptions = { ringGap: 110, spacing: 120, margin: 70 };
const TOP = -Math.PI / 2;

export function layoutLocalGraph(graph: LocalGraph, options: Partial<LocalLayoutOptions> = {}): LocalLayout {
  const { ringGap, spacing, margin } = { ...DEFAULTS, ...options };
  const angles: number[] = [TOP];
  const radii: number[] = [0];
  let radius = 0;
  for (let start = 1; start < graph.nodes.length; ) {
    const ring = graph.nodes[start].ring;
    let end = start;
    while (end < graph.nodes.length && graph.nodes[end].ring === ring) end++;
    const count = end - start;
    radius = Math.max(radius + ringGap, (count * spacing) / (2 * Math.PI));
    const step = (2 * Math.PI) / count;
    const offset =
      ring === 1
        ? TOP
        : bestRotation(
            graph.nodes.slice(start, end).map((n) => angles[n.parent]),
            step,
          );
    for (let i = 0; i < count; i++) {
      angles.push(offset + i * step);
      radii.push(radius);
    }
    start = end;
  }
  const half = radius + margin;
  const points = angles.map((angle, i) => ({ x: round(half + radii[i] * Math.cos(angle)), y: round(half + radii[i] * Math.sin(angle)) }));
  return { width: round(2 * half), height: round(2 * half), points };
}

/** Rotation of evenly spaced slots that keeps each node closest to its parent's angle (circular mean of the offsets). */
function bestRotation(preferred: number[], step: number): number {
  let sin = 0;
  let cos = 0;
  preferred.forEach((angle, i) => {
    sin += Math.sin(angle - i * step);
    cos += Math.cos(angle - i * step);
  });
  return sin === 0 && cos === 0 ? TOP : Math.atan2(sin, cos);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
