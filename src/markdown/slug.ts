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
  return (headings.find((heading) => sameHeading(heading.text, wanted)) ?? headings.find((heading) => heading.slug === slugOnce(wanted)))?.slug;
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
