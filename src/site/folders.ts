// The vault's folder tree of published notes, as Obsidian's file explorer shows it.
import type { FolderNode, NoteRef } from './types';

export function folderTree(notes: (NoteRef & { folder: string; name: string })[]): FolderNode {
  const root: FolderNode = { name: '', path: '', folders: [], notes: [] };
  const collator = new Intl.Collator('ja', { numeric: true });
  for (const note of notes) {
    let node = root;
    for (const part of note.folder ? note.folder.split('/') : []) {
      const path = node.path ? `${node.path}/${part}` : part;
      let child = node.folders.find((f) => f.path === path);
      if (!child) {
        child = { name: part, path, folders: [], notes: [] };
        node.folders.push(child);
      }
      node = child;
    }
    node.notes.push({ id: note.id, title: note.title, url: note.url });
  }
  const sort = (node: FolderNode) => {
    node.folders.sort((a, b) => collator.compare(a.name, b.name));
    node.notes.sort((a, b) => collator.compare(a.title, b.title));
    node.folders.forEach(sort);
  };
  sort(root);
  return root;
}
