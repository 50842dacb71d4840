// Helpers for graphs drawn as SVG at build time. Labels are short so they do not collide; the full title stays in <title>.

/** The first `max` characters (code points, so kanji and emoji are never split), with '…' when cut. */
export function shortLabel(title: string, max = 10): string {
  const chars = [...title];
  return chars.length <= max ? title : `${chars.slice(0, max - 1).join('')}…`;
}

/** One SVG path for many straight edges: far smaller than a <line> each. */
export function edgesPath(points: { x: number; y: number }[], edges: [number, number][]): string {
  return edges.map(([a, b]) => `M${points[a].x} ${points[a].y}L${points[b].x} ${points[b].y}`).join('');
}
