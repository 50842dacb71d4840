// Tag pages: every tag and every parent tag, identity case-insensitive, display in the author's casing.
import { withParents } from '../graph/tags';
import { href, tagSlug } from './urls';
import type { DatedNoteRef, TagPage } from './types';

export interface TaggedNote extends DatedNoteRef {
  tags: string[];
}

/** Each page lists its notes newest first (ties by id), whatever the input order. */
export function tagPages(notes: TaggedNote[], base: string): TagPage[] {
  const pages = new Map<string, TagPage>();
  for (const note of notes) {
    const seen = new Set<string>();
    for (const tag of note.tags.flatMap(withParents)) {
      const slug = tagSlug(tag);
      if (seen.has(slug)) continue;
      seen.add(slug);
      let page = pages.get(slug);
      if (!page) {
        page = { tag, slug, url: href(base, `tags/${slug}`), notes: [], children: [] };
        pages.set(slug, page);
      }
      page.notes.push({ id: note.id, title: note.title, url: note.url, modified: note.modified });
    }
  }
  for (const page of pages.values()) {
    const parentSlug = page.slug.includes('/') ? page.slug.slice(0, page.slug.lastIndexOf('/')) : undefined;
    const parent = parentSlug ? pages.get(parentSlug) : undefined;
    if (parent) {
      page.parent = { tag: parent.tag, url: parent.url };
      parent.children.push({ tag: page.tag, url: page.url, count: page.notes.length });
    }
  }
  const collator = new Intl.Collator('ja');
  for (const page of pages.values()) {
    page.children.sort((a, b) => collator.compare(a.tag, b.tag));
    page.notes.sort((a, b) => b.modified.localeCompare(a.modified) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return [...pages.values()].sort((a, b) => collator.compare(a.slug, b.slug));
}

/** Every tag's URL, made once per process: each page lists its tags' URLs, and the dev server makes every page at each save. */
const tagUrls = new Map<string, string>();

export function tagUrl(tag: string, base: string): string {
  const key = `${base}\0${tag}`;
  let url = tagUrls.get(key);
  if (url === undefined) tagUrls.set(key, (url = href(base, `tags/${tagSlug(tag)}`)));
  return url;
}
