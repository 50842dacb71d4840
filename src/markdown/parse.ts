// Phase 1: a note body → tree with Obsidian nodes + the facts the vault model needs. No cross-note knowledge.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { type PluggableList, unified } from 'unified';
import { stripComments } from './comments';
import { extractFacts } from './extract';
import type { Heading, LinkRef } from './facts';
import { DEFAULT_LIMITS, type NoteLimits } from '../config/limits';
import { capTags, hideMarkFloods, type LimitHit, overDeepLine, overDeepNode, plainTextTree, restoreMarks } from './limits';
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
  /** The limit the note went over (`line` is a file line): the tree holds its text, or the offending part as text. */
  limit?: LimitHit;
}

/** A parser of markdown text (no comment handling) into the tree with Obsidian nodes, for a list of syntax plugins. */
export function markdownParser(syntax: PluggableList = SYNTAX): (markdown: string) => Root {
  const processor = unified().use(remarkParse).use(syntax);
  return (markdown) => processor.runSync(processor.parse(markdown), markdown) as Root;
}

/**
 * A text that is not a note (a dataview value, a base cell): the same parser within the same budgets (README,
 * "Limits"); over one, the text as it is, in one paragraph.
 */
export function parseFragment(text: string, limits: NoteLimits = DEFAULT_LIMITS): Root {
  const tree = text.length > limits.noteSize ? undefined : boundedParse(text, limits).tree;
  return tree ?? { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
}

/** The site's own syntax, for parses that look at the tree between parsing and the plugins (boundedParse). */
const processor = unified().use(remarkParse).use(SYNTAX);

/**
 * `bodyStartLine`: the file line on which `body` starts (1-based), so every reported line is a file line. Within
 * `limits` (README, "Limits"); a note over one comes back as text, or with the offending part as text, and `limit`.
 */
export function parseBody(body: string, bodyStartLine: number, limits: NoteLimits = DEFAULT_LIMITS): ParsedBody {
  const started = performance.now();
  const { text, comments } = stripComments(body);
  const atFileLine = (hit: LimitHit, lineOffset = bodyStartLine - 1): LimitHit => ({ ...hit, line: hit.line + lineOffset });
  const asText = (hit: LimitHit): ParsedBody => ({ tree: plainTextTree(text), tags: [], links: [], headings: [], blockIds: [], limit: atFileLine(hit) });
  if (body.length > limits.noteSize) return asText({ limit: 'noteSize', line: 1, found: body.length });
  const parsed = boundedParse(text, limits);
  if (!parsed.tree) return asText(parsed.limit!);
  const tree = parsed.tree;
  const tooManyTags = capTags(tree, limits.tags);
  const facts = extractFacts(tree, { lineOffset: bodyStartLine - 1, source: 'body' });
  let limit = parsed.limit ?? tooManyTags;
  const commentLinks = comments.flatMap((comment) => {
    const lineOffset = bodyStartLine + comment.line - 2;
    const inComment = boundedParse(comment.text, limits);
    if (!inComment.tree) {
      // An over-deep comment is not shown anyway; only its links are lost, and the diagnostic says so.
      limit ??= atFileLine(inComment.limit!, lineOffset - bodyStartLine + 1);
      return [];
    }
    return extractFacts(inComment.tree, { lineOffset, source: 'comment' }).links;
  });
  const elapsed = Math.round(performance.now() - started);
  if (elapsed > limits.parseMs) return asText({ limit: 'parseMs', line: 1, found: elapsed });
  const firstParagraph = firstParagraphText(tree);
  return {
    tree,
    // Tags written only in a comment are the author's private markers: never published (see README, privacy).
    tags: facts.tags,
    links: byLine([...facts.links, ...commentLinks]),
    headings: facts.headings,
    blockIds: facts.blockIds,
    ...(firstParagraph ? { firstParagraph } : {}),
    ...(limit ? { limit: atFileLine(limit) } : {}),
  };
}

/**
 * The tree, or the depth limit it went over (no tree) before any recursive step saw it. A paragraph flooded with
 * emphasis marks is parsed with its marks as text (the tree and the limit).
 */
function boundedParse(markdown: string, limits: NoteLimits): { tree?: Root; limit?: LimitHit } {
  const deepLine = overDeepLine(markdown, limits.depth);
  if (deepLine) return { limit: deepLine };
  const { text, hit: flood } = hideMarkFloods(markdown, limits.inlineMarks);
  const parsed = processor.parse(text);
  // Inline nesting (emphasis, links) and the tree's own levels (a list item is two): twice the block depth.
  const deepNode = overDeepNode(parsed, 2 * limits.depth);
  if (deepNode) return { limit: deepNode };
  const tree = processor.runSync(parsed, text) as Root;
  if (!flood) return { tree };
  restoreMarks(tree);
  return { tree, limit: flood };
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
