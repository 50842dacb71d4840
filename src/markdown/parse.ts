// Phase 1: a note body → tree with Obsidian nodes + the facts the vault model needs. No cross-note knowledge.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Heading, LinkRef } from '../vault/types';
import { remarkBlockIds } from './block-ids';
import { remarkCallouts } from './callouts';
import { stripComments } from './comments';
import { extractFacts, type TreeFacts } from './extract';
import { remarkHeadingIds } from './headings';
import { remarkHighlight } from './highlight';
import { remarkInlineFields } from './inline-fields';
import { remarkStripHtmlComments } from './html-comments';
import { remarkObsidianMath } from './math';
import { remarkObsidianTags } from './tags';
import { remarkWikiLinks } from './wikilinks';

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

// Order matters: tags split text before highlights pair markers across nodes; callouts and block ids then read the
// cleaned-up text; heading ids come last so they see the final heading text.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // CommonMark's emphasis rules fail next to Japanese punctuation (**「強調」**を); Obsidian renders it bold.
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyStrikethrough)
  .use(remarkObsidianMath)
  .use(remarkStripHtmlComments)
  .use(remarkWikiLinks)
  .use(remarkObsidianTags)
  .use(remarkHighlight)
  .use(remarkCallouts)
  .use(remarkBlockIds)
  .use(remarkInlineFields)
  .use(remarkHeadingIds);

/** Parses one markdown text (no comment handling) into the tree with Obsidian nodes. */
export function parseMarkdown(markdown: string): Root {
  return processor.runSync(processor.parse(markdown), markdown) as Root;
}

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
