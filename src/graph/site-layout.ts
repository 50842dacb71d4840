// The site-wide graph: every published note, laid out at build time. Force-directed up to a size, folder discs above.
import { folderDiscs } from './folder-layout';
import { forceLayout } from './force';

export interface SiteGraphNote {
  id: string;
  outlinks: string[];
}

export interface SiteGraphNode {
  id: string;
  x: number;
  y: number;
  /** Links in either direction (drives the dot size and which labels are shown). */
  degree: number;
  labelled: boolean;
}

export interface SiteGraphLayout {
  width: number;
  height: number;
  nodes: SiteGraphNode[];
  /** Node index pairs, one per linked pair, capped at maxEdges. */
  edges: [number, number][];
  edgesOmitted: number;
  method: 'force' | 'folders';
}

export interface SiteGraphOptions {
  /** Above this many notes the force layout is skipped (folder discs only). */
  forceLimit: number;
  /** Work budget of the force layout: iterations × notes. */
  forceBudget: number;
  maxEdges: number;
  maxLabels: number;
  spacing: number;
  margin: number;
}

const DEFAULTS: SiteGraphOptions = { forceLimit: 2000, forceBudget: 400_000, maxEdges: 20_000, maxLabels: 150, spacing: 40, margin: 80 };

export function layoutSiteGraph(notes: SiteGraphNote[], options: Partial<SiteGraphOptions> = {}): SiteGraphLayout {
  const o = { ...DEFAULTS, ...options };
  const sorted = [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const indexOf = new Map(sorted.map((note, i) => [note.id, i]));
  const edges = uniqueEdges(sorted, indexOf);
  const degree = new Array<number>(sorted.length).fill(0);
  for (const [a, b] of edges) {
    degree[a]++;
    degree[b]++;
  }
  const start = folderDiscs(groupByFolder(sorted), sorted.length, o.spacing);
  const useForce = sorted.length > 1 && sorted.length <= o.forceLimit;
  const points = useForce ? forceLayout(start, edges, { iterations: Math.min(300, Math.ceil(o.forceBudget / sorted.length)), distance: o.spacing }) : start;
  const labelled = new Set(
    sorted
      .map((_, i) => i)
      .sort((a, b) => degree[b] - degree[a] || a - b)
      .slice(0, o.maxLabels),
  );
  let [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return {
    width: round(maxX - minX + 2 * o.margin),
    height: round(maxY - minY + 2 * o.margin),
    nodes: sorted.map((note, i) => ({
      id: note.id,
      x: round(points[i].x - minX + o.margin),
      y: round(points[i].y - minY + o.margin),
      degree: degree[i],
      labelled: labelled.has(i),
    })),
    edges: edges.slice(0, o.maxEdges),
    edgesOmitted: Math.max(0, edges.length - o.maxEdges),
    method: useForce ? 'force' : 'folders',
  };
}

function uniqueEdges(notes: SiteGraphNote[], indexOf: Map<string, number>): [number, number][] {
  const seen = new Set<number>();
  const edges: [number, number][] = [];
  notes.forEach((note, a) => {
    for (const to of note.outlinks) {
      const b = indexOf.get(to);
      if (b === undefined || b === a) continue;
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const key = lo * notes.length + hi;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push([lo, hi]);
    }
  });
  return edges;
}

/** Node indexes grouped by folder (folders in id order, since notes are sorted by id). */
function groupByFolder(notes: SiteGraphNote[]): number[][] {
  const groups = new Map<string, number[]>();
  notes.forEach((note, i) => {
    const folder = note.id.includes('/') ? note.id.slice(0, note.id.lastIndexOf('/')) : '';
    const group = groups.get(folder);
    if (group) group.push(i);
    else groups.set(folder, [i]);
  });
  return [...groups.values()];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
