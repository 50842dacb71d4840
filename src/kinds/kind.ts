// The file kind: one module per kind of vault file (markdown note, attachment; next `.base`, `.canvas`).
import type { ElementContent } from 'hast';
import type { Lang } from '../config/config';
import type { RenderContext } from '../markdown/render';
import type { FileReader, ParsedNote, VaultEntry } from '../vault/types';

/**
 * Everything tsunagu knows about one kind of file: how its files are recognised and read (the model's part,
 * `FileReader`: extension, parse, the links and embeds they hold, whether they are published), and how they reach
 * the site (a page, a raw copy, nothing), how they render as a page and when embedded (`![[x.ext]]`).
 *
 * The vault scan, link resolution, backlinks, the graph, the sitemap and the privacy checks handle every kind
 * through this interface: links a kind reports count like a note's, and a file is only emitted when `publish` says
 * so. Pages of every kind are in the sitemap and the search index; the RSS feed lists notes. To add a kind: a folder `src/kinds/<name>/` whose `index.ts` exports a `FileKind`, and one line in
 * `src/kinds/registry.ts` (before `attachment`, which takes every file no other kind recognises).
 */
export interface FileKind<Data = unknown> extends FileReader<Data> {
  /**
   * How a published file reaches `dist/`: `page` — a page of its own, rendered by `render`; `copy` — the file
   * itself under `attachments/`, and only when a published page links to or embeds it; `none` — never.
   */
  output: 'page' | 'copy' | 'none';
  /** The body HTML of a published file's page (kinds with output `page`); the site adds the panels every page has. */
  render?(entry: VaultEntry<Data>, site: KindSite): string;
  /** What `![[file]]` shows in a note; a link to the file's page when absent. */
  embed?(entry: VaultEntry<Data>, site: KindSite, display: string | undefined): ElementContent;
}

/** What a kind may know of the site when it renders: published files only. */
export interface KindSite {
  lang: Lang;
  /** Renders markdown written in file `id` with the site's one pipeline (its links resolve from there). */
  renderContext(id: string): RenderContext;
  /** URL of a published page or copied attachment (with a heading or block fragment), or undefined. */
  href(id: string, subpath?: string): string | undefined;
  /** The published notes (what a base or a query may list). */
  notes: readonly ParsedNote[];
}
