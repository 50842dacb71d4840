// What a note page gives Pagefind besides its body: metadata, filter values and hidden weighted keywords.
import { strings } from '../i18n/strings';
import { nameKey } from '../search/names';
import type { NotePage, SiteData } from './types';

interface SearchKeyword {
  text: string;
  /** Pagefind's data-pagefind-weight (default 1, at most 10). */
  weight: number;
}

interface SearchFields {
  title: string;
  /** YYYY-MM-DD; the client formats it in the page's language. */
  modified: string;
  /** 'ノート' or '用語' (site language). */
  kind: string;
  /** Display form of each tag (the tag page's). */
  tags: string[];
  /** Indexed with the body but not shown on the page. */
  keywords: SearchKeyword[];
  /** Exact-match keys (see src/search/names.ts) of the note's title, and of a term's reading and aliases. */
  names: string[];
}

/**
 * A note's title and a term's names (title, reading, aliases): weighted like nothing else on the page (the visible
 * h1 sits outside the indexed body). Whether the query *is* a term's name is decided by `names`, not by weight.
 */
const NAME_WEIGHT = 10;
/** A term's one-line definition: a summary, above the body's words. */
const DEFINITION_WEIGHT = 2;
/**
 * Names of the terms a note mentions: `digest` finds the notes that write ダイジェスト, and a term written inside
 * a compound (イメージダイジェスト) is found even where Japanese segmentation splits it differently. Light, so
 * that the term page and notes about the subject stay above notes that only mention it.
 */
const MENTIONED_TERM_WEIGHT = 0.5;

export function searchFields(note: NotePage, site: SiteData): SearchFields {
  const { tagDisplay, termsMentionedBy } = siteLookups(site);
  const t = strings(site.config.lang);
  // A glossary note is the page of each term it defines: its names find it (Pagefind's sub-results lead to the heading).
  const termNames = [note.term, ...(note.definesTerms ?? [])].flatMap((term) => (term ? [term.title, term.reading, ...term.aliases] : []));
  const ownNames = [note.title, ...termNames];
  const keywords: SearchKeyword[] = [{ text: joinNames(ownNames), weight: NAME_WEIGHT }];
  // The definition is shown above the body (TermHeader), outside what Pagefind indexes.
  if (note.term?.definition) keywords.push({ text: note.term.definition, weight: DEFINITION_WEIGHT });
  const mentioned = termsMentionedBy.get(note.id) ?? [];
  if (mentioned.length) keywords.push({ text: joinNames(mentioned), weight: MENTIONED_TERM_WEIGHT });
  return {
    title: note.title,
    modified: note.modified.slice(0, 10),
    kind: note.term || note.definesTerms?.length ? t.searchKindTerm : t.searchKindNote,
    tags: [...new Set(note.tags.map((ref) => tagDisplay.get(ref.url) ?? ref.tag))],
    keywords,
    names: [...new Set(ownNames.filter((name) => name !== undefined).map(nameKey))],
  };
}

interface SiteLookups {
  tagDisplay: Map<string, string>;
  /** Note id → names (title, aliases) of the terms it mentions or links to. */
  termsMentionedBy: Map<string, string[]>;
}

const lookups = new WeakMap<SiteData, SiteLookups>();

/** Computed once per site, not once per page. */
function siteLookups(site: SiteData): SiteLookups {
  let found = lookups.get(site);
  if (!found) {
    const termsMentionedBy = new Map<string, string[]>();
    for (const note of site.notes) {
      if (!note.term) continue;
      for (const use of note.term.usedIn) {
        const names = termsMentionedBy.get(use.id) ?? [];
        names.push(note.term.title, ...note.term.aliases);
        termsMentionedBy.set(use.id, names);
      }
    }
    found = { tagDisplay: new Map(site.tags.map((tag) => [tag.url, tag.tag])), termsMentionedBy };
    lookups.set(site, found);
  }
  return found;
}

/** Names once each, ignoring case (`digest`, `Digest`). */
function joinNames(names: (string | undefined)[]): string {
  const seen = new Set<string>();
  return names
    .filter((name): name is string => {
      const key = name?.toLowerCase();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .join(' ');
}
