// Heading ids: one github-slugger per note (so repeated headings get `-1`, `-2` like everywhere else),
// and the lookup from a link's `#subpath` to the slug it means.
import GithubSlugger, { slug as slugOnce } from 'github-slugger';
import type { Heading } from './facts';

export interface Slugger {
  /** A unique slug for this heading text within the note. */
  slug(text: string): string;
}

export function createSlugger(): Slugger {
  return new GithubSlugger();
}

/**
 * The slug of the heading a link subpath names: `A#B` means heading B (under A); text matches ignore case,
 * spacing and the characters Obsidian cannot keep in links. A subpath already written as a slug matches too.
 */
export function headingSlug(headings: Heading[], subpath: string): string | undefined {
  const wanted = subpath
    .split('#')
    .filter((part) => part.trim() !== '')
    .at(-1);
  if (wanted === undefined) return undefined;
  return (
    headings.find((heading) => sameHeading(heading.text, wanted)) ??
    headings.find((heading) => heading.slug === slugOnce(wanted)) ??
    // Dataview's section links name the heading as linkableHeading leaves it (`Meat & Ready-made` → `Meat Ready-made`).
    headings.find((heading) => linkableHeading(heading.text) === wanted)
  )?.slug;
}

const EMOJI = String.raw`\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\u200D\uFE0F\u20E3`;
const NOT_LINKABLE = new RegExp(`[^0-9\\p{Letter}_\\-${EMOJI}]+`, 'gu');

/**
 * A heading as Dataview writes it in a link (util/normalize.ts normalizeHeaderForLink): letters, ASCII digits, `_`,
 * `-` and emoji are kept, every other character is a space, and runs of spaces are one.
 */
export function linkableHeading(text: string): string {
  return text.replace(NOT_LINKABLE, ' ').split(/\s+/).join(' ').trim();
}

/** Whether a heading's text is what a link's subpath part names. */
export function sameHeading(headingText: string, subpathPart: string): boolean {
  return headingKey(headingText) === headingKey(subpathPart);
}

function headingKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[#|^:%[\]\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
