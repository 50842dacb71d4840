// What the sidebar shows on one page: the folder tree as Obsidian's file explorer shows it, cut for large vaults.
// Computed here rather than in the component so that a page's cache key can hash exactly what its sidebar shows.
import type { FolderNode, NoteRef } from './types';

export interface SidebarList {
  folders: SidebarFolder[];
  notes: (NoteRef & { current: boolean })[];
  /** Notes left out of a large folder's window: a link to the folder's page, which lists them all. */
  more?: { name: string; url: string; count: number };
}

interface SidebarFolder {
  name: string;
  url: string;
  count: number;
  /** Shown open (on the current page's path). */
  open: boolean;
  /** Set when the folder is shown as a tree of its own; otherwise it is a link to its page. */
  contents?: SidebarList;
}

/**
 * Up to this many notes every page carries the whole tree; above it only the current folder's path, since the
 * full tree on every page makes the site grow with the square of the vault.
 */
const FULL_TREE_LIMIT = 300;
/** In a large vault a big folder shows a window of this many notes around the current one. */
const WINDOW = 30;

export function sidebarView(root: FolderNode, currentId?: string, currentFolder = ''): SidebarList {
  const full = root.count <= FULL_TREE_LIMIT;
  const isOpen = (path: string) => currentFolder === path || currentFolder.startsWith(`${path}/`);
  const list = (node: FolderNode): SidebarList => {
    const at = Math.max(
      0,
      node.notes.findIndex((note) => note.id === currentId),
    );
    const start = full ? 0 : Math.max(0, Math.min(at - WINDOW / 2, node.notes.length - WINDOW));
    const notes = full ? node.notes : node.notes.slice(start, start + WINDOW);
    return {
      folders: node.folders.map((folder) => ({
        name: folder.name,
        url: folder.url,
        count: folder.count,
        open: isOpen(folder.path),
        ...(full || isOpen(folder.path) ? { contents: list(folder) } : {}),
      })),
      notes: notes.map((note) => ({ id: note.id, title: note.title, url: note.url, current: note.id === currentId })),
      ...(notes.length < node.notes.length ? { more: { name: node.name || '/', url: node.url, count: node.notes.length } } : {}),
    };
  };
  return list(root);
}
