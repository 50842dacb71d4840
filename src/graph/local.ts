// A note's neighbourhood: the note, the notes it links to and from, out to a depth, capped in size.
import type { NoteLinks } from './links';

export interface Adjacency {
  /** Note id → linked notes in either direction, sorted by id, each once. */
  neighbours: Map<string, string[]>;
  /** Note id → its outlinks as a set (edge tests). */
  outlinks: Map<string, Set<string>>;
}

export function adjacencyOf(graph: Map<string, NoteLinks>): Adjacency {
  const neighbours = new Map<string, string[]>();
  const outlinks = new Map<string, Set<string>>();
  for (const [id, links] of graph) {
    neighbours.set(id, [...new Set([...links.outlinks, ...links.inlinks])].sort());
    outlinks.set(id, new Set(links.outlinks));
  }
  return { neighbours, outlinks };
}

export interface LocalNode {
  id: string;
  /** 0 for the note itself, k for notes k links away. */
  ring: number;
  /** Index of the node through which this one was reached (-1 for the note itself). */
  parent: number;
}

export interface LocalGraph {
  /** Ring by ring; within a ring, grouped by parent in parent order, then by id. */
  nodes: LocalNode[];
  /** Node index pairs [a, b] with a < b, one per linked pair (either direction). */
  edges: [number, number][];
  /** Some notes within the depth were left out to respect maxNodes. */
  truncated: boolean;
}

export interface LocalGraphOptions {
  depth: number;
  maxNodes: number;
}

/** Breadth-first from `id`. Each expansion stops once the cap is reached, so a hub costs O(maxNodes), not O(its degree). */
export function localGraph(id: string, adjacency: Adjacency, { depth, maxNodes }: LocalGraphOptions): LocalGraph {
  const nodes: LocalNode[] = [{ id, ring: 0, parent: -1 }];
  const indexOf = new Map([[id, 0]]);
  let truncated = false;
  let ringStart = 0;
  for (let ring = 1; ring <= depth && !truncated; ring++) {
    const ringEnd = nodes.length;
    for (let parent = ringStart; parent < ringEnd && !truncated; parent++) {
      for (const next of adjacency.neighbours.get(nodes[parent].id) ?? []) {
        if (indexOf.has(next)) continue;
        if (nodes.length === maxNodes) {
          truncated = true;
          break;
        }
        indexOf.set(next, nodes.length);
        nodes.push({ id: next, ring, parent });
      }
    }
    ringStart = ringEnd;
  }
  return { nodes, edges: edgesAmong(nodes, indexOf, adjacency), truncated };
}

function edgesAmong(nodes: LocalNode[], indexOf: Map<string, number>, adjacency: Adjacency): [number, number][] {
  const pairs = new Set<number>();
  const edges: [number, number][] = [];
  nodes.forEach((node, a) => {
    const out = adjacency.outlinks.get(node.id)!;
    // Walk whichever is shorter: this note's outlinks or the nodes drawn.
    const targets = out.size <= nodes.length ? [...out].map((to) => indexOf.get(to)) : nodes.map((n, b) => (out.has(n.id) ? b : undefined));
    for (const b of targets) {
      if (b === undefined || b === a) continue;
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const key = lo * nodes.length + hi;
      if (pairs.has(key)) continue;
      pairs.add(key);
      edges.push([lo, hi]);
    }
  });
  return edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
