// A `.canvas` file as the vault model sees it: its board, the markdown of its text cards (parsed once, as note bodies
// are), and its links (file cards, group backgrounds, links in text cards), so that the notes it shows list it in
// their backlinks and the graph includes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { type Canvas, parseCanvas } from '../../canvas/model';
import { decodeNote } from '../../vault/frontmatter';
import { publishDecision } from '../../vault/publish';
import type { LinkRef, ReadContext, VaultEntry, VaultFile } from '../../vault/types';

export interface CanvasData {
  canvas: Canvas;
  /** Text cards' markdown by node id. */
  cards: Map<string, Root>;
}

export function readCanvasFile(file: VaultFile, context: ReadContext): VaultEntry<CanvasData> {
  const decoded = decodeNote(file.id, readFileSync(file.absPath));
  const { canvas, diagnostics } = parseCanvas(file.id, decoded.text);
  context.diagnostics.push(...decoded.diagnostics, ...diagnostics);
  const cards = new Map<string, Root>();
  const links: LinkRef[] = [];
  for (const node of canvas.nodes) {
    const link = (target: string, subpath?: string): LinkRef => ({
      target,
      ...(subpath ? { subpath } : {}),
      embed: false,
      source: 'body',
      syntax: 'wikilink',
      line: node.line,
    });
    if (node.type === 'file') links.push(link(node.file, node.subpath));
    else if (node.type === 'group' && node.background) links.push(link(node.background));
    else if (node.type === 'text') {
      const body = context.parse(node.text, node.line, context.limits);
      cards.set(node.id, body.tree);
      // The whole card sits on the node's line of the JSON file.
      links.push(...body.links.map((l) => ({ ...l, line: node.line })));
    }
  }
  return {
    id: file.id,
    kind: 'canvas',
    file,
    title: path.posix.basename(file.id).replace(/\.canvas$/i, ''),
    links,
    // A canvas is published like a note of its folder: it has no frontmatter to opt out with, nor to opt in (in
    // opt-in mode it is published when a published note uses it: publishUsedFiles, once every file is read).
    publish: publishDecision(file.id, {}, context.excludeFolders, context.publish),
    data: { canvas, cards },
  };
}
