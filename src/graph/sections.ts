// The graph step for a whole site: indexes built once, then each note's computed sections in O(its neighbourhood).
import type { NoteLinks } from './links';
import { adjacencyOf, localGraph } from './local';
import { layoutLocalGraph } from './local-layout';
import { backlinksInLinkOrder, linkPathOrder, outgoingWithBacklinks, type OutgoingEntry } from './outgoing';
import { relatedByTag, type RelatedList } from './related';
import { tagIndex, type TaggedNote } from './tags';

interface LocalGraphDrawing {
  width: number;
  height: number;
  /** Ring 0 is the note itself. */
  nodes: { id: string; ring: number; x: number; y: number }[];
  edges: [number, number][];
  truncated: boolean;
}

export interface NoteGraphSections {
  related: RelatedList[];
  outgoing: OutgoingEntry[];
  localGraph: LocalGraphDrawing;
}

interface GraphSectionOptions {
  /** config `graph.depth`. */
  depth: number;
  /** Locale standing in for Obsidian's when sorting links by path. */
  locale: string;
  /** Most notes drawn in one local graph. */
  maxNodes?: number;
}

/** `notes` and `graph` hold published notes only: nothing unpublished can appear in any section. */
export function graphSections(
  notes: TaggedNote[],
  graph: Map<string, NoteLinks>,
  { depth, locale, maxNodes = 60 }: GraphSectionOptions,
): (id: string) => NoteGraphSections {
  const tags = tagIndex(notes);
  const sortedBacklinks = backlinksInLinkOrder(graph, linkPathOrder(locale));
  const adjacency = adjacencyOf(graph);
  return (id) => {
    const local = localGraph(id, adjacency, { depth, maxNodes });
    const { width, height, points } = layoutLocalGraph(local);
    return {
      related: relatedByTag(id, tags),
      outgoing: outgoingWithBacklinks(id, graph, sortedBacklinks),
      localGraph: {
        width,
        height,
        nodes: local.nodes.map((node, i) => ({ id: node.id, ring: node.ring, ...points[i] })),
        edges: local.edges,
        truncated: local.truncated,
      },
    };
  };
}
