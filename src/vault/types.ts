// The vault model's data shapes. Plain TypeScript: no Astro import anywhere under src/vault.

// What the markdown layer reads out of a note's text, re-exported: the model is built on it.
export type { Heading, LinkRef } from '../markdown/facts';
import type { NoteLimits } from '../config/limits';
import type { LimitHit } from '../markdown/limits';
import type { Root } from 'mdast';
import type { Heading, LinkRef } from '../markdown/facts';
import type { PublishMode } from '../config/config';
import type { ParsedBody } from '../markdown/parse';

/** A problem found in the author's input: always names the file (and line when known) and what to do. */
export interface Diagnostic {
  file: string; // vault-relative path (or config file)
  line?: number; // 1-based line in that file
  message: string; // what is wrong and what to do about it
  severity: 'warning' | 'error';
}

/** A file found by the scan. `id` is the vault-relative path, NFC, `/`-separated, with extension. */
export interface VaultFile {
  id: string;
  absPath: string;
  /** Name of the file kind that recognised it (`note`, `attachment`…; see src/kinds/registry.ts). */
  kind: string;
  mtimeMs: number;
  size: number;
}

/**
 * The model's side of a file kind: recognise a file and read it, with no cross-file knowledge. The vault is
 * handed the kinds (src/kinds/registry.ts) rather than importing them, so the model never depends on them.
 */
export interface FileReader<Data = unknown> {
  /** Short, unique: `note`, `attachment`, `base`, `canvas`. */
  name: string;
  /** Whether a file (its vault path, with extension) is of this kind. Kinds are asked in registry order. */
  recognises(id: string): boolean;
  read(file: VaultFile, context: ReadContext): VaultEntry<Data>;
}

/** A file's first and last commit times (ms), from git history. */
export interface GitDates {
  first: number;
  last: number;
}

export interface ReadContext {
  excludeFolders: string[];
  /** Budgets of one note (README, "Limits"). */
  limits: NoteLimits;
  /** `opt-in`: only notes with `publish: true` are published. */
  publish: PublishMode;
  /** Parses a note body; a cache (see parse-cache.ts) can stand in for the parser. */
  parse: (body: string, bodyStartLine: number, limits: NoteLimits) => ParsedBody;
  /** Dates of the file from git history, when the vault is a repository. */
  git?: GitDates;
  /** Problems found while reading go here, each naming the file. */
  diagnostics: Diagnostic[];
}

/** One file as the model knows it, whatever its kind: resolution, backlinks, the graph and publishing read this. */
export interface VaultEntry<Data = unknown> {
  id: string;
  kind: string;
  file: VaultFile;
  /** As links, lists and search show it. */
  title: string;
  /** Every link and embed the file holds, in Dataview's outlink order, before resolution. */
  links: LinkRef[];
  publish: PublishDecision;
  /** The note itself, for the markdown note kind (most of the model is about notes). */
  note?: ParsedNote;
  /** What the kind parsed (a base's views, a canvas's nodes). */
  data: Data;
}

/** Result of reading + parsing one note (no cross-note knowledge yet). */
export interface ParsedNote {
  id: string; // 'folder/Note.md'
  name: string; // 'Note' (file name without .md), as Obsidian shows it
  folder: string; // 'folder' ('' at the vault root)
  frontmatter: Record<string, unknown>;
  title: string; // frontmatter title, else name
  aliases: string[];
  /**
   * Explicit tags in Dataview `file.etags` order (body first, then frontmatter), without '#', author casing, each
   * once (exact duplicates dropped, as Dataview does). Tags written only inside %%comments%% are left out: private.
   */
  tags: string[];
  /** Frontmatter property links first, then body links, then embeds — Dataview's `file.outlinks` order. */
  links: LinkRef[];
  headings: Heading[];
  blockIds: string[];
  /** Parsed body (comments removed, custom Obsidian nodes in place). Reused by the renderer: parse once. */
  tree: Root;
  /** 1-based file line of each top-level frontmatter key, for diagnostics that point at a property. */
  frontmatterLines: Record<string, number>;
  /** Plain text of the body's first paragraph with words in it (HTML and comments left out), for definitions. */
  firstParagraph?: string;
  /** Line of the file on which the body starts (1-based), so tree positions map to file lines. */
  bodyStartLine: number;
  /** The limit the note went over (README, "Limits"): its page shows a notice. */
  limit?: LimitHit;
  publish: PublishDecision;
  created: Date;
  modified: Date;
}

export type PublishDecision =
  | { published: true }
  | { published: false; reason: 'publish-false' | 'dg-publish-false' | 'draft' | 'excluded-folder' | 'kind-not-published' | 'not-opted-in' };

/** A link after resolution. `to` is the target note/attachment id, or undefined if nothing matched. */
export interface ResolvedLink extends LinkRef {
  from: string;
  to?: string;
  /** true when `to` was found through the alias fallback (tsunagu's extension, not Obsidian's). */
  viaAlias?: boolean;
}
