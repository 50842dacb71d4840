// What the renderer needs to know about other notes, supplied by the integrator.
import type { ElementContent } from 'hast';
import type { Root } from 'mdast';
import type { Lang } from '../config/config';

export interface RenderTarget {
  /** Final URL including base and `#fragment` (see `subpathFragment`). */
  href: string;
  /** `file`: the page of another file kind (a base, a canvas), embedded by `embedFile`. */
  kind: 'note' | 'attachment' | 'file';
  id: string;
  title: string;
}

export interface RenderLink {
  target: string;
  subpath?: string;
  embed: boolean;
  /** The note whose text holds the link (inside an embed: the embedded note), as resolution is relative to it. */
  from: string;
}

export interface RenderContext {
  noteId: string;
  /** Language of the notices the renderer writes (an embed it stopped, a query left unrun). */
  lang: Lang;
  /** Obsidian's "Strict line breaks": a single newline in a paragraph is a space, not `<br>` (off by default). */
  strictLineBreaks?: boolean;
  /** undefined = unresolved or unpublished: rendered as plain text. */
  resolve(link: RenderLink): RenderTarget | undefined;
  tagHref(tag: string): string;
  /** The target note's whole parsed tree; the renderer cuts the heading section or `^block` itself. */
  embedTree(id: string, subpath?: string): Root | undefined;
  /** What `![[file]]` shows for a file of another kind; a link to its page when undefined. */
  embedFile?(target: RenderTarget, display: string | undefined): ElementContent | undefined;
}

/** Where rendering currently is: which note's text, and the chain of notes embedding it (outermost first). */
export interface RenderScope {
  ctx: RenderContext;
  noteId: string;
  chain: string[];
  /** Shared by the whole page: numbers embeds so each gets its own id namespace. */
  page: { embeds: number };
}
