// load → parse → resolve: the vault as data. Everything later (graph, glossary, pages) reads this.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBody, type ParsedBody } from '../markdown/parse';
import { noteDates, readGitDates } from './dates';
import { decodeNote, splitFrontmatter } from './frontmatter';
import { frontmatterKeyLines } from './frontmatter-lines';
import { embedCycleDiagnostics, noteInputDiagnostics, vaultInputDiagnostics } from './input-checks';
import { frontmatterAliases, frontmatterTags, property, propertyLinks } from './properties';
import { publishDecision } from './publish';
import { LinkResolver } from './resolve';
import { scanVault } from './scan';
import type { Diagnostic, ParsedNote, ResolvedLink, VaultFile } from './types';

export interface VaultOptions {
  vaultDir: string;
  excludeFolders: string[];
  aliasFallback: boolean;
  /** Parses a note body; a cache (see parse-cache.ts) can stand in for the parser. */
  parse?: (body: string, bodyStartLine: number) => ParsedBody;
}

export interface Vault {
  /** Every note, published or not, by id (sorted). */
  notes: Map<string, ParsedNote>;
  attachments: Map<string, VaultFile>;
  /** Each note's links in Dataview's outlink order, resolved where a file matched. */
  links: Map<string, ResolvedLink[]>;
  resolver: LinkResolver;
  diagnostics: Diagnostic[];
  filesSeen: number;
}

export function loadVault(options: VaultOptions): Vault {
  const scan = scanVault(options.vaultDir);
  const diagnostics = [...scan.diagnostics];
  const git = readGitDates(options.vaultDir);
  const notes = new Map<string, ParsedNote>();
  const attachments = new Map<string, VaultFile>();
  for (const file of scan.files) {
    if (file.kind === 'attachment') attachments.set(file.id, file);
    else notes.set(file.id, readNote(file, options, git.get(file.id), diagnostics));
  }
  diagnostics.push(...vaultInputDiagnostics([...notes.values()], options.aliasFallback));
  // The alias fallback is tsunagu's own: it only ever leads to a published note, never hides one behind a private one.
  const aliases = new Map([...notes.values()].filter(isPublished).map((n) => [n.id, n.aliases]));
  const resolver = new LinkResolver({ fileIds: scan.files.map((f) => f.id), aliases, aliasFallback: options.aliasFallback });
  const links = new Map<string, ResolvedLink[]>();
  for (const note of notes.values()) {
    links.set(
      note.id,
      note.links.map((link) => {
        const hit = resolver.resolve(note.id, link.target);
        return { ...link, from: note.id, ...(hit ? { to: hit.id, viaAlias: hit.viaAlias } : {}) };
      }),
    );
  }
  diagnostics.push(...embedCycleDiagnostics(links));
  return { notes, attachments, links, resolver, diagnostics, filesSeen: scan.files.length };
}

function readNote(file: VaultFile, options: VaultOptions, git: Parameters<typeof noteDates>[1], diagnostics: Diagnostic[]): ParsedNote {
  const decoded = decodeNote(file.id, readFileSync(file.absPath));
  const source = splitFrontmatter(file.id, decoded.text);
  diagnostics.push(...decoded.diagnostics, ...source.diagnostics);
  const fm = source.frontmatter;
  const body = (options.parse ?? parseBody)(source.body, source.bodyStartLine);
  const name = path.posix.basename(file.id).replace(/\.md$/i, '');
  const folder = path.posix.dirname(file.id) === '.' ? '' : path.posix.dirname(file.id);
  const title = property(fm, 'title');
  const bodyLinks = body.links.filter((l) => !l.embed);
  const embeds = body.links.filter((l) => l.embed);
  const note: ParsedNote = {
    id: file.id,
    name,
    folder,
    frontmatter: fm,
    title: typeof title === 'string' && title.trim() ? title.trim() : name,
    aliases: frontmatterAliases(fm),
    tags: uniqueTags([...body.tags.map((t) => t.tag), ...frontmatterTags(fm)]),
    links: [...propertyLinks(fm, 2), ...bodyLinks, ...embeds],
    headings: body.headings,
    blockIds: body.blockIds,
    tree: body.tree,
    frontmatterLines: frontmatterKeyLines(decoded.text),
    ...(body.firstParagraph ? { firstParagraph: body.firstParagraph } : {}),
    bodyStartLine: source.bodyStartLine,
    publish: publishDecision(file.id, fm, options.excludeFolders),
    ...noteDates(fm, git, file.mtimeMs),
  };
  diagnostics.push(...noteInputDiagnostics(note, body.tags));
  return note;
}

/** Dataview keeps the first of exact duplicates (`#Docker` and `#docker` are two etags). */
function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags)];
}

export function isPublished(note: ParsedNote): boolean {
  return note.publish.published;
}
