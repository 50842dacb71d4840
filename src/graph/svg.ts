// Helpers for graphs drawn as SVG at build time. Labels are short so they do not collide; the full title stays in <title>.

/** Full-width characters (kana, kanji, full-width forms) take about twice the room of Latin letters. */
function width(char: string): number {
  return char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
}

/** The title cut to `max` half-width units (by code point, so kanji and emoji are never split), with '…' when cut. */
export function shortLabel(title: string, max = 20): string {
  const chars = [...title];
  if (chars.reduce((sum, char) => sum + width(char), 0) <= max) return title;
  let used = 0;
  let end = 0;
  while (used + width(chars[end]) <= max - 1) used += width(chars[end++]); // one unit left for '…'
  return `${chars.slice(0, end).join('')}…`;
}

/** One SVG path for many straight edges: far smaller than a <line> each. */
export function edgesPath(points: { x: number; y: number }[], edges: [number, number][]): string {
  return edges.map(([a, b]) => `M${points[a].x} ${points[a].y}L${points[b].x} ${points[b].y}`).join('');
}
