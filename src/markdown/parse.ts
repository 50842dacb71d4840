// Phase 1: a note body → tree with Obsidian nodes + the facts the vault model needs. No cross-note knowledge.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { type PluggableList, unified } from 'unified';
import { stripComments } from './comments';
import { extractFacts, type TreeFacts } from './extract';
import type { Heading, LinkRef } from './facts';
import { SYNTAX } from './syntax';

// Phase 1's public helpers for link targets, so integrators import from one place.
export { subpathFragment } from './anchors';
export { blockAnchorId } from './block-ids';
export { createSlugger, headingSlug } from './slug';

export interface ParsedBody {
  tree: Root;
  /** Body tags in document order; tags inside %%comments%% are not among them. */
  tags: { tag: string; line: number }[];
  /** Source 'body' or 'comment', in line order; `line` is the file line. */
  links: LinkRef[];
  headings: Heading[];
  blockIds: string[];
  /** Plain text of the first paragraph with words in it (for descriptions). */
  firstParagraph?: string;
}

/** A parser of markdown text (no comment handling) into the tree with Obsidian nodes, for a list of syntax plugins. */
export function markdownParser(syntax: PluggableList = SYNTAX): (markdown: string) => Root {
  const processor = unified().use(remarkParse).use(syntax);
  return (markdown) => processor.runSync(processor.parse(markdown), markdown) as Root;
}

/** Parses one markdown text (no comment handling) into the tree with Obsidian nodes. */
export const parseMarkdown = markdownParser();

/** `bodyStartLine`: the file line on which `body` starts (1-based), so every reported line is a file line. */
export function parseBody(body: string, bodyStartLine: number): ParsedBody {
  const { text, comments } = stripComments(body);
  const tree = parseMarkdown(text);
  const facts = extractFacts(tree, { lineOffset: bodyStartLine - 1, source: 'body' });
  const commentFacts: Pick<TreeFacts, 'links'>[] = comments.map((comment) =>
    extractFacts(parseMarkdown(comment.text), { lineOffset: bodyStartLine + comment.line - 2, source: 'comment' }),
  );
  const firstParagraph = firstParagraphText(tree);
  return {
    tree,
    // Tags written only in a comment are the author's private markers: never published (see README, privacy).
    tags: facts.tags,
    links: byLine([...facts.links, ...commentFacts.flatMap((f) => f.links)]),
    headings: facts.headings,
    blockIds: facts.blockIds,
    ...(firstParagraph ? { firstParagraph } : {}),
  };
}

/** Stable: items on one line keep their order. */
function byLine<T extends { line: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.line - b.line);
}

function firstParagraphText(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}
