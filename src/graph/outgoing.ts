// "Links from this note, with their backlinks", as the seed block shows them:
// each resolved outlink target with its `file.inlinks.sort()`.
import type { NoteLinks } from './links';

export interface OutgoingEntry {
  id: string;
  /** The target's backlinks (published notes linking to it, this note included), in Dataview's link order. */
  backlinks: string[];
}

/**
 * Dataview sorts links by `path.localeCompare`; the locale is the reader's (Obsidian's), so the site's language
 * stands in for it. Paths the collator finds equal fall back to code-unit order so builds agree.
 */
export function linkPathOrder(locale: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale);
  return (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Every note's inlinks in link order, sorted once for the whole site (a hub's list is shared, not re-sorted per linker). */
export function backlinksInLinkOrder(graph: Map<string, NoteLinks>, order: (a: string, b: string) => number): Map<string, string[]> {
  const rank = new Map([...graph.keys()].sort(order).map((id, i) => [id, i]));
  return new Map([...graph].map(([id, links]) => [id, [...links.inlinks].sort((a, b) => rank.get(a)! - rank.get(b)!)]));
}

/** The note's targets in Dataview's outlink order, each once (the seed block would repeat a target linked twice). */
export function outgoingWithBacklinks(noteId: string, graph: Map<string, NoteLinks>, sortedBacklinks: Map<string, string[]>): OutgoingEntry[] {
  return (graph.get(noteId)?.outlinks ?? []).map((id) => ({ id, backlinks: sortedBacklinks.get(id) ?? [] }));
}
