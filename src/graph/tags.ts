// Dataview's tag semantics over plain inputs: `file.tags` and the `#tag` source.

/** `a/b/c` → `a/b/c`, `a/b`, `a`: the tag and its parents, nearest first (Dataview's expansion). */
export function withParents(tag: string): string[] {
  const result = [tag];
  for (let cut = tag.lastIndexOf('/'); cut > 0; cut = tag.lastIndexOf('/', cut - 1)) result.push(tag.slice(0, cut));
  return result;
}

/**
 * Dataview's `file.tags`: each explicit tag (`file.etags` order, without '#') followed by its parents, each with '#'.
 * Duplicates are dropped exactly as Dataview's Set does: case-sensitively, first one kept.
 */
export function fileTags(etags: string[]): string[] {
  return [...new Set(etags.flatMap((tag) => withParents(tag.replace(/^#/, '')).map((t) => `#${t}`)))];
}

export interface TaggedNote {
  id: string;
  /** Explicit tags in `file.etags` order, without '#'. */
  tags: string[];
  /** Modified time in ms (Dataview's `file.mtime.ts`). */
  modified: number;
}

export interface TagIndex {
  /** Note id → its `file.tags`. */
  fileTags: Map<string, string[]>;
  /** Lowercased tag with '#' → ids of the notes having it or a subtag, newest modified first, ties in id order. */
  newestFirst: Map<string, string[]>;
}

export function tagIndex(notes: TaggedNote[]): TagIndex {
  const index: TagIndex = { fileTags: new Map(), newestFirst: new Map() };
  const ordered = [...notes].sort((a, b) => b.modified - a.modified || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const note of ordered) {
    const tags = fileTags(note.tags);
    index.fileTags.set(note.id, tags);
    for (const key of new Set(tags.map((t) => t.toLowerCase()))) {
      const ids = index.newestFirst.get(key);
      if (ids) ids.push(note.id);
      else index.newestFirst.set(key, [note.id]);
    }
  }
  return index;
}

/** Dataview's `dv.pages("#tag")`: notes with the tag or a subtag, compared case-insensitively (newest first). */
export function pagesWithTag(index: TagIndex, tag: string): string[] {
  return index.newestFirst.get(`#${tag.replace(/^#/, '')}`.toLowerCase()) ?? [];
}
