// What the sidebar shows on one page: the folder tree as Obsidian's file explorer shows it, cut for large vaults.
// Computed here rather than in the component so that a page's cache key can hash exactly what its sidebar shows.
import { createHash } from 'node:crypto';
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

const showsFullTree = (root: FolderNode) => root.count <= FULL_TREE_LIMIT;
const opensTo = (currentFolder: string) => (path: string) => currentFolder === path || currentFolder.startsWith(`${path}/`);

export function sidebarView(root: FolderNode, currentId?: string, currentFolder = ''): SidebarList {
  const full = showsFullTree(root);
  const isOpen = opensTo(currentFolder);
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

/**
 * What `sidebarView(root, currentId, currentFolder)` is a function of, short enough to hash on every page: the
 * current page and a digest of each folder the view reads (all of them in a small vault, else those on the current
 * path). Equal keys, equal views: a page's cache key hashes this rather than the view, which at 10,000 notes was
 * 90 MB of JSON a build.
 */
export function sidebarKey(root: FolderNode, currentId?: string, currentFolder = ''): string {
  const full = showsFullTree(root);
  const isOpen = opensTo(currentFolder);
  const read: string[] = [];
  const visit = (node: FolderNode) => {
    read.push(folderDigest(node));
    for (const folder of node.folders) if (full || isOpen(folder.path)) visit(folder);
  };
  visit(root);
  return JSON.stringify([currentId ?? null, currentFolder, read]);
}

const folderDigests = new WeakMap<FolderNode, string>();

/** Everything sidebarView reads of one folder: its own fields, its notes' refs, its subfolders' fields. */
function folderDigest(node: FolderNode): string {
  let digest = folderDigests.get(node);
  if (digest === undefined) {
    const read = {
      name: node.name,
      path: node.path,
      url: node.url,
      count: node.count,
      notes: node.notes.map((note) => [note.id, note.title, note.url]),
      folders: node.folders.map((folder) => [folder.name, folder.path, folder.url, folder.count]),
    };
    folderDigests.set(node, (digest = createHash('sha256').update(JSON.stringify(read)).digest('base64url')));
  }
  return digest;
}
