// Phase 2: a parsed tree → HTML, given cross-note knowledge through a RenderContext.
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { rehypeSanitizeNote } from '../safety/sanitize';
import { namespaceIds } from './hast-build';
import { rehypeRemoveComments } from './rehype-comments';
import type { RenderContext } from './render-context';
import { rehypeTaskLabels } from './task-lists';
import { toHastTree } from './to-hast';

export type { RenderContext, RenderLink, RenderTarget } from './render-context';

// The single hast chain for a page, embeds included: raw HTML is parsed first, so every later step sees elements.
const htmlPipeline = unified()
  .use(rehypeRaw)
  .use(rehypeRemoveComments)
  // Sanitising: after raw HTML became elements, before stringifying (build output wrapped by trustedHtml() is kept).
  .use(rehypeSanitizeNote)
  .use(rehypeTaskLabels)
  .use(rehypeStringify);

/** `idPrefix`: for a part of a page (a canvas card), so that several parts never share an id. */
export function renderTree(tree: Root, ctx: RenderContext, options: { idPrefix?: string } = {}): string {
  const hast = toHastTree(tree, { ctx, noteId: ctx.noteId, chain: [ctx.noteId], page: { embeds: 0 } });
  if (options.idPrefix) namespaceIds(hast, options.idPrefix);
  return htmlPipeline.stringify(htmlPipeline.runSync(hast));
}
