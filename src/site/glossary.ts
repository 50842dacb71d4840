// The glossary step: published term notes become the glossary, mentions in published notes are linked
// to their term (this rewrites note trees, so it runs before any note is rendered), and each term learns
// where it is used. Unpublished notes are neither terms nor uses.
import type { PhrasingContent, Root } from 'mdast';
import type { AutoLinkMode } from '../config/config';
import { searchKeys } from '../glossary/filter';
import { groupTerms } from '../glossary/kana';
import { compileMatcher, type Matcher } from '../glossary/matcher';
import { autoLinkModeFor, linkTermMentions } from '../glossary/mentions';
import { buildGlossary, isTermNote, type Term, type TermNoteInput } from '../glossary/terms';
import type { Vault } from '../vault/load';
import type { Diagnostic, ParsedNote } from '../vault/types';
import type { GlossaryIndex, NoteRef, TermPage, TermSummary, TermUse } from './types';

export interface GlossaryStepOptions {
  /** Vault folder of the term notes (config.glossary.folder). */
  folder: string;
  /** Site-wide auto-link mode; a note's `glossary:` frontmatter overrides it. */
  autoLink: AutoLinkMode;
  /** Collation of the where-used lists. */
  locale: string;
  /** URL of a published note. */
  hrefFor(id: string): string;
}

export interface GlossaryStepResult {
  index: GlossaryIndex;
  /** Term note id → what its page shows above the body. */
  termPages: Map<string, TermPage>;
  diagnostics: Diagnostic[];
}

export function applyGlossary(vault: Vault, published: ParsedNote[], options: GlossaryStepOptions): GlossaryStepResult {
  const glossary = buildGlossary(
    published.map((note) => termNoteInput(vault, note, options)),
    options,
  );
  const refOf = (id: string): NoteRef => ({ id, title: vault.notes.get(id)!.title, url: options.hrefFor(id) });
  const summaries = new Map(glossary.terms.map((term) => [term.id, summaryOf(term, refOf(term.id))]));
  const uses = new Map<string, Map<string, string | undefined>>(glossary.terms.map((term) => [term.id, new Map()]));
  const noteUse = (termId: string, noteId: string, snippet: string | undefined) => {
    const byNote = uses.get(termId)!;
    if (!byNote.get(noteId)) byNote.set(noteId, snippet);
  };

  if (glossary.terms.length > 0) {
    const matcher = compileMatcher(glossary.entries);
    const link = (termId: string, surface: string) => termLink(summaries.get(termId)!, surface);
    for (const note of published) {
      const linkedTerms = explicitTermLinks(vault, note.id, summaries);
      const mentions = linkTermMentions(note.tree, matcher, {
        mode: autoLinkModeFor(options.autoLink, note.frontmatter),
        skipTermId: note.id,
        alreadyLinked: new Set(linkedTerms.keys()),
        link,
      });
      for (const mention of mentions) noteUse(mention.termId, note.id, mention.snippet);
      for (const [termId, context] of linkedTerms) noteUse(termId, note.id, context && snippetOf(termId, context, matcher));
    }
  }

  const byTitle = new Intl.Collator(options.locale);
  const termPages = new Map<string, TermPage>();
  for (const term of glossary.terms) {
    const usedIn: TermUse[] = [...uses.get(term.id)!]
      .filter(([noteId]) => noteId !== term.id)
      .map(([noteId, snippet]) => ({ ...refOf(noteId), ...(snippet ? { snippet } : {}) }))
      .sort((a, b) => byTitle.compare(a.title, b.title));
    termPages.set(term.id, { ...summaries.get(term.id)!, related: term.relatedTermIds.map(refOf), usedIn });
  }
  const groups = groupTerms([...summaries.values()]).map((group) => ({ ...group, anchor: `glossary-${group.key === '#' ? 'other' : group.key}` }));
  return { index: { groups }, termPages, diagnostics: glossary.diagnostics };
}

/**
 * What the engine needs from a note. The first paragraph is read before any tree is rewritten, and
 * frontmatter lines (for diagnostics) only for term notes, the only notes diagnostics point at.
 */
function termNoteInput(vault: Vault, note: ParsedNote, options: GlossaryStepOptions): TermNoteInput {
  const input: TermNoteInput = {
    id: note.id,
    title: note.title,
    aliases: note.aliases,
    folder: note.folder,
    frontmatter: note.frontmatter,
    linkedIds: (vault.links.get(note.id) ?? []).flatMap((link) => (link.to && link.source !== 'comment' ? [link.to] : [])),
  };
  if (!isTermNote(input, options)) return input;
  return {
    ...input,
    firstParagraph: note.firstParagraph,
    frontmatterLines: note.frontmatterLines,
  };
}

function summaryOf(term: Term, ref: NoteRef): TermSummary {
  return {
    ...ref,
    ...(term.reading ? { reading: term.reading } : {}),
    aliases: term.aliases,
    ...(term.english ? { english: term.english } : {}),
    ...(term.definition ? { definition: term.definition } : {}),
    searchKeys: searchKeys(term),
  };
}

/** Terms the author linked in the body themselves, with the link's context: they count as used, and as linked already. */
function explicitTermLinks(vault: Vault, noteId: string, terms: Map<string, TermSummary>): Map<string, string | undefined> {
  const linked = new Map<string, string | undefined>();
  for (const link of vault.links.get(noteId) ?? []) {
    // A link inside %%comment%% is the author's private text: it neither counts nor shows.
    if (!link.to || link.to === noteId || link.source !== 'body' || link.embed || !terms.has(link.to)) continue;
    if (!linked.get(link.to)) linked.set(link.to, link.context);
  }
  return linked;
}

/** A link's context is its whole sentence or paragraph: cut it around the term as mention snippets are. */
function snippetOf(termId: string, context: string, matcher: Matcher): string {
  const paragraph: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: context }] }] };
  const mentions = linkTermMentions(paragraph, matcher, { mode: 'off', alreadyLinked: new Set(), link: () => ({ type: 'text', value: '' }) });
  return mentions.find((mention) => mention.termId === termId)?.snippet ?? context;
}

/**
 * A plain link to the term page; its title carries the definition (hover, screen readers, no JS needed).
 * Not an mdast `link`: the renderer reads a link's URL as a vault path. An unknown node with `data.hName`
 * becomes that element in any mdast → hast conversion.
 */
function termLink(term: TermSummary, surface: string): PhrasingContent {
  const title = term.definition ? `${term.title}: ${term.definition}` : term.title;
  const node = {
    type: 'termLink',
    data: { hName: 'a', hProperties: { className: ['term-link'], href: term.url, title } },
    children: [{ type: 'text', value: surface }],
  };
  return node as unknown as PhrasingContent;
}
