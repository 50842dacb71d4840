// The link graph between published notes: outlinks and inlinks, each note once.
import type { ResolvedLink } from '../vault/types';

export interface NoteLinks {
  /** Published notes this note links to or embeds (property links count), in first-mention order, each once. */
  outlinks: string[];
  /** Published notes linking to or embedding this note, sorted by id, each once. */
  inlinks: string[];
}

export function linkGraph(links: Map<string, ResolvedLink[]>, published: Set<string>): Map<string, NoteLinks> {
  const graph = new Map<string, NoteLinks>();
  for (const id of published) graph.set(id, { outlinks: [], inlinks: [] });
  for (const id of published) {
    const out = new Set<string>();
    for (const link of links.get(id) ?? []) {
      if (link.to && link.to !== id && published.has(link.to)) out.add(link.to);
    }
    graph.get(id)!.outlinks.push(...out);
    for (const to of out) graph.get(to)!.inlinks.push(id);
  }
  for (const node of graph.values()) node.inlinks.sort();
  return graph;
}
