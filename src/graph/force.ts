// A Fruchterman–Reingold force layout with grid-limited repulsion: O(n + edges) per iteration, deterministic
// (no randomness: the start positions are given, coincident points are separated by index).
import type { Point } from './local-layout';

interface ForceOptions {
  iterations: number;
  /** Ideal edge length. */
  distance: number;
}

export function forceLayout(start: Point[], edges: [number, number][], { iterations, distance: k }: ForceOptions): Point[] {
  const n = start.length;
  const x = Float64Array.from(start, (p) => p.x);
  const y = Float64Array.from(start, (p) => p.y);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cutoff = 2 * k;
  const cells = new Map<number, number[]>();
  // As in d3-force, a link pulls less on notes with many links, so hubs do not collapse their neighbourhood.
  const degree = new Uint32Array(n);
  for (const [a, b] of edges) {
    degree[a]++;
    degree[b]++;
  }
  const cellKey = (cx: number, cy: number) => cx * 100_003 + cy;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const temperature = k * 2 * (1 - iteration / iterations) + k * 0.05;
    dx.fill(0);
    dy.fill(0);
    cells.clear();
    for (let i = 0; i < n; i++) {
      const key = cellKey(Math.floor(x[i] / cutoff), Math.floor(y[i] / cutoff));
      const cell = cells.get(key);
      if (cell) cell.push(i);
      else cells.set(key, [i]);
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(x[i] / cutoff);
      const cy = Math.floor(y[i] / cutoff);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          for (const j of cells.get(cellKey(cx + ox, cy + oy)) ?? []) {
            if (j <= i) continue;
            let ddx = x[i] - x[j];
            let ddy = y[i] - y[j];
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 === 0) {
              ddx = ((i - j) % 7) + 0.5;
              ddy = ((j * 3) % 5) - 2;
              d2 = ddx * ddx + ddy * ddy;
            }
            if (d2 > cutoff * cutoff) continue;
            const push = (k * k) / d2; // k²/d along the unit vector = k²/d² along (ddx, ddy)
            dx[i] += ddx * push;
            dy[i] += ddy * push;
            dx[j] -= ddx * push;
            dy[j] -= ddy * push;
          }
        }
      }
    }
    for (const [a, b] of edges) {
      const ddx = x[a] - x[b];
      const ddy = y[a] - y[b];
      const length = Math.sqrt(ddx * ddx + ddy * ddy);
      if (length === 0) continue;
      const pull = (0.5 * (length - k)) / length / Math.min(degree[a], degree[b]); // a spring of rest length k
      dx[a] -= ddx * pull;
      dy[a] -= ddy * pull;
      dx[b] += ddx * pull;
      dy[b] += ddy * pull;
    }
    for (let i = 0; i < n; i++) {
      // Weak gravity keeps unlinked notes and separate clusters from drifting apart.
      dx[i] -= x[i] * 0.01;
      dy[i] -= y[i] * 0.01;
      const length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (length === 0) continue;
      const step = Math.min(length, temperature) / length;
      x[i] += dx[i] * step;
      y[i] += dy[i] * step;
    }
  }
  return Array.from(x, (px, i) => ({ x: px, y: y[i] }));
}
