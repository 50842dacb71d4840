// The facts the markdown layer reads out of a text (links, headings) and the vault model is built on.

/** One link as written by the author, before resolution. */
export interface LinkRef {
  /** Path part (before the first `#`), trimmed; markdown-link destinations percent-decoded. '' = this note. */
  target: string;
  /** Heading (`Heading`, nested as `A#B`) or block (`^id`) part after `#`, without the leading `#`. */
  subpath?: string;
  /** Display text (`[[a|text]]`, `[text](a.md)`), or the size spec of an image embed (`300`, `100x145`). */
  display?: string;
  embed: boolean;
  /** A markdown link as written, its destination not decoded (`[text](My%20Note.md)`), so the report can quote it. */
  written?: string;
  /**
   * Where it was written. Links inside %%comments%% count for the graph, as Obsidian indexes them (never their text).
   * `preview`: a property naming an image by a bare vault path, `cover: pic.png` (src/vault/properties.ts).
   */
  source: 'body' | 'frontmatter' | 'comment' | 'preview';
  syntax: 'wikilink' | 'markdown';
  /** 1-based line in the file (frontmatter lines included). */
  line: number;
  /** Plain text of the sentence or list item around the link (for backlinks). */
  context?: string;
}

/**
 * Whether Obsidian's index lists the link as one of the note's (what Dataview and Bases see): not one inside a
 * %%comment%%, whose target would print the author's private text, nor a preview image's bare path.
 */
export function isIndexedLink(link: Pick<LinkRef, 'source'>): boolean {
  return link.source !== 'comment' && link.source !== 'preview';
}

/** A heading of a note, with the id the renderer gives it (same slugger). */
export interface Heading {
  depth: number;
  text: string;
  slug: string;
  line: number;
}
