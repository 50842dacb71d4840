// The /graph/ page's drawing: every published page and its links, laid out at build time, ready to render.
import { layoutSiteGraph } from '../graph/site-layout';
import { edgesPath, shortLabel } from '../graph/svg';
import { cachedLayout } from './graph-layout-cache';
import type { GraphJson, SiteGraphView } from './types';

export function siteGraphView(graph: GraphJson): SiteGraphView {
  const byId = new Map(graph.notes.map((note) => [note.id, note]));
  const layout = cachedLayout(
    graph.notes.map((note) => ({ id: note.id, outlinks: note.outlinks })),
    layoutSiteGraph,
  );
  return {
    width: layout.width,
    height: layout.height,
    byFolder: layout.method === 'folders',
    edgesOmitted: layout.edgesOmitted,
    linkCount: layout.edges.length + layout.edgesOmitted,
    edgesPath: edgesPath(layout.nodes, layout.edges),
    nodes: layout.nodes.map((node) => {
      const note = byId.get(node.id)!;
      return {
        url: note.url,
        title: note.title,
        x: node.x,
        y: node.y,
        r: Math.round((3 + Math.sqrt(node.degree) * 1.5) * 10) / 10,
        ...(node.labelled ? { label: shortLabel(note.title, 24) } : {}),
      };
    }),
  };
}
