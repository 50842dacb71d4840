// The text cards of published canvases as trees the markdown steps walk like note bodies (mermaid, math, code,
// glossary): each under a key of its own (`Board.canvas#card-<node id>`), so a step's replacement finds its tree
// again and a diagnostic names the canvas.
import type { Root } from 'mdast';
import type { CanvasData } from '../kinds/canvas/read';
import type { Vault } from '../vault/load';
import type { Diagnostic, VaultEntry } from '../vault/types';

export interface CardTree {
  /** The tree's key in replacements: the canvas id and the card's node id. */
  id: string;
  canvasId: string;
  tree: Root;
  /** The card's line in the JSON file (tree positions count from it). */
  bodyStartLine: number;
}

const CARD = '#card-';

export function canvasCardTrees(pageEntries: readonly VaultEntry[]): CardTree[] {
  return pageEntries
    .filter((entry): entry is VaultEntry<CanvasData> => entry.kind === 'canvas')
    .flatMap((entry) =>
      entry.data.canvas.nodes.flatMap((node) => {
        const tree = entry.data.cards.get(node.id);
        return tree ? [{ id: `${entry.id}${CARD}${node.id}`, canvasId: entry.id, tree, bodyStartLine: node.line }] : [];
      }),
    );
}

/** The tree a replacement's key names: a note's body, or a canvas card. */
export function treeOf(vault: Vault, key: string): Root | undefined {
  const note = vault.notes.get(key);
  if (note) return note.tree;
  const at = key.lastIndexOf(CARD);
  const canvas = at > 0 ? (vault.files.get(key.slice(0, at)) as VaultEntry<CanvasData> | undefined) : undefined;
  return canvas?.kind === 'canvas' ? canvas.data.cards.get(key.slice(at + CARD.length)) : undefined;
}

/** Diagnostics of a step that walked cards: a card's key becomes its canvas's id. */
export function onCanvases<T extends { diagnostics?: Diagnostic[] }>(result: T, cards: readonly CardTree[]): T {
  if (!result.diagnostics?.length || cards.length === 0) return result;
  const canvasOf = new Map(cards.map((card) => [card.id, card.canvasId]));
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, file: canvasOf.get(d.file) ?? d.file })) };
}
