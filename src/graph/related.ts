// Related notes by tag, as the seed dataviewjs block computes them:
// for each of the first `maxTags` of `file.tags`, `dv.pages(tag)` minus the note, sorted by mtime desc, limited.
import { pagesWithTag, type TagIndex } from './tags';

export interface RelatedList {
  /** As Dataview shows it: '#' and the author's casing, e.g. `#t-notes/Docker`. */
  tag: string;
  ids: string[];
}

export interface RelatedOptions {
  maxTags: number;
  limit: number;
}

/** One list per tag that has other notes (the seed block skips empty ones). Cost: O(maxTags × limit). */
export function relatedByTag(noteId: string, index: TagIndex, { maxTags, limit }: RelatedOptions = { maxTags: 3, limit: 15 }): RelatedList[] {
  const lists: RelatedList[] = [];
  for (const tag of (index.fileTags.get(noteId) ?? []).slice(0, maxTags)) {
    const ids: string[] = [];
    for (const id of pagesWithTag(index, tag)) {
      if (ids.length === limit) break;
      if (id !== noteId) ids.push(id);
    }
    if (ids.length > 0) lists.push({ tag, ids });
  }
  return lists;
}
