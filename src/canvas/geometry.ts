// Where a board's edges run and how large it is, in canvas pixels. Curves leave and enter a card at right angles to
// its side, as Obsidian draws them.
import type { CanvasEdge, CanvasNode, Side } from './model';

interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Rect = Pick<CanvasNode, 'x' | 'y' | 'width' | 'height'>;

/** Room around the outermost cards (and above them, for the labels drawn over file cards and groups). */
const BOARD_PADDING = 40;

const NORMALS: Record<Side, Point> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };

/** The middle of a side, where an edge attaches. */
function anchor(node: Rect, side: Side): Point {
  switch (side) {
    case 'top':
      return { x: node.x + node.width / 2, y: node.y };
    case 'right':
      return { x: node.x + node.width, y: node.y + node.height / 2 };
    case 'bottom':
      return { x: node.x + node.width / 2, y: node.y + node.height };
    case 'left':
      return { x: node.x, y: node.y + node.height / 2 };
  }
}

function centre(node: Rect): Point {
  return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
}

/**
 * The side of `node` that faces `other`, for an edge that names none. The spec gives no default; a centre anchor
 * (the reference renderer's) would hide the arrowhead under the card, so the side on the dominant axis is used.
 */
function facingSide(node: Rect, other: Rect): Side {
  const a = centre(node);
  const b = centre(other);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'right' : 'left';
  return dy >= 0 ? 'bottom' : 'top';
}

interface EdgeGeometry {
  /** SVG path data of the curve (ending at the arrowheads' bases). */
  path: string;
  /** Triangles, as SVG `points`, for each arrowhead the edge has. */
  arrows: string[];
  /** Where the label sits: the curve's midpoint. */
  labelAt: Point;
  fromSide: Side;
  toSide: Side;
}

const ARROW_LENGTH = 14;
const ARROW_HALF_WIDTH = 6;

export function edgeGeometry(edge: Pick<CanvasEdge, 'fromSide' | 'toSide' | 'fromEnd' | 'toEnd'>, from: Rect, to: Rect): EdgeGeometry {
  const fromSide = edge.fromSide ?? facingSide(from, to);
  const toSide = edge.toSide ?? facingSide(to, from);
  const tip0 = anchor(from, fromSide);
  const tip1 = anchor(to, toSide);
  const n0 = NORMALS[fromSide];
  const n1 = NORMALS[toSide];
  // The line stops at the base of an arrowhead, so the arrow's point touches the card.
  const p0 = edge.fromEnd === 'arrow' ? along(tip0, n0, ARROW_LENGTH) : tip0;
  const p1 = edge.toEnd === 'arrow' ? along(tip1, n1, ARROW_LENGTH) : tip1;
  const reach = Math.min(Math.max(Math.hypot(p1.x - p0.x, p1.y - p0.y) / 2, 30), 200);
  const c0 = along(p0, n0, reach);
  const c1 = along(p1, n1, reach);
  const arrows: string[] = [];
  if (edge.fromEnd === 'arrow') arrows.push(arrowPoints(tip0, n0));
  if (edge.toEnd === 'arrow') arrows.push(arrowPoints(tip1, n1));
  return {
    path: `M${r(p0.x)} ${r(p0.y)}C${r(c0.x)} ${r(c0.y)} ${r(c1.x)} ${r(c1.y)} ${r(p1.x)} ${r(p1.y)}`,
    arrows,
    // A cubic Bézier at t = ½.
    labelAt: { x: r((p0.x + 3 * c0.x + 3 * c1.x + p1.x) / 8), y: r((p0.y + 3 * c0.y + 3 * c1.y + p1.y) / 8) },
    fromSide,
    toSide,
  };
}

/** A triangle whose point is `tip`, its base `ARROW_LENGTH` out along the side's normal. */
function arrowPoints(tip: Point, normal: Point): string {
  const base = along(tip, normal, ARROW_LENGTH);
  const across = { x: -normal.y * ARROW_HALF_WIDTH, y: normal.x * ARROW_HALF_WIDTH };
  return [tip, { x: base.x + across.x, y: base.y + across.y }, { x: base.x - across.x, y: base.y - across.y }].map((p) => `${r(p.x)},${r(p.y)}`).join(' ');
}

function along(point: Point, normal: Point, distance: number): Point {
  return { x: point.x + normal.x * distance, y: point.y + normal.y * distance };
}

/** Two decimals at most: stable, short output. */
function r(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Every node's rectangle, with padding; an empty board is a small empty box. */
export function boundingBox(nodes: Rect[]): Box {
  if (nodes.length === 0) return { x: 0, y: 0, width: 2 * BOARD_PADDING, height: 2 * BOARD_PADDING };
  const minX = Math.min(...nodes.map((n) => n.x));
  const minY = Math.min(...nodes.map((n) => n.y));
  const maxX = Math.max(...nodes.map((n) => n.x + n.width));
  const maxY = Math.max(...nodes.map((n) => n.y + n.height));
  return { x: minX - BOARD_PADDING, y: minY - BOARD_PADDING, width: maxX - minX + 2 * BOARD_PADDING, height: maxY - minY + 2 * BOARD_PADDING };
}
