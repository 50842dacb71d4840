// Which notes are glossary terms, what each term says, and what is wrong with the set of terms.
import type { Diagnostic } from '../vault/types';
import { foldForFilter } from './filter';
import type { SectionTerm } from './glossary-note';
import { gojuonRow } from './kana';
import type { MatcherEntry } from './matcher';

/** What the glossary needs from a parsed note (a `ParsedNote` plus a few derived fields). */
export interface TermNoteInput {
  id: string;
  title: string;
  aliases: string[];
  folder: string;
  frontmatter: Record<string, unknown>;
  /** Plain text of the body's first paragraph (`ParsedNote.firstParagraph`). */
  firstParagraph?: string;
  /** 1-based line of each frontmatter key (`ParsedNote.frontmatterLines`), for diagnostics; else line 1. */
  frontmatterLines?: Record<string, number>;
  /** Resolved ids of the notes it links to; the ones that are terms become related terms. */
  linkedIds?: string[];
}

export interface Term {
  id: string;
  title: string;
  /** Kana reading (`どっかーふぁいる`), for the index order. */
  reading?: string;
  aliases: string[];
  /** First alias with Latin letters (`digest`). */
  english?: string;
  /** Frontmatter `description`, else the first paragraph. */
  definition?: string;
  relatedTermIds: string[];
  /** A term defined inside a glossary note: that note and the term's id on its page. */
  section?: { noteId: string; anchor: string };
}

/** A term of a glossary note (see glossary-note.ts), with the note it is in. */
export interface SectionTermInput extends SectionTerm {
  noteId: string;
}

/** The id of a glossary note's term: the note and the anchor, as a link to it would write them. */
export function sectionTermId(noteId: string, anchor: string): string {
  return `${noteId}#${anchor}`;
}

interface GlossaryConfig {
  /** Vault folder whose notes (and subfolders') are terms; '' for none. */
  folder: string;
}

interface Glossary {
  terms: Term[];
  /** Title and alias surfaces, each owned by one term, for `compileMatcher`. */
  entries: MatcherEntry[];
  diagnostics: Diagnostic[];
}

/** In the glossary folder (unless frontmatter `type` says otherwise), or `type: term` anywhere. */
export function isTermNote(note: Pick<TermNoteInput, 'folder' | 'frontmatter'>, cfg: GlossaryConfig): boolean {
  const type = note.frontmatter.type;
  if (type !== undefined && type !== null) return type === 'term';
  const folder = cfg.folder.normalize('NFC');
  const noteFolder = note.folder.normalize('NFC');
  return folder !== '' && (noteFolder === folder || noteFolder.startsWith(`${folder}/`));
}

/** Where a term's names come from, for claiming them and pointing diagnostics at the place that wrote them. */
interface NameSource {
  id: string;
  title: string;
  aliases: string[];
  at(key: 'title' | 'aliases', message: string): Diagnostic;
}

/**
 * Term notes in id order, then glossary notes' terms in note order; a title or alias used twice keeps linking to
 * the first term that claims it.
 */
export function buildGlossary(notes: readonly TermNoteInput[], cfg: GlossaryConfig, sectionTerms: readonly SectionTermInput[] = []): Glossary {
  const termNotes = notes.filter((note) => isTermNote(note, cfg)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const termIds = new Set(termNotes.map((note) => note.id));
  const terms = [...termNotes.map((note) => toTerm(note, termIds)), ...sectionTerms.map(sectionToTerm)];
  const diagnostics = termNotes.flatMap(contentProblems);
  const sources: NameSource[] = [
    ...termNotes.map((note) => ({ id: note.id, title: note.title, aliases: note.aliases, at: (key: string, message: string) => at(note, key, message) })),
    ...sectionTerms.map((term) => ({
      id: sectionTermId(term.noteId, term.anchor),
      title: term.title,
      aliases: term.aliases,
      at: (_: string, message: string): Diagnostic => ({ file: term.noteId, line: term.line, message, severity: 'warning' }),
    })),
  ];
  const owners = new Map<string, { source: NameSource; surface: string }>();
  const claim = (source: NameSource, surface: string, kind: 'title' | 'aliases') => {
    const key = foldForFilter(surface.trim());
    if (key === '') return;
    const owner = owners.get(key);
    if (!owner) owners.set(key, { source, surface });
    else if (owner.source.id !== source.id) diagnostics.push(sharedSurface(source, surface, kind, owner.source));
  };
  for (const source of sources) claim(source, source.title, 'title');
  for (const source of sources) for (const alias of source.aliases) claim(source, alias, 'aliases');
  const entries = [...owners.values()].map(({ source, surface }) => ({ termId: source.id, surface }));
  return { terms, entries, diagnostics };
}

function sectionToTerm(term: SectionTermInput): Term {
  return {
    id: sectionTermId(term.noteId, term.anchor),
    title: term.title,
    ...(term.reading ? { reading: term.reading } : {}),
    aliases: term.aliases,
    english: term.aliases.find((alias) => /[a-z]/.test(foldForFilter(alias))),
    ...(term.definition ? { definition: term.definition } : {}),
    relatedTermIds: [],
    section: { noteId: term.noteId, anchor: term.anchor },
  };
}

function toTerm(note: TermNoteInput, termIds: Set<string>): Term {
  const related = (note.linkedIds ?? []).filter((id) => id !== note.id && termIds.has(id));
  return {
    id: note.id,
    title: note.title,
    reading: stringField(note, 'reading'),
    aliases: note.aliases,
    english: note.aliases.find((alias) => /[a-z]/.test(foldForFilter(alias))),
    definition: definitionOf(note),
    relatedTermIds: [...new Set(related)],
  };
}

function definitionOf(note: TermNoteInput): string | undefined {
  return stringField(note, 'description') ?? (note.firstParagraph && nonEmpty(note.firstParagraph));
}

function contentProblems(note: TermNoteInput): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (!definitionOf(note)) {
    problems.push(
      at(note, 'description', `term 「${note.title}」 has no definition: add a one-line \`description:\` to its frontmatter or a first paragraph.`),
    );
  }
  const reading = stringField(note, 'reading');
  if (reading !== undefined && !gojuonRow(reading)) {
    problems.push(
      at(
        note,
        'reading',
        `reading 「${reading}」 of term 「${note.title}」 does not start with kana: write it in hiragana (e.g. どっかーふぁいる) so the term sorts into its gojūon row.`,
      ),
    );
  }
  return problems;
}

/** Titles are claimed before aliases, so a clash on a title is always with another title. */
function sharedSurface(source: NameSource, surface: string, kind: 'title' | 'aliases', owner: NameSource): Diagnostic {
  const message =
    kind === 'title'
      ? `term 「${surface}」 is defined twice (also in ${owner.id}): merge the notes or rename one; mentions link to ${owner.id}.`
      : `alias 「${surface}」 is also the title or an alias of ${owner.id}: remove it from one of them; mentions link to ${owner.id}.`;
  return source.at(kind, message);
}

function at(note: TermNoteInput, key: string, message: string): Diagnostic {
  return { file: note.id, line: note.frontmatterLines?.[key] ?? 1, message, severity: 'warning' };
}

function stringField(note: TermNoteInput, key: string): string | undefined {
  const value = note.frontmatter[key];
  return typeof value === 'string' ? nonEmpty(value) : undefined;
}

function nonEmpty(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}
