// Obsidian's reserved properties: tags, aliases, publish flags, dates, and links written in properties.
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
