// The canvas kind: a published `.canvas` is a page with its board drawn at build time; `![[Board.canvas]]` shows the
// board in a frame. Cards show only what is published: a note card renders the note through the pipeline of its
// own page, anything unpublished or missing is a grey card.
import type { ElementContent } from 'hast';
import { type BoardStrings, type CardContent, type FileCard, renderBoard } from '../../canvas/render';
import type { Lang } from '../../config/config';
import { escapeHtml } from '../../html/escape';
import { element, text } from '../../markdown/hast-build';
import { strings } from '../../i18n/strings';
import { IMAGE_EXTENSIONS } from '../../markdown/media';
import { type RenderContext, renderTree } from '../../markdown/render';
import { trustedHtml } from '../../safety/trusted';
import type { VaultEntry } from '../../vault/types';
import type { FileKind, KindSite } from '../kind';
import { type CanvasData, readCanvasFile } from './read';

/** Canvases being drawn: one embedded inside another's card, or inside itself, is a link, so boards never nest. */
const drawing = new Set<string>();

export const canvasKind: FileKind<CanvasData> = {
  name: 'canvas',
  recognises: (id) => /\.canvas$/i.test(id),
  read: readCanvasFile,
  output: 'page',
  render: (entry, site) =>
    draw(entry, () => renderBoard(entry.data.canvas, cardContent(entry, site, 'page'), boardOptions(entry, site.lang, 'canvas', 'page'))),
  embed(entry, site) {
    const href = site.href(entry.id) ?? '';
    if (drawing.size > 0) return element('a', { className: ['internal-link'], href }, [text(entry.title)]);
    const board = draw(entry, () =>
      renderBoard(entry.data.canvas, cardContent(entry, site, 'preview'), boardOptions(entry, site.lang, `canvas-embed-${embedId(entry.id)}`, 'preview')),
    );
    const open = `<p class="canvas-embed-open"><a href="${escapeHtml(href)}">${escapeHtml(strings(site.lang).canvasOpen(entry.title))}</a></p>`;
    // A block of its own (a paragraph is split around it), holding the board as build output the sanitizer keeps.
    // Pagefind indexes the canvas on its own page, not again on every note that embeds it.
    const trusted = { type: 'raw', value: trustedHtml(board + open) } as unknown as ElementContent;
    return element('div', { className: ['canvas-embed'], dataPagefindIgnore: 'all' }, [trusted]);
  },
};

function draw(entry: VaultEntry<CanvasData>, render: () => string): string {
  drawing.add(entry.id);
  try {
    return render();
  } finally {
    drawing.delete(entry.id);
  }
}

function boardOptions(entry: VaultEntry<CanvasData>, lang: Lang, id: string, mode: 'page' | 'preview') {
  const t = strings(lang);
  const boardStrings: BoardStrings = {
    label: t.canvasLabel(entry.title),
    zoomIn: t.canvasZoomIn,
    zoomOut: t.canvasZoomOut,
    fit: t.canvasFit,
    unavailable: t.canvasUnavailable,
    unreadable: t.canvasUnreadable,
    help: t.canvasHelp,
  };
  return { id, strings: boardStrings, mode };
}

/** Ids in an embed come from the canvas's path, so a page's ids do not depend on the order pages are rendered in. */
function embedId(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash.toString(36);
}

function cardContent(entry: VaultEntry<CanvasData>, site: KindSite, mode: 'page' | 'preview'): CardContent {
  const ctx = withKnownTags(site.renderContext(entry.id), site);
  const resolve = (target: string, subpath?: string) => ctx.resolve({ target, ...(subpath ? { subpath } : {}), embed: false, from: entry.id });
  let cards = 0;
  const prefix = () => `${mode === 'page' ? '' : `embed-${embedId(entry.id)}-`}card-${++cards}-`;
  return {
    text: (nodeId) => renderTree(entry.data.cards.get(nodeId) ?? { type: 'root', children: [] }, ctx, { idPrefix: prefix() }),
    file: (node): FileCard => {
      const target = resolve(node.file, node.subpath);
      if (!target) return { kind: 'unavailable' };
      if (target.kind === 'attachment')
        return { kind: IMAGE_EXTENSIONS.has(extension(target.id)) ? 'image' : 'attachment', name: target.title, href: target.href };
      if (target.kind !== 'note' || mode === 'preview') return { kind: 'note', title: target.title, href: target.href };
      // The note as its own page shows it, cut to the card's section: an embed, rendered from the canvas.
      const embed = { type: 'wikiLink', value: '', target: node.file, ...(node.subpath ? { subpath: node.subpath } : {}), embed: true } as const;
      const html = renderTree({ type: 'root', children: [{ type: 'paragraph', children: [embed] }] }, ctx, { idPrefix: prefix() });
      return { kind: 'note', title: target.title, href: target.href, html };
    },
    image: (path) => {
      const target = resolve(path);
      return target?.kind === 'attachment' ? target.href : undefined;
    },
  };
}

/**
 * Tag pages are made from notes' tags: a tag written only on a canvas has none, and links to the tag index instead
 * of to a page that does not exist.
 */
function withKnownTags(ctx: RenderContext, site: KindSite): RenderContext {
  const known = knownTags(site);
  return { ...ctx, tagHref: (tag) => (known.has(tag.toLowerCase()) ? ctx.tagHref(tag) : ctx.tagHref('').replace(/\/[^/]*\/$/, '/')) };
}

const tagSets = new WeakMap<KindSite['notes'], Set<string>>();

/** Every published note's tags and their parents (`a/b` has a page for `a` too), lowercased; once per site. */
function knownTags(site: KindSite): Set<string> {
  let known = tagSets.get(site.notes);
  if (!known) {
    known = new Set(
      site.notes.flatMap((note) =>
        note.tags.flatMap((tag) =>
          tag.split('/').map((_, i, parts) =>
            parts
              .slice(0, i + 1)
              .join('/')
              .toLowerCase(),
          ),
        ),
      ),
    );
    tagSets.set(site.notes, known);
  }
  return known;
}

function extension(id: string): string {
  return id.slice(id.lastIndexOf('.') + 1).toLowerCase();
}
