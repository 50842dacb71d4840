// config `sections`: the built-in related-notes and outgoing-links sections are left out where the note's own
// dataview block already lists the same notes (the seed note's block lists both), so no list shows twice.
import type { Nodes, Root } from 'mdast';
import type { SectionsMode } from '../config/config';
import type { NoteGraphSections } from '../graph/sections';

/** The URLs (without fragment) that a note's rendered dataview blocks link to. */
export function dataviewLinkedUrls(tree: Root): Set<string> {
  const urls = new Set<string>();
  // A stack, not unist-util-visit: this walks every published tree, and visit's generality cost most of the step.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'html') {
      if (!node.value.includes('data-section="dataview"')) continue;
      for (const m of node.value.matchAll(/href="([^"#]*)/g)) urls.add(m[1]);
    } else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return urls;
}

/** The sections shown under a note: all (always), none (never), or those whose notes its dataview output does not all list (auto). */
export function shownSections<S extends Pick<NoteGraphSections, 'related' | 'outgoing'>>(
  sections: S,
  mode: SectionsMode,
  listed: Set<string>,
  urlOf: (id: string) => string,
): S {
  if (mode === 'always') return sections;
  if (mode === 'never') return { ...sections, related: [], outgoing: [] };
  if (listed.size === 0) return sections;
  const repeated = (ids: string[]) => ids.length > 0 && ids.every((id) => listed.has(urlOf(id)));
  return {
    ...sections,
    related: sections.related.filter((list) => !repeated(list.ids)),
    outgoing: repeated(sections.outgoing.map((entry) => entry.id)) ? [] : sections.outgoing,
  };
}
