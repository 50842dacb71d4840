// The properties panel: a note's frontmatter as readers see it — links resolved, dates in the site's language.
import type { Lang } from '../config/config';
import { formatDate, formatDateTime } from '../i18n/strings';
import { parseDate } from '../vault/dates';
import { wikiLinksIn, wikiLinkText } from '../markdown/wikilinks';
import type { PropertyRun, PropertyView } from './types';

/** Shown elsewhere on the page (title, tags) or only meaningful to the build. */
const HIDDEN_KEYS = new Set(['title', 'tags', 'tag', 'publish', 'draft', 'cssclasses', 'cssclass']);
const URL_VALUE = /^https?:\/\/\S+$/;
const SIZE = /^\s*\d+(?:\s*x\s*\d+)?\s*$/;

/** Resolves `[[target#subpath]]` to a published page's href, or undefined (unpublished, missing): then plain text. */
type PropertyLinkResolver = (link: { target: string; subpath?: string }) => string | undefined;

export function propertyViews(frontmatter: Record<string, unknown>, resolve: PropertyLinkResolver, lang: Lang): PropertyView[] {
  return Object.entries(frontmatter)
    .filter(([key, value]) => !HIDDEN_KEYS.has(key.toLowerCase()) && value != null && value !== '')
    .map(([key, value]) => ({ key, values: (Array.isArray(value) ? value : [value]).filter((v) => v != null && v !== '').map((v) => runs(v, resolve, lang)) }))
    .filter((view) => view.values.length > 0);
}

function runs(value: unknown, resolve: PropertyLinkResolver, lang: Lang): PropertyRun[] {
  const date = value instanceof Date || typeof value === 'string' ? parseDate(value) : undefined;
  if (date) return [{ text: hasTime(value) ? formatDateTime(date.toISOString(), lang) : formatDate(date.toISOString(), lang), datetime: date.toISOString() }];
  if (typeof value !== 'string') return [{ text: plainText(value) }];
  if (URL_VALUE.test(value.trim())) return [{ text: value.trim(), href: value.trim() }];
  const parts: PropertyRun[] = [];
  let last = 0;
  for (const { start, end, ...link } of wikiLinksIn(value)) {
    if (start > last) parts.push({ text: value.slice(last, start) });
    // An embed's `|500` or `|100x145` is its size, not words to show: the file's name stands for it.
    const text = wikiLinkText(link.embed && SIZE.test(link.display ?? '') ? { ...link, display: undefined } : link);
    const href = resolve(link);
    parts.push(href === undefined ? { text } : { text, href });
    last = end;
  }
  if (last < value.length) parts.push({ text: value.slice(last) });
  return parts;
}

/** A nested map as `key: value, …` (Obsidian shows such properties as text too). */
function plainText(value: unknown): string {
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => (Array.isArray(value) ? plainText(v) : `${k}: ${plainText(v)}`))
      .join(', ');
  return String(value);
}

/** YAML reads `2019-01-15` as midnight UTC: a date without a time. */
function hasTime(value: unknown): boolean {
  return value instanceof Date ? value.getTime() % 86_400_000 !== 0 : /\d[T ]\d/.test(String(value));
}
