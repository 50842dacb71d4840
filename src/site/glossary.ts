// The glossary step: published term notes become the glossary, mentions in published notes are linked
// to their term (splits of their text nodes, applied before any note is rendered), and each term learns
// where it is used. Unpublished notes are neither terms nor uses.
import type { PhrasingContent, Root } from 'mdast';
import type { AutoLinkMode } from '../config/config';
import { searchKeys } from '../glossary/filter';
import { groupTerms } from '../glossary/kana';
import { compileMatcher, type Matcher } from '../glossary/matcher';
import { glossaryNoteTerms, isGlossaryNote } from '../glossary/glossary-note';
import { autoLinkModeFor, linkTermMentions } from '../glossary/mentions';
import { buildGlossary, isTermNote, type SectionTermInput, sectionTermId, type Term, type TermNoteInput } from '../glossary/terms';
import { headingSlug } from '../markdown/slug';
import type { Vault } from '../vault/load';
import type { Diagnostic, ParsedNote } from '../vault/types';
import type { CardTree } from './canvas-cards';
import type { Split } from './steps';
import { urlComponent } from './urls';
import { type MemoFile, openNoteMemo } from './note-memo';
import { cacheHash } from '../vault/cache-file';
import type { GlossaryIndex, NoteRef, TermPage, TermSummary, TermUse } from './types';

interface GlossaryStepOptions {
  /** Vault folder of the term notes (config.glossary.folder). */
  folder: string;
  /** Site-wide auto-link mode; a note's `glossary:` frontmatter overrides it. */
  autoLink: AutoLinkMode;
  /** Collation of the where-used lists. */
  locale: string;
  /** URL of a published note. */
  hrefFor(id: string): string;
  /** The note's tree as it stands, as a key (tree-states.ts): a note's mentions are reused while it and the terms are unchanged. */
  treeKey?(note: ParsedNote): string | undefined;
  /** Where a build keeps the notes' mentions for the next build (note-memo.ts); without it, only the dev server keeps them. */
  memoFile?: MemoFile;
}

export interface GlossaryStepResult {
  index: GlossaryIndex;
  /** Term note id → what its page shows above the body. */
  termPages: Map<string, TermPage>;
  /** Glossary note id → the terms it defines (its page is theirs: search finds it by their names). */
  glossaryNotes: Map<string, TermSummary[]>;
  diagnostics: Diagnostic[];
}

/** The glossary, and the splits that link the mentions of its terms in the notes' text. */
export function applyGlossary(
  vault: Vault,
  published: ParsedNote[],
  cards: readonly CardTree[],
  options: GlossaryStepOptions,
): { output: GlossaryStepResult; replacements: Split[] } {
  // A glossary note is not a term note; the terms it defines are read from its own tree.
  const glossaryNotes = published.filter((note) => isGlossaryNote(note, options.folder));
  const sectionTerms: SectionTermInput[] = glossaryNotes.flatMap((note) => glossaryNoteTerms(note.tree).map((term) => ({ ...term, noteId: note.id })));
  const glossaryNoteIds = new Set(glossaryNotes.map((note) => note.id));
  const glossary = buildGlossary(
    published.filter((note) => !glossaryNoteIds.has(note.id)).map((note) => termNoteInput(vault, note, options)),
    options,
    sectionTerms,
  );
  // A use may be a canvas (its text cards): its title is its file's.
  const refOf = (id: string): NoteRef => ({ id, title: vault.files.get(id)!.title, url: options.hrefFor(id) });
  const termRef = (term: Term): NoteRef =>
    term.section ? { id: term.id, title: term.title, url: `${options.hrefFor(term.section.noteId)}#${urlComponent(term.section.anchor)}` } : refOf(term.id);
  const summaries = new Map(glossary.terms.map((term) => [term.id, summaryOf(term, termRef(term))]));
  const uses = new Map<string, Map<string, string | undefined>>(glossary.terms.map((term) => [term.id, new Map()]));
  const noteUse = (termId: string, noteId: string, snippet: string | undefined) => {
    const byNote = uses.get(termId)!;
    if (!byNote.get(noteId)) byNote.set(noteId, snippet);
  };

  const replacements: Split[] = [];
  if (glossary.terms.length > 0) {
    const matcher = compileMatcher(glossary.entries);
    const link = (termId: string, surface: string) => termLink(summaries.get(termId)!, surface);
    // What a note's mentions depend on besides its tree: the surfaces matched and the links made of them.
    const terms = cacheHash(JSON.stringify([glossary.entries, [...summaries]]));
    const memo = openNoteMemo<ReturnType<typeof linkTermMentions>>('glossary', options.memoFile);
    for (const note of published) {
      // The glossary note is where the terms are defined: linking its words to itself would only add noise.
      if (glossaryNoteIds.has(note.id)) continue;
      const linkedTerms = explicitTermLinks(vault, note.id, summaries);
      const mode = autoLinkModeFor(options.autoLink, note.frontmatter);
      const tree = options.treeKey?.(note);
      const key = tree && JSON.stringify([tree, terms, mode, [...linkedTerms.keys()]]);
      const { mentions, splits } = memo.reuse(note.id, key, () =>
        linkTermMentions(note.tree, matcher, { mode, skipTermId: note.id, alreadyLinked: new Set(linkedTerms.keys()), link }),
      );
      for (const split of splits) replacements.push({ noteId: note.id, ...split });
      for (const mention of mentions) noteUse(mention.termId, note.id, mention.snippet);
      for (const [termId, context] of linkedTerms) noteUse(termId, note.id, context && snippetOf(termId, context, matcher));
    }
    memo.save();
    // A canvas is one page: the site's mode, and "first" means the first mention on the board, card by card.
    const linkedOn = new Map<string, Set<string>>();
    for (const card of cards) {
      let alreadyLinked = linkedOn.get(card.canvasId);
      if (!alreadyLinked) {
        const linkedTerms = explicitTermLinks(vault, card.canvasId, summaries);
        for (const [termId, context] of linkedTerms) noteUse(termId, card.canvasId, context && snippetOf(termId, context, matcher));
        linkedOn.set(card.canvasId, (alreadyLinked = new Set(linkedTerms.keys())));
      }
      const { mentions, splits } = linkTermMentions(card.tree, matcher, { mode: options.autoLink, skipTermId: card.canvasId, alreadyLinked, link });
      for (const split of splits) replacements.push({ noteId: card.id, ...split });
      for (const mention of mentions) noteUse(mention.termId, card.canvasId, mention.snippet);
    }
  }

  const byTitle = new Intl.Collator(options.locale);
  const termPages = new Map<string, TermPage>();
  for (const term of glossary.terms) {
    if (term.section) continue; // its page is the glossary note's, which has no term header
    const usedIn: TermUse[] = [...uses.get(term.id)!]
      .filter(([noteId]) => noteId !== term.id)
      .map(([noteId, snippet]) => ({ ...refOf(noteId), ...(snippet ? { snippet } : {}) }))
      .sort((a, b) => byTitle.compare(a.title, b.title));
    termPages.set(term.id, { ...summaries.get(term.id)!, related: term.relatedTermIds.map(refOf), usedIn });
  }
  const groups = groupTerms([...summaries.values()]).map((group) => ({ ...group, anchor: `glossary-${group.key === '#' ? 'other' : group.key}` }));
  const definedIn = new Map(
    glossaryNotes.map((note) => [
      note.id,
      sectionTerms.filter((term) => term.noteId === note.id).map((term) => summaries.get(sectionTermId(note.id, term.anchor))!),
    ]),
  );
  return { output: { index: { groups }, termPages, glossaryNotes: definedIn, diagnostics: glossary.diagnostics }, replacements };
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
    if (!link.to || link.to === noteId || link.source !== 'body' || link.embed) continue;
    const termId = terms.has(link.to) ? link.to : sectionTermOf(vault, link.to, link.subpath);
    if (termId === undefined || !terms.has(termId)) continue;
    if (!linked.get(termId)) linked.set(termId, link.context);
  }
  return linked;
}

/** `[[用語集#イメージ]]`: the glossary note's term under that heading. */
function sectionTermOf(vault: Vault, noteId: string, subpath: string | undefined): string | undefined {
  const note = vault.notes.get(noteId);
  const slug = note && subpath ? headingSlug(note.headings, subpath) : undefined;
  return slug === undefined ? undefined : sectionTermId(noteId, slug);
}

/** A link's context is its whole sentence or paragraph: cut it around the term as mention snippets are. */
function snippetOf(termId: string, context: string, matcher: Matcher): string {
  const paragraph: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: context }] }] };
  const { mentions } = linkTermMentions(paragraph, matcher, { mode: 'off', alreadyLinked: new Set(), link: () => ({ type: 'text', value: '' }) });
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
