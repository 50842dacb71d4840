// A board → HTML with one inline SVG: every card a <foreignObject> at its position and size in canvas pixels, so
// the SVG's viewBox scales the whole board to the column with no script. Groups lie lowest, then the edges, then
// the other cards, each layer in file order (JSON Canvas's z-order).
import { escapeHtml } from '../html/escape';
import { type Box, boundingBox, edgeGeometry } from './geometry';
import type { Canvas, CanvasEdge, CanvasNode, FileNode, GroupNode, LinkNode } from './model';

/** What a file card shows, decided by the site (only published notes and copied attachments are ever named). */
export type FileCard =
  | { kind: 'note'; title: string; href: string /** The note (or its section) as HTML; absent in a preview. */; html?: string }
  | { kind: 'image'; name: string; href: string }
  | { kind: 'attachment'; name: string; href: string }
  | { kind: 'unavailable' };

export interface CardContent {
  /** A text card's markdown, rendered by the site's pipeline. */
  text(nodeId: string): string;
  file(node: FileNode): FileCard;
  /** URL of a group's background image when it is published. */
  image(path: string): string | undefined;
}

export interface BoardStrings {
  label: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  unavailable: string;
  unreadable: string;
  /** How to move around the board (screen readers, and the keyboard help). */
  help: string;
}

interface BoardOptions {
  /** Unique on the page: prefixes the board's ids. */
  id: string;
  strings: BoardStrings;
  /** 'page': the canvas's own page; 'preview': an embed in a note, note cards showing their title only. */
  mode: 'page' | 'preview';
}

/** In a page's HTML when it holds a board: the page then carries the pan-and-zoom loader. */
export const CANVAS_MARKER = 'data-canvas';

/** Readable text at the narrowest: on a narrow screen, below this scale the board scrolls instead of shrinking. */
const MIN_FIT_SCALE = 0.6;
/** Room above a file card or group for its label. */
const LABEL_HEIGHT = 30;

export function renderBoard(canvas: Canvas, content: CardContent, options: BoardOptions): string {
  const t = options.strings;
  if (canvas.unreadable) return `<div class="canvas-board is-unreadable" role="note"><p>${escapeHtml(t.unreadable)}</p></div>`;
  const box = boundingBox(canvas.nodes);
  const byId = new Map(canvas.nodes.map((node) => [node.id, node]));
  const groups = canvas.nodes.filter((node) => node.type === 'group');
  const cards = canvas.nodes.filter((node) => node.type !== 'group');
  /** The board's words as HTML (escaped): what search finds the page by. */
  const words: string[] = [];
  const svg = [
    `<svg class="canvas-svg" viewBox="${viewBox(box)}" width="${box.width}" height="${box.height}" preserveAspectRatio="xMidYMid meet"`,
    ` style="--canvas-min-width:${Math.round(Math.min(box.width, 10000) * MIN_FIT_SCALE)}px" role="group" aria-label="${escapeHtml(t.label)}">`,
    `<g class="canvas-groups">${groups.map((group) => renderGroup(group, content, words)).join('')}</g>`,
    `<g class="canvas-edges">${canvas.edges.map((edge) => renderEdge(edge, byId, words)).join('')}</g>`,
    `<g class="canvas-cards">${cards.map((node) => renderCard(node, content, options, words)).join('')}</g>`,
    '</svg>',
  ].join('');
  const helpId = `${options.id}-help`;
  return [
    `<div class="canvas-board canvas-${options.mode}" id="${options.id}" ${CANVAS_MARKER} data-box="${viewBox(box)}">`,
    `<div class="canvas-controls" role="toolbar" aria-label="${escapeHtml(t.label)}" data-pagefind-ignore="all">`,
    button('in', '+', t.zoomIn),
    button('out', '−', t.zoomOut),
    button('fit', '⤢', t.fit),
    '</div>',
    `<p class="visually-hidden" id="${helpId}" data-pagefind-ignore>${escapeHtml(t.help)}</p>`,
    `<div class="canvas-viewport" tabindex="0"${options.mode === 'preview' ? ` style="aspect-ratio:${box.width} / ${box.height}"` : ''} role="region" aria-label="${escapeHtml(t.label)}" aria-describedby="${helpId}">${svg}</div>`,
    options.mode === 'page' ? searchText(words) : '',
    '</div>',
  ].join('');
}

function button(action: string, symbol: string, label: string): string {
  return `<button type="button" data-canvas-zoom="${action}" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}">${symbol}</button>`;
}

function viewBox(box: Box): string {
  return `${box.x} ${box.y} ${box.width} ${box.height}`;
}

function colorStyle(color: string | undefined): string {
  return color ? ` style="--canvas-node-color:${escapeHtml(color)}"` : '';
}

function foreignObject(node: Pick<CanvasNode, 'x' | 'y' | 'width' | 'height'>, inner: string, labelled = false): string {
  const top = labelled ? node.y - LABEL_HEIGHT : node.y;
  const height = labelled ? node.height + LABEL_HEIGHT : node.height;
  return `<foreignObject x="${node.x}" y="${top}" width="${node.width}" height="${height}">${inner}</foreignObject>`;
}

function renderGroup(group: GroupNode, content: CardContent, words: string[]): string {
  if (group.label) words.push(escapeHtml(group.label));
  const colored = group.color ? ' is-colored' : '';
  const image = group.background ? content.image(group.background) : undefined;
  const background = image
    ? `<div class="canvas-group-image is-${group.backgroundStyle}" style="background-image:url(&quot;${escapeHtml(image)}&quot;)"></div>`
    : '';
  const label = group.label ? `<div class="canvas-group-label">${escapeHtml(group.label)}</div>` : '<div class="canvas-group-label is-empty"></div>';
  return foreignObject(
    group,
    `<div class="canvas-group${colored}" data-node="${escapeHtml(group.id)}"${colorStyle(group.color)}>${label}<div class="canvas-group-box">${background}</div></div>`,
    true,
  );
}

function renderEdge(edge: CanvasEdge, byId: Map<string, CanvasNode>, words: string[]): string {
  if (edge.label) words.push(escapeHtml(edge.label));
  const geometry = edgeGeometry(edge, byId.get(edge.fromNode)!, byId.get(edge.toNode)!);
  const style = edge.color ? ` style="--canvas-edge-color:${escapeHtml(edge.color)}"` : '';
  const arrows = geometry.arrows.map((points) => `<polygon class="canvas-arrow" points="${points}"/>`).join('');
  const label = edge.label
    ? `<foreignObject x="${geometry.labelAt.x - 150}" y="${geometry.labelAt.y - 40}" width="300" height="80"><div class="canvas-edge-label"><span>${escapeHtml(edge.label)}</span></div></foreignObject>`
    : '';
  return `<g class="canvas-edge${edge.color ? ' is-colored' : ''}" data-edge="${escapeHtml(edge.id)}" data-from-side="${geometry.fromSide}" data-to-side="${geometry.toSide}"${style}><path d="${geometry.path}"/>${arrows}${label}</g>`;
}

function renderCard(node: Exclude<CanvasNode, GroupNode>, content: CardContent, options: BoardOptions, words: string[]): string {
  const colored = node.color ? ' is-colored' : '';
  const attributes = `data-node="${escapeHtml(node.id)}"${colorStyle(node.color)}`;
  switch (node.type) {
    case 'text': {
      const html = content.text(node.id);
      words.push(html);
      return foreignObject(node, `<div class="canvas-card canvas-text${colored}" ${attributes}><div class="canvas-card-body" tabindex="0">${html}</div></div>`);
    }
    case 'link':
      words.push(escapeHtml(node.url));
      return foreignObject(node, `<div class="canvas-card canvas-link${colored}" ${attributes}>${linkCard(node)}</div>`);
    case 'file': {
      const card = content.file(node);
      if (card.kind !== 'unavailable') words.push(escapeHtml(card.kind === 'note' ? card.title : card.name));
      return fileCard(node, card, attributes, colored, options);
    }
    default:
      return foreignObject(node, `<div class="canvas-card canvas-unknown${colored}" ${attributes}></div>`);
  }
}

function fileCard(node: FileNode, card: FileCard, attributes: string, colored: string, options: BoardOptions): string {
  if (card.kind === 'unavailable') {
    // No name, no path, no text: the card only keeps its place on the board.
    return foreignObject(
      node,
      `<div class="canvas-card canvas-unavailable" ${attributes}><span class="visually-hidden">${escapeHtml(options.strings.unavailable)}</span></div>`,
    );
  }
  const label = `<a class="canvas-file-label" href="${escapeHtml(card.href)}">${escapeHtml(card.kind === 'note' ? card.title : card.name)}</a>`;
  let body: string;
  if (card.kind === 'image') body = `<img src="${escapeHtml(card.href)}" alt="${escapeHtml(card.name)}" loading="lazy">`;
  else if (card.kind === 'attachment') body = `<a class="canvas-attachment" href="${escapeHtml(card.href)}">${escapeHtml(card.name)}</a>`;
  else if (card.html === undefined) body = `<a class="canvas-note-title" href="${escapeHtml(card.href)}">${escapeHtml(card.title)}</a>`;
  // The title is the label above the card, as in Obsidian; the card holds the note, scrolling when it is long.
  else body = `<div class="canvas-card-body" tabindex="0">${card.html}</div>`;
  return foreignObject(
    node,
    `<div class="canvas-file-wrap">${label}<div class="canvas-card canvas-file is-${card.kind}${colored}" ${attributes}>${body}</div></div>`,
    true,
  );
}

/** The URL as a link (never fetched); a URL that is not http(s) stays text. */
function linkCard(node: LinkNode): string {
  let host = node.url;
  let safe = false;
  try {
    const url = new URL(node.url);
    safe = url.protocol === 'https:' || url.protocol === 'http:';
    host = url.host || node.url;
  } catch {}
  const text = `<span class="canvas-link-host">${escapeHtml(host)}</span><span class="canvas-link-url">${escapeHtml(node.url)}</span>`;
  return safe ? `<a href="${escapeHtml(node.url)}" rel="noopener noreferrer">${text}</a>` : `<span>${text}</span>`;
}

/** Pagefind reads no SVG: the board's own words again, as hidden text (not the notes its cards show: they have pages). */
function searchText(words: string[]): string {
  const lines = words
    .map((html) =>
      html
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return lines.length ? `<div hidden>${lines.map((line) => `<p>${line}</p>`).join('')}</div>` : '';
}
