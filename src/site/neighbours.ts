// Previous/next links: a note's neighbours within its folder, in the sidebar's order.
import type { FolderNode, NoteRef } from './types';

export function folderNeighbours(root: FolderNode): Map<string, { previous?: NoteRef; next?: NoteRef }> {
  const neighbours = new Map<string, { previous?: NoteRef; next?: NoteRef }>();
  const visit = (folder: FolderNode) => {
    folder.notes.forEach((note, i) => {
      const previous = folder.notes[i - 1];
      const next = folder.notes[i + 1];
      neighbours.set(note.id, { ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
    });
    folder.folders.forEach(visit);
  };
  visit(root);
  return neighbours;
}
