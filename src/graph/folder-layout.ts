// O(n) layout of a whole vault: one sunflower disc per folder, discs packed in rows. Also the force layout's start.
import type { Point } from './local-layout';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * `folders` lists node indexes per folder, in the order to place them. Returns one point per node index
 * (`nodeCount` in all), centred on (0, 0), with neighbours about `spacing` apart.
 */
export function folderDiscs(folders: number[][], nodeCount: number, spacing: number): Point[] {
  const points: Point[] = new Array(nodeCount);
  const radii = folders.map((members) => spacing * (Math.sqrt(members.length) * 0.6 + 1));
  const totalArea = radii.reduce((sum, r) => sum + 4 * r * r, 0);
  const rowWidth = Math.max(Math.sqrt(totalArea), ...radii.map((r) => 2 * r));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const placed: { cx: number; cy: number }[] = [];
  for (const r of radii) {
    if (x > 0 && x + 2 * r > rowWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    placed.push({ cx: x + r, cy: y + r });
    x += 2 * r;
    rowHeight = Math.max(rowHeight, 2 * r);
  }
  const shiftX = rowWidth / 2;
  const shiftY = (y + rowHeight) / 2;
  folders.forEach((members, f) => {
    members.forEach((node, i) => {
      const distance = spacing * 0.6 * Math.sqrt(i);
      points[node] = { x: placed[f].cx - shiftX + distance * Math.cos(i * GOLDEN_ANGLE), y: placed[f].cy - shiftY + distance * Math.sin(i * GOLDEN_ANGLE) };
    });
  });
  return points;
}
