// The vault's folder tree of published notes, as Obsidian's file explorer shows it.
import type { DatedNoteRef, FolderNode } from './types';
import { folderSlugs, href } from './urls';

export function folderTree(notes: (DatedNoteRef & { folder: string })[], base: string): FolderNode {
  const root: FolderNode = { name: '', path: '', slug: '', url: base, count: 0, folders: [], notes: [] };
  const byPath = new Map<string, FolderNode>();
  for (const note of notes) {
    let node = root;
    for (const part of note.folder ? note.folder.split('/') : []) {
      const path = node.path ? `${node.path}/${part}` : part;
      let child = byPath.get(path);
      if (!child) {
        child = { name: part, path, slug: '', url: '', count: 0, folders: [], notes: [] };
        byPath.set(path, child);
        node.folders.push(child);
      }
      node = child;
    }
    node.notes.push({ id: note.id, title: note.title, url: note.url, modified: note.modified });
  }
  const slugs = folderSlugs([...byPath.keys()]);
  for (const [path, node] of byPath) {
    node.slug = slugs.get(path)!;
    node.url = href(base, `folders/${node.slug}`);
  }
  const collator = new Intl.Collator('ja', { numeric: true });
  const finish = (node: FolderNode): number => {
    node.folders.sort((a, b) => collator.compare(a.name, b.name));
    node.notes.sort((a, b) => collator.compare(a.title, b.title));
    node.count = node.notes.length + node.folders.reduce((sum, folder) => sum + finish(folder), 0);
    return node.count;
  };
  finish(root);
  return root;
}

/** Every folder below `root`, depth first, in tree order. */
export function allFolders(root: FolderNode): FolderNode[] {
  return root.folders.flatMap((folder) => [folder, ...allFolders(folder)]);
}

/** The folders from the root down to `path`, for breadcrumbs. */
export function folderPath(root: FolderNode, path: string): FolderNode[] {
  const trail: FolderNode[] = [];
  let node: FolderNode | undefined = root;
  for (const part of path ? path.split('/') : []) {
    node = node?.folders.find((f) => f.name === part);
    if (!node) break;
    trail.push(node);
  }
  return trail;
}
