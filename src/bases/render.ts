// Evaluated views as static HTML, styled by site.css (`.base-*`): table, cards, list, and map as a list of places.
// Several views become CSS-only tabs (radio inputs): no script, and every view is in the page for search.
import type { Lang } from '../config/config';
import { escapeHtml } from '../html/escape';
import { formatDate, formatDateTime, strings } from '../i18n/strings';
import type { ViewModel } from './model';
import type { Group, Row, ViewResult } from './query';
import { DateValue, DurationValue, ErrorValue, FileValue, isEmpty, isObject, LinkValue, RenderValue, RowValue, toText, type Value } from './values';

interface RenderOptions {
  lang: Lang;
  /** URL of a published page or copied attachment, by vault id; undefined = not published (plain text). */
  hrefFor(id: string): string | undefined;
  tagHref(tag: string): string;
  /** Unique per base on the page (tab inputs need ids). */
  idPrefix: string;
}

/** In a page's HTML when it shows a base table: the page then carries the sort-and-filter loader (BaseTables.astro). */
export const BASE_TABLE_MARKER = '<table class="base-table">';

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg|bmp)$/i;
const URL_TEXT = /^https?:\/\/\S+$/;
const TAG_TEXT = /^#[^\s#]+$/;
const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** All views, as tabs when there are several (a `.base` page, a ```base block); `asOf` notes the build's clock. */
export function renderViews(results: ViewResult[], options: RenderOptions, asOf?: number, notice?: string): string {
  const t = strings(options.lang);
  const head =
    (asOf === undefined ? '' : `<p class="base-as-of">${escapeHtml(t.baseAsOf(formatDate(new Date(asOf).toISOString(), options.lang)))}</p>`) +
    (notice ? `<p class="base-notice" role="note">${escapeHtml(notice)}</p>` : '');
  if (results.length === 0) return `<div class="base">${head}<p class="base-notice" role="note">${escapeHtml(t.baseNoViews)}</p></div>`;
  if (results.length === 1) return `<div class="base">${head}${renderView(results[0], options, true)}</div>`;
  const group = `${options.idPrefix}-view`;
  const tabs = results
    .map((r, i) => {
      const id = `${group}-${i}`;
      return `<input type="radio" class="base-tab-input" name="${group}" id="${id}"${i === 0 ? ' checked' : ''}><label class="base-tab" for="${id}">${escapeHtml(r.view.name)}</label>`;
    })
    .join('');
  const panels = results.map((r) => renderView(r, options, false)).join('');
  return `<div class="base base-tabbed">${head}<div class="base-tabs" role="group" aria-label="${escapeHtml(t.baseViews)}">${tabs}<div class="base-panels">${panels}</div></div></div>`;
}

function renderView(result: ViewResult, options: RenderOptions, alone: boolean): string {
  const t = strings(options.lang);
  const { view } = result;
  const notices = result.problems.length ? `<p class="base-notice base-notice-error" role="note">${escapeHtml(t.baseProblems)}</p>` : '';
  const header = `<div class="base-view-header">${alone ? `<span class="base-view-name">${escapeHtml(view.name)}</span>` : ''}<span class="base-count">${escapeHtml(t.baseResults(result.total))}</span></div>`;
  let body: string;
  if (result.total === 0) body = `<p class="base-empty">${escapeHtml(t.baseNoResults)}</p>`;
  else if (view.type === 'cards') body = cards(result, options);
  else if (view.type === 'list') body = list(result, options);
  else if (view.type === 'map') body = `<p class="base-notice" role="note">${escapeHtml(t.baseMapNotice)}</p>${mapList(result, options)}`;
  else {
    const unsupported = view.type === 'table' ? '' : `<p class="base-notice" role="note">${escapeHtml(t.baseUnsupportedView(view.type))}</p>`;
    body = unsupported + table(result, options);
  }
  return `<section class="base-view base-view-${safeClass(view.type)}" data-view="${escapeHtml(view.name)}">${header}${notices}${body}</section>`;
}

function safeClass(type: string): string {
  return ['table', 'cards', 'list', 'map'].includes(type) ? type : 'table';
}

function labelOf(column: { id: string; label?: string }, options: RenderOptions): string {
  if (column.label !== undefined) return column.label;
  if (column.id === 'file.name') return strings(options.lang).baseFileName;
  return column.id.slice(column.id.indexOf('.') + 1);
}

function table(result: ViewResult, options: RenderOptions): string {
  const { columns } = result;
  const head = `<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(labelOf(c, options))}</th>`).join('')}</tr></thead>`;
  const grouped = result.view.groupBy !== undefined;
  const bodies = result.groups
    .map((group) => {
      const heading = grouped ? `<tr class="base-group-heading"><th colspan="${columns.length}" scope="rowgroup">${groupLabel(group, options)}</th></tr>` : '';
      // Obsidian puts a group's summaries at its top, and the summaries of an ungrouped table under it.
      const summary = group.summaries ? summaryRow(group, result, options) : '';
      const rows = group.rows.map((row) => `<tr>${row.cells.map((v, i) => `<td>${cell(v, columns[i].id, row, options)}</td>`).join('')}</tr>`).join('');
      return grouped ? `<tbody>${heading}${summary}${rows}</tbody>` : `<tbody>${rows}</tbody>${summary ? `<tfoot>${summary}</tfoot>` : ''}`;
    })
    .join('');
  return `<div class="base-table-wrap">${BASE_TABLE_MARKER}${head}${bodies}</table></div>`;
}

function summaryRow(group: Group, result: ViewResult, options: RenderOptions): string {
  const names = strings(options.lang).baseSummaries;
  return `<tr class="base-summary">${result.columns
    .map((c, i) => {
      const v = group.summaries?.[i];
      if (v === undefined) return '<td></td>';
      const name = result.view.summaries.get(c.id) ?? '';
      const label = names[name.toLowerCase()] ?? name;
      const shown = typeof v === 'number' && !Number.isInteger(v) ? String(Math.round(v * 100) / 100) : undefined;
      return `<td><span class="base-summary-name">${escapeHtml(label)}</span> <span class="base-summary-value">${shown ?? value(v, options)}</span></td>`;
    })
    .join('')}</tr>`;
}

function groupLabel(group: Group, options: RenderOptions): string {
  const t = strings(options.lang);
  const key = group.key;
  const empty = key === null || (Array.isArray(key) && key.length === 0);
  // A checkbox alone would be a heading without words: booleans are named.
  const label = empty ? escapeHtml(t.baseNoValue) : typeof key === 'boolean' ? escapeHtml(String(key)) : value(key, options);
  return `<span class="base-group-key">${label}</span> <span class="base-group-count">${group.rows.length}</span>`;
}

function cards(result: ViewResult, options: RenderOptions): string {
  const { view } = result;
  const size = view.cardSize ? ` style="--base-card-size: ${Math.round(view.cardSize)}px"` : '';
  const grouped = view.groupBy !== undefined;
  return result.groups
    .map((group) => {
      const items = group.rows
        .map((row) => {
          const props = shownProperties(result, row, options)
            .map(({ label, html }) => `<div class="base-card-property"><span class="base-card-label">${escapeHtml(label)}</span> ${html}</div>`)
            .join('');
          return `<li class="base-card">${view.image ? cover(row.image ?? null, view, options) : ''}<div class="base-card-body"><div class="base-card-title">${fileLink(row, options)}</div>${props}</div></li>`;
        })
        .join('');
      const heading = grouped ? `<h4 class="base-group-heading">${groupLabel(group, options)}</h4>` : '';
      return `${heading}<ul class="base-cards"${size}>${items}</ul>`;
    })
    .join('');
}

function cover(v: Value, view: ViewModel, options: RenderOptions): string {
  const ratio = `aspect-ratio: 1 / ${view.imageAspectRatio}`;
  const text = typeof v === 'string' ? v.trim() : '';
  if (COLOUR.test(text)) return `<div class="base-card-cover" style="${ratio}; background: ${text}"></div>`;
  const src = imageSrc(Array.isArray(v) ? (v[0] ?? null) : v, options);
  const img = src ? `<img src="${escapeHtml(src)}" alt="" loading="lazy" style="object-fit: ${view.imageFit}">` : '';
  return `<div class="base-card-cover" style="${ratio}">${img}</div>`;
}

function imageSrc(v: Value, options: RenderOptions): string | undefined {
  if (v instanceof LinkValue) return v.id ? (IMAGE_EXT.test(v.id) ? options.hrefFor(v.id) : undefined) : URL_TEXT.test(v.target) ? v.target : undefined;
  if (v instanceof FileValue) return IMAGE_EXT.test(v.entry.id) ? options.hrefFor(v.entry.id) : undefined;
  if (v instanceof RenderValue && v.kind === 'image') return URL_TEXT.test(v.value) ? v.value : options.hrefFor(v.value);
  if (typeof v === 'string' && URL_TEXT.test(v.trim())) return v.trim();
  return undefined;
}

function list(result: ViewResult, options: RenderOptions): string {
  const grouped = result.view.groupBy !== undefined;
  return result.groups
    .map((group) => {
      const items = group.rows.map((row) => `<li>${fileLink(row, options)}${listProperties(result, row, options)}</li>`).join('');
      const heading = grouped ? `<h4 class="base-group-heading">${groupLabel(group, options)}</h4>` : '';
      return `${heading}<ul class="base-list">${items}</ul>`;
    })
    .join('');
}

/** A card's or list item's properties: the ordered columns but the file name (its title), those with something to show. */
function shownProperties(result: ViewResult, row: Row, options: RenderOptions): { label: string; html: string }[] {
  return result.columns.flatMap((column, i) => {
    const v = row.cells[i];
    if (column.id === 'file.name' || isEmpty(v)) return [];
    const html = cell(v, column.id, row, options);
    return html ? [{ label: labelOf(column, options), html }] : [];
  });
}

/** A list item's (or place's) other properties, on its line after a space, joined by commas. */
function listProperties(result: ViewResult, row: Row, options: RenderOptions): string {
  const props = shownProperties(result, row, options)
    .map(({ html }) => html)
    .join('<span class="base-list-separator">, </span>');
  return props ? ` <span class="base-list-properties">${props}</span>` : '';
}

function mapList(result: ViewResult, options: RenderOptions): string {
  const items = result.groups
    .flatMap((g) => g.rows)
    .map(
      (row) => `<li>${fileLink(row, options)} <span class="base-coordinates">${row.place?.join(', ') ?? ''}</span>${listProperties(result, row, options)}</li>`,
    );
  return `<ul class="base-list base-places">${items.join('')}</ul>`;
}

function fileLink(row: Row, options: RenderOptions): string {
  const href = options.hrefFor(row.entry.id);
  const text = escapeHtml(row.entry.ext === 'md' ? row.entry.basename : row.entry.name);
  return href ? `<a class="internal-link" href="${escapeHtml(href)}">${text}</a>` : text;
}

function cell(v: Value, columnId: string, row: Row, options: RenderOptions): string {
  if (columnId === 'file.name' && typeof v === 'string') return fileLink(row, options);
  return value(v, options);
}

/** A value as Obsidian shows it in a cell: links as links, lists as chips, dates in the site's format, checkboxes. */
function value(v: Value, options: RenderOptions): string {
  if (v === null) return '';
  if (v instanceof ErrorValue) return `<span class="base-error" title="${escapeHtml(v.message)}" role="img" aria-label="${escapeHtml(v.message)}">⚠</span>`;
  if (typeof v === 'boolean') return `<input type="checkbox" class="base-checkbox" disabled${v ? ' checked' : ''}>`;
  if (typeof v === 'number') return escapeHtml(toText(v));
  if (typeof v === 'string') {
    const s = v.trim();
    if (URL_TEXT.test(s)) return `<a class="external-link" href="${escapeHtml(s)}" rel="noopener">${escapeHtml(s)}</a>`;
    if (TAG_TEXT.test(s)) return `<a class="tag" href="${escapeHtml(options.tagHref(s.slice(1)))}">${escapeHtml(s)}</a>`;
    return escapeHtml(v);
  }
  if (v instanceof DateValue) {
    const iso = new Date(v.ms).toISOString();
    return `<time datetime="${iso}">${escapeHtml(v.hasTime ? formatDateTime(iso, options.lang) : formatDate(iso, options.lang))}</time>`;
  }
  if (v instanceof DurationValue) return escapeHtml(toText(v));
  if (v instanceof LinkValue) return link(v, options);
  if (v instanceof FileValue || v instanceof RowValue) return link(new LinkValue(v.entry.id, undefined, v.entry.id), options);
  if (v instanceof RenderValue) {
    if (v.kind === 'image') {
      const src = imageSrc(v, options);
      return src ? `<img class="base-image" src="${escapeHtml(src)}" alt="" loading="lazy">` : '';
    }
    // html() is the author's markup: shown as its text, never as markup (a base cannot inject script or styles).
    if (v.kind === 'html') return escapeHtml(v.value.replace(/<[^>]*>/g, ''));
    // icon(): Lucide has no copy in the build (and a stand-in glyph would say something the author did not), so an
    // icon renders as nothing; as a link's display, the link shows its file's name.
    return '';
  }
  if (Array.isArray(v)) return `<span class="base-chips">${v.map((x) => `<span class="base-chip">${value(x, options)}</span>`).join('')}</span>`;
  if (isObject(v)) return escapeHtml(toText(v));
  return escapeHtml(toText(v));
}

function link(v: LinkValue, options: RenderOptions): string {
  const text = v.display ?? (v.id ? stem(v.id) : v.target);
  if (v.id) {
    const href = options.hrefFor(v.id);
    if (href && IMAGE_EXT.test(v.id)) return `<img class="base-image" src="${escapeHtml(href)}" alt="${escapeHtml(v.display ?? '')}" loading="lazy">`;
    if (href) return `<a class="internal-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
  } else if (URL_TEXT.test(v.target)) return `<a class="external-link" href="${escapeHtml(v.target)}" rel="noopener">${escapeHtml(text)}</a>`;
  // Missing or unpublished: the text the author wrote, as links to unpublished notes render everywhere else.
  return `<span class="base-unresolved">${escapeHtml(text)}</span>`;
}

function stem(id: string): string {
  const name = id.slice(id.lastIndexOf('/') + 1);
  return name.replace(/\.md$/i, '');
}
