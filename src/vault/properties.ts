// Obsidian's reserved properties: tags, aliases, publish flags, dates, and links written in properties.
import { isImageName } from '../markdown/media';
import { wikiLinksIn } from '../markdown/wikilinks';
import type { LinkRef } from './types';

/** Value of a property whose key matches case-insensitively (Dataview matches `tags`/`Tags` alike). */
export function property(fm: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) {
    const found = Object.keys(fm).find((k) => k.toLowerCase() === key.toLowerCase());
    if (found !== undefined && fm[found] != null) return fm[found];
  }
  return undefined;
}

/** `tags`/`tag` as a list or a comma/space separated string, with or without '#'. */
export function frontmatterTags(fm: Record<string, unknown>): string[] {
  return listValue(property(fm, 'tags', 'tag'), /[\s,]+/)
    .map((t) => t.replace(/^#/, ''))
    .filter((t) => t !== '');
}

/** `aliases`/`alias` as a list or a comma-separated string. */
export function frontmatterAliases(fm: Record<string, unknown>): string[] {
  return listValue(property(fm, 'aliases', 'alias'), /,/).filter((a) => a !== '');
}

/**
 * `cssclasses` (and the older `cssclass`), the classes Obsidian gives the note's view for CSS snippets and themes:
 * a list, or one text of names separated by spaces or commas.
 */
export function frontmatterCssClasses(fm: Record<string, unknown>): string[] {
  return [...new Set(listValue(property(fm, 'cssclasses', 'cssclass'), /[\s,]+/))];
}

function listValue(value: unknown, separator: RegExp): string[] {
  if (value == null || (!Array.isArray(value) && !isText(value))) return [];
  // An empty list item (`tags:` then a bare `-`, common in templates) is null: not a tag called "null".
  const items = Array.isArray(value)
    ? value.flatMap((v) => (v == null || !isText(v) ? [] : typeof v === 'string' ? v.split(separator) : [String(v)]))
    : String(value).split(separator);
  return items.map((s) => s.trim()).filter(Boolean);
}

/** Properties Obsidian reads as text (or a list of texts). */
const TEXT_PROPERTIES = ['title', 'tags', 'tag', 'aliases', 'alias', 'cssclasses', 'cssclass', 'description'];

/** Reserved properties holding a map (`aliases: [{a: b}]`) where Obsidian expects text: ignored, never "[object Object]". */
export function nonTextProperties(fm: Record<string, unknown>): string[] {
  return Object.keys(fm).filter((key) => {
    const value = fm[key];
    if (!TEXT_PROPERTIES.includes(key.toLowerCase()) || value == null) return false;
    return Array.isArray(value) ? value.some((v) => v != null && !isText(v)) : !isText(value);
  });
}

function isText(value: unknown): boolean {
  return typeof value !== 'object' || value instanceof Date;
}

/** Wikilinks inside property values (`author: "[[etaroid]]"`), in property order, read by the markdown layer. */
export function propertyLinks(fm: Record<string, unknown>, line: number): LinkRef[] {
  const links: LinkRef[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      for (const { start, end, ...link } of wikiLinksIn(value)) links.push({ ...link, source: 'frontmatter', syntax: 'wikilink', line });
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach(visit);
  };
  visit(fm);
  return links;
}

/** The note's preview image (Obsidian Publish's `image`, and `cover`): first key with a value wins. */
const PREVIEW_IMAGE_KEYS = ['image', 'cover'];

/** The preview image a property names: a URL as written, or a vault file to resolve as a link (a path or `[[…]]`). */
export type PreviewImage = { url: string } | { key: string; target: string };

export function previewImage(fm: Record<string, unknown>): PreviewImage | undefined {
  const key = Object.keys(fm).find((k) => PREVIEW_IMAGE_KEYS.includes(k.toLowerCase()) && typeof fm[k] === 'string' && fm[k].trim() !== '');
  if (key === undefined) return undefined;
  const value = (fm[key] as string).trim();
  if (/^https?:\/\//i.test(value)) return { url: value };
  const link = wikiLinksIn(value)[0];
  return { key, target: link ? link.target : value.replace(/^\/+/, '') };
}

/**
 * Properties naming a vault image by a bare path (`cover: pic.png`, `photos: [a.jpg, b.jpg]`) are embeds of the
 * note: the image is published with it, so that a Dataview table or a base showing `embed(link(cover))` or
 * `"![](" + cover + ")"` finds it, and a missing one is reported at its line. `[[pic.png]]` is one of the property
 * links already. Source `preview`: Obsidian does not index a bare path as a link, so Dataview and Bases leave it out.
 */
export function propertyImageEmbeds(fm: Record<string, unknown>, lines: Record<string, number>): LinkRef[] {
  return Object.entries(fm).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).flatMap((item) => {
      if (typeof item !== 'string') return [];
      const written = item.trim();
      const target = written.replace(/^\/+/, '');
      if (/^[a-z][a-z0-9+.-]*:/i.test(written) || wikiLinksIn(written).length > 0 || !isImageName(target)) return [];
      return [{ target, embed: true, source: 'preview' as const, syntax: 'wikilink' as const, line: lines[key] ?? 1, written: `${key}: ${written}` }];
    }),
  );
}

/**
 * The note served as the site's home page, as the tools authors come from name it: a `permalink: /` (Obsidian
 * Publish), else `dg-home: true` (Digital Garden), else the vault's top `index.md` (Quartz). Undefined: none.
 */
export function homeNoteId(notes: readonly { id: string; frontmatter: Record<string, unknown> }[]): string | undefined {
  const byId = [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const permalinked = byId.find((note) => permalinkProperty(note.frontmatter)?.path.replace(/\/+/g, '') === '');
  const gardenHome = byId.find((note) =>
    Object.entries(note.frontmatter).some(([key, value]) => key.toLowerCase() === 'dg-home' && (value === true || value === 'true')),
  );
  return (permalinked ?? gardenHome ?? byId.find((note) => note.id.toLowerCase() === 'index.md'))?.id;
}

/** Obsidian Publish's `permalink`, else Digital Garden's `dg-permalink`. */
const PERMALINK_KEYS = ['permalink', 'dg-permalink'];

/** The path the note is served at, as written (`/Notes/About Me/`), and the key it is written under. */
export function permalinkProperty(fm: Record<string, unknown>): { key: string; path: string } | undefined {
  for (const wanted of PERMALINK_KEYS) {
    const key = Object.keys(fm).find((k) => k.toLowerCase() === wanted && typeof fm[k] === 'string' && fm[k].trim() !== '');
    if (key !== undefined) return { key, path: (fm[key] as string).trim() };
  }
  return undefined;
}
