// Problems in the author's input that the build survives but the author should hear about, each with its file and
// line and what to do: names a [[link]] cannot hold, names that differ only in case, all-digit tags, aliases
// listed twice or shared by two notes.
import type { Blockquote } from 'mdast';
import { visit } from 'unist-util-visit';
import { subpathFragment } from '../markdown/anchors';
import { isKnownCalloutType } from '../markdown/callouts';
import { nonTextProperties } from './properties';
import type { Diagnostic, ParsedNote, ResolvedLink } from './types';

/** Obsidian refuses these in file names: a wikilink reads them as heading, block, link or display syntax. */
const LINK_SYNTAX_IN_NAME = /[#^[\]|]/;
const ALL_DIGITS = /^\d+$/;

export function noteInputDiagnostics(note: ParsedNote, bodyTags: { tag: string; line: number }[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const keyLine = (key: string) => note.frontmatterLines[Object.keys(note.frontmatterLines).find((k) => k.toLowerCase() === key) ?? ''] ?? 1;
  const warn = (message: string, line?: number) => found.push({ file: note.id, ...(line ? { line } : {}), severity: 'warning', message });
  const character = LINK_SYNTAX_IN_NAME.exec(note.name)?.[0];
  if (character)
    warn(`has "${character}" in its name, which a [[link]] reads as link syntax, so links to it cannot be written. Rename the file without ${character}.`);
  const bodyTagNames = new Set(bodyTags.map((t) => t.tag));
  for (const tag of new Set(note.tags)) {
    if (!ALL_DIGITS.test(tag)) continue;
    const line = bodyTagNames.has(tag) ? bodyTags.find((t) => t.tag === tag)!.line : keyLine('tags');
    warn(`has the tag "${tag}", which is all digits; Obsidian does not treat it as a tag. Add a letter (for example "y${tag}").`, line);
  }
  visit(note.tree, 'blockquote', (quote: Blockquote) => {
    const type = quote.data?.hProperties?.dataCallout;
    if (typeof type === 'string' && !isKnownCalloutType(type)) {
      warn(
        `has a callout of unknown type "${type}"; it is shown with the note style. Use one of Obsidian's types (note, tip, warning, …) or style data-callout="${type}" in your CSS.`,
        (quote.position?.start.line ?? 1) + note.bodyStartLine - 1,
      );
    }
  });
  for (const key of nonTextProperties(note.frontmatter)) {
    warn(
      `has a map (key: value) in its "${key}" property, where Obsidian expects text; that part is ignored. Write the value as text (quote it if it holds a colon).`,
      keyLine(key.toLowerCase()),
    );
  }
  const seen = new Set<string>();
  for (const alias of note.aliases) {
    const key = alias.toLowerCase();
    if (seen.has(key)) warn(`lists the alias "${alias}" twice. Remove one.`, keyLine('aliases'));
    seen.add(key);
  }
  return found;
}

/** Problems between notes: names equal but for case, aliases that two notes claim. */
export function vaultInputDiagnostics(notes: ParsedNote[], aliasFallback: boolean): Diagnostic[] {
  const found: Diagnostic[] = [];
  const byLowerId = new Map<string, string>();
  for (const note of [...notes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const first = byLowerId.get(note.id.toLowerCase());
    if (first)
      found.push({
        file: note.id,
        severity: 'warning',
        message: `differs from ${first} only in case: a link spelled in neither case goes to ${first}, and the two files collide on case-insensitive systems (Windows, macOS). Rename one of them.`,
      });
    else byLowerId.set(note.id.toLowerCase(), note.id);
  }
  if (!aliasFallback) return found;
  const aliasOwner = new Map<string, string>();
  for (const note of [...notes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const alias of new Map(note.aliases.map((a) => [a.toLowerCase(), a])).values()) {
      const owner = aliasOwner.get(alias.toLowerCase());
      if (owner === note.id) continue; // listed twice by this note: noteInputDiagnostics says so
      if (owner)
        found.push({
          file: note.id,
          severity: 'warning',
          message: `has the alias "${alias}", which ${owner} has too; a link to "${alias}" goes to ${owner}. Keep the alias on one note.`,
        });
      else aliasOwner.set(alias.toLowerCase(), note.id);
    }
  }
  return found;
}

/** One diagnostic per embed cycle (A embeds B embeds A), at the embed that closes it; the page shows a notice there. */
export function embedCycleDiagnostics(links: Map<string, ResolvedLink[]>): Diagnostic[] {
  const embedsOf = (id: string) => (links.get(id) ?? []).filter((l) => l.embed && l.to && links.has(l.to) && l.source === 'body');
  const found: Diagnostic[] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visitNote = (id: string) => {
    onPath.push(id);
    for (const link of embedsOf(id)) {
      const to = link.to!;
      const at = onPath.indexOf(to);
      if (at !== -1) {
        const cycle = [...onPath.slice(at), to].join(' → ');
        found.push({
          file: id,
          line: link.line,
          severity: 'warning',
          message: `embeds ${to}, which leads back here (${cycle}); the embed stops with a notice. Replace one embed in the cycle with a link.`,
        });
      } else if (!done.has(to)) visitNote(to);
    }
    onPath.pop();
    done.add(id);
  };
  for (const id of [...links.keys()].sort()) if (!done.has(id)) visitNote(id);
  return found;
}

/**
 * A link or embed to a heading or block its published note does not have: the link opens the note at its top, the
 * embed shows the link's text, as Obsidian's "Unable to find section" does; nothing else would tell the author.
 */
export function subpathDiagnostics(links: Map<string, ResolvedLink[]>, notes: Map<string, ParsedNote>, published: (id: string) => boolean): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [id, fileLinks] of links) {
    if (!published(id)) continue;
    for (const link of fileLinks) {
      const target = link.to === undefined ? undefined : notes.get(link.to);
      if (!target?.publish.published || !link.subpath || link.source === 'comment' || subpathFragment(target, link.subpath)) continue;
      const block = link.subpath.startsWith('^');
      const what = block ? `the block ${link.subpath}` : `the heading "${link.subpath.split('#').filter(Boolean).join(' > ')}"`;
      const shows = link.embed ? 'the embed shows its text instead' : 'the link opens the note at its top';
      found.push({
        file: id,
        line: link.line,
        severity: 'warning',
        message: `links to ${what} of ${target.id}, which has no such ${block ? 'block id' : 'heading'}; ${shows}. Correct the ${block ? 'id' : 'heading'} or link to the note alone.`,
      });
    }
  }
  return found;
}
