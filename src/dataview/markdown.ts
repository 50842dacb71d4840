// Text values of block output (dv.span("**x**"), table cells, list items) as Obsidian renders them: through the one
// markdown pipeline (wikilinks by Obsidian's rules, tags, inline fields, images with sizes, HTML — sanitized).
import { escapeHtml } from '../html/escape';
import { inlineCodes, inlineFieldValues } from '../markdown/code-block-slots';
import { parseFragment } from '../markdown/parse';
import { type RenderContext, renderTree } from '../markdown/render';
import type { Parent, Root } from 'mdast';
import type { VaultIndex } from './dql/vault-index';
import type { DataviewOptions } from './types';

export type InlineMarkdown = (text: string, originPath: string) => string;

/** What Dataview's post-processor does to rendered text: inline queries (from the query's note) and typed field values. */
export interface DataviewPostProcessing {
  /** The query's expression when the inline code is one. */
  expression(code: string): string | undefined;
  /** The HTML that stands for it. */
  html(expression: string, originPath: string): string;
  /** An inline field's value drawn typed (a date's long form), when that is not its text. */
  fieldValueHtml(raw: string, originPath: string): string | undefined;
}

/** Nothing markdown, HTML or an autolink could make of the text. */
const PLAIN = /^[^\\`*_~=[\]<>#!&|$^%\n:@]*$/;
const CACHE_LIMIT = 100_000;

/**
 * Renders a text value as inline HTML; a text that is one paragraph renders without the `<p>` (Dataview's
 * renderCompactMarkdown). Rendered once per text (per note and text when it holds links).
 */
export function inlineMarkdownRenderer(contextFor: (originPath: string) => RenderContext, dataview?: DataviewPostProcessing): InlineMarkdown {
  const cache = new Map<string, string>();
  return (text, originPath) => {
    if (PLAIN.test(text) && !text.includes('www.')) return escapeHtml(text);
    // Only links and inline queries depend on the note: text without either renders the same everywhere.
    const key = text.includes('[') || text.includes('`') ? `${originPath}\u0000${text}` : text;
    let html = cache.get(key);
    if (html === undefined) {
      const tree = parseFragment(text);
      if (dataview) postProcess(tree, dataview, originPath);
      html = renderTree(tree, contextFor(originPath));
      const single = tree.children.length === 1 && tree.children[0].type === 'paragraph' && html.startsWith('<p>') && html.endsWith('</p>');
      if (single) html = html.slice(3, -4);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, html);
    }
    return html;
  };
}

/** Without the site's context: links resolve among the snapshot's (published) pages, as Dataview resolves them. */
export function snapshotRenderContext(index: VaultIndex, options: Pick<DataviewOptions, 'hrefFor' | 'hrefForTag'>): (originPath: string) => RenderContext {
  return (originPath) => ({
    noteId: originPath,
    lang: 'en',
    resolve(link) {
      const page = index.resolve(link.target, link.from ?? originPath);
      const href = page && options.hrefFor(page.path, link.subpath);
      return page && href !== undefined ? { href, kind: 'note', id: page.path, title: page.name } : undefined;
    },
    tagHref: (tag) => options.hrefForTag?.(tag) ?? '',
    embedTree: () => undefined,
  });
}

function postProcess(tree: Root, dataview: DataviewPostProcessing, originPath: string): void {
  for (const { node, path } of inlineCodes(tree, (code) => dataview.expression(code) !== undefined)) {
    const parent = path.slice(0, -1).reduce<Parent>((at, i) => at.children[i] as Parent, tree);
    parent.children[path[path.length - 1]] = { type: 'html', value: dataview.html(dataview.expression(node.value)!, originPath) };
  }
  for (const { node } of inlineFieldValues(tree)) {
    const html = dataview.fieldValueHtml(node.value, originPath);
    if (html !== undefined) node.children = [{ type: 'html', value: html }];
  }
}
