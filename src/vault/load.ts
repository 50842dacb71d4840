// scan → read (each file by its kind) → resolve: the vault as data. Everything later (graph, glossary, pages) reads this.
import { DEFAULT_LIMITS, type NoteLimits } from '../config/limits';
import type { PublishMode } from '../config/config';
import { parseBody, type ParsedBody } from '../markdown/parse';
import { readGitDates } from './dates';
import { drawingDiagnostics } from './drawings';
import { embedCycleDiagnostics, subpathDiagnostics, vaultInputDiagnostics } from './input-checks';
import { publishUsedFiles } from './publish';
import type { ReadMemo } from './read-memo';
import { LinkResolver } from './resolve';
import { scanVault } from './scan';
import type { Diagnostic, FileReader, ParsedNote, ResolvedLink, VaultEntry } from './types';

export interface VaultOptions {
  vaultDir: string;
  excludeFolders: string[];
  /** Default `all`; `opt-in` publishes only notes with `publish: true`. */
  publish?: PublishMode;
  aliasFallback: boolean;
  /** The file kinds, in registry order (src/kinds/registry.ts). */
  kinds: readonly FileReader[];
  /** Budgets of one note (README, "Limits"). */
  limits?: NoteLimits;
  /** Parses a note body (of the file `noteId`); a cache (see parse-cache.ts) can stand in for the parser. */
  parse?: (body: string, bodyStartLine: number, limits: NoteLimits, noteId: string) => ParsedBody;
  /** Reads kept from the last load of this vault (the dev server, see read-memo.ts). */
  memo?: ReadMemo;
}

export interface Vault {
  /** Every file, of every kind, published or not, by id (sorted). */
  files: Map<string, VaultEntry>;
  /** Every note, published or not, by id (sorted). */
  notes: Map<string, ParsedNote>;
  /** Each file's links in Dataview's outlink order, resolved where a file matched. */
  links: Map<string, ResolvedLink[]>;
  resolver: LinkResolver;
  diagnostics: Diagnostic[];
  filesSeen: number;
}

export function loadVault(options: VaultOptions): Vault {
  const scan = scanVault(options.vaultDir, options.kinds);
  const diagnostics = [...scan.diagnostics];
  const git = readGitDates(options.vaultDir);
  const kinds = new Map(options.kinds.map((kind) => [kind.name, kind]));
  const files = new Map<string, VaultEntry>();
  const notes = new Map<string, ParsedNote>();
  const parse = options.parse ?? parseBody;
  for (const file of scan.files) {
    const context = {
      excludeFolders: options.excludeFolders,
      limits: options.limits ?? DEFAULT_LIMITS,
      publish: options.publish ?? 'all',
      parse: (body: string, bodyStartLine: number, limits: NoteLimits) => parse(body, bodyStartLine, limits, file.id),
      git: git.get(file.id),
      diagnostics,
    };
    const kind = kinds.get(file.kind)!;
    const entry = options.memo ? options.memo.read(kind, file, context) : kind.read(file, context);
    files.set(file.id, entry);
    if (entry.note) notes.set(file.id, entry.note);
  }
  diagnostics.push(...vaultInputDiagnostics([...notes.values()], options.aliasFallback));
  // The alias fallback is tsunagu's own: it only ever leads to a published note, never hides one behind a private one.
  const aliases = new Map([...notes.values()].filter(isPublished).map((n) => [n.id, n.aliases]));
  const resolver = new LinkResolver({ fileIds: scan.files.map((f) => f.id), aliases, aliasFallback: options.aliasFallback });
  const links = new Map<string, ResolvedLink[]>();
  for (const entry of files.values()) {
    links.set(
      entry.id,
      entry.links.map((link) => {
        const hit = resolver.resolve(entry.id, link.target);
        return { ...link, from: entry.id, ...(hit ? { to: hit.id, viaAlias: hit.viaAlias } : {}) };
      }),
    );
  }
  if (options.publish === 'opt-in') publishUsedFiles(files, links, options.excludeFolders);
  diagnostics.push(
    ...embedCycleDiagnostics(links),
    ...drawingDiagnostics(notes.values(), (id) => files.has(id)),
    ...subpathDiagnostics(links, notes, (id) => files.get(id)?.publish.published === true),
  );
  return { files, notes, links, resolver, diagnostics, filesSeen: scan.files.length };
}

export function isPublished(note: ParsedNote): boolean {
  return note.publish.published;
}
