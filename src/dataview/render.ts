// Host-side rendering of a block's recorded output into the HTML Dataview produces in Obsidian
// (same elements and classes; links become site links). The output comes from the sandbox: untrusted,
// so every shape is checked and every string escaped.
import { isScriptFreeStyle } from '../safety/style';
import { trustedHtml } from '../safety/trusted';
import { blockStyleClass, scopedStyle } from './block-style';
import { escapeHtml } from './html';
import type { RenderLink, RenderTarget } from '../markdown/render';
import type { InlineMarkdown } from './markdown';
import { renderDomNode } from './render-dom';
import type { DataviewOptions } from './types';

export interface Links extends Pick<DataviewOptions, 'hrefFor'> {
  /** The note the block is in: text values' links resolve from it. */
  originPath: string;
  markdown: InlineMarkdown;
  /** A link from the origin note as the site resolves it (published pages and attachments only). */
  resolve?(link: RenderLink): RenderTarget | undefined;
  /** The HTML of the link to the snapshot's page of that number (the sandbox sends a page's own link so). */
  pageLink?(number: number): string | undefined;
  /** A <style> the block made: its scoped element ('' when dropped); set by renderBlockOutput. */
  blockStyle?(css: string): string;
}
/** `inline`: inline JavaScript's value, drawn as an inline query's (lists as `a, b`), without dv.span's element. */
export type Layout = 'js' | 'query' | 'inline';
type Json = Record<string, unknown>;

/** Dataview's maxRecursiveRenderDepth. */
const MAX_DEPTH = 4;
/** Dataview's renderNullAs, already rendered. */
const NULL_TEXT = '-';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string => (typeof v === 'string' ? v : '');

function markdown(value: Json, links: Links): string {
  return links.markdown(asString(value.s), links.originPath);
}

/** A link value (already resolved to a published path, or null): Obsidian's internal link, or unresolved text. */
function link(value: Json, links: Links): string {
  const page = typeof value.page === 'number' ? links.pageLink?.(value.page) : undefined;
  if (page !== undefined) return page;
  const path = typeof value.path === 'string' ? value.path : null;
  const subpath = typeof value.subpath === 'string' ? value.subpath : undefined;
  return linkHtml(path === null ? undefined : links.hrefFor(path, subpath || undefined), asString(value.text));
}

/** Obsidian's internal link to a site page, or its text as an unresolved link when there is no page. */
export function linkHtml(href: string | undefined, text: string): string {
  if (href === undefined) return `<span class="internal-link is-unresolved">${escapeHtml(text)}</span>`;
  return `<a class="internal-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/** What Obsidian's markdown renderer puts in a span for strings, links and null. */
function compact(value: Json, links: Links): string | undefined {
  if (value.t === 'md') return `<span>${markdown(value, links)}</span>`;
  if (value.t === 'link') return `<span>${link(value, links)}</span>`;
  if (value.t === 'null') return `<span>${NULL_TEXT}</span>`;
  if (value.t === 'text') return escapeHtml(asString(value.s));
  if (value.t === 'more') return '...';
  if (value.t === 'dom') return renderDom(value.node, links, 'js');
  if (value.t === 'elink') {
    const url = asString(value.url);
    if (!/^(https?:|mailto:)/i.test(url)) return escapeHtml(asString(value.text));
    return `<a class="external-link" href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(asString(value.text))}</a>`;
  }
  return undefined;
}

function objectList(value: Json, item: (v: unknown) => string): string {
  const entries = asArray(value.entries).filter((e): e is [string, unknown] => Array.isArray(e) && typeof e[0] === 'string');
  const lis = entries.map(([key, v]) => `<li class="dataview dataview-li dataview-result-object-li">${escapeHtml(key)}: ${item(v)}</li>`);
  return `<ul class="dataview dataview-ul dataview-result-object-ul">${lis.join('')}</ul>`;
}

/** Dataview's renderValue (used by dv.el/header/paragraph/span): numbers are markdown too. */
function renderValue(value: unknown, links: Links, depth: number, nested: boolean): string {
  if (depth > MAX_DEPTH) return '...';
  if (!isObject(value)) return '';
  if (value.t === 'num') return `<span>${escapeHtml(asString(value.s))}</span>`;
  const simple = compact(value, links);
  if (simple !== undefined) return simple;
  const child = (v: unknown) => renderValue(v, links, depth + 1, true);
  if (value.t === 'array') {
    const cls = nested ? 'dataview-result-list-ul' : 'dataview-result-list-root-ul';
    const lis = asArray(value.items).map((v) => `<li class="dataview-result-list-li">${child(v)}</li>`);
    return `<ul class="dataview dataview-ul ${cls}">${lis.join('')}</ul>`;
  }
  if (value.t === 'object') return objectList(value, child);
  return '';
}

/** Dataview's Lit component (list items, table cells): numbers are plain text. */
function renderLit(value: unknown, links: Links, depth: number): string {
  if (depth >= MAX_DEPTH) return '...';
  if (!isObject(value)) return '';
  if (value.t === 'num') return escapeHtml(asString(value.s));
  const simple = compact(value, links);
  if (simple !== undefined) return simple;
  const child = (v: unknown) => renderLit(v, links, depth + 1);
  if (value.t === 'array') {
    const lis = asArray(value.items).map((v) => `<li class="dataview-result-list-li">${child(v)}</li>`);
    return `<ul class="dataview dataview-ul dataview-result-list-ul">${lis.join('')}</ul>`;
  }
  if (value.t === 'object') return objectList(value, child);
  if (value.t === 'pair') return `${renderLit(value.key, links, depth)}: ${renderLit(value.value, links, depth)}`;
  return '';
}

/** Dataview's renderValue without expanded lists (inline queries): lists and objects as `a, b` / `k: v` spans. */
export function renderInlineValue(value: unknown, links: Links, depth = 0): string {
  if (depth > MAX_DEPTH) return '...';
  if (!isObject(value)) return '';
  if (value.t === 'num') return `<span>${escapeHtml(asString(value.s))}</span>`;
  const simple = compact(value, links);
  if (simple !== undefined) return simple;
  const child = (v: unknown) => renderInlineValue(v, links, depth + 1);
  if (value.t === 'array') {
    const items = asArray(value.items);
    if (items.length === 0) return escapeHtml('<empty list>');
    return `<span class="dataview dataview-result-list-span">${items.map(child).join(', ')}</span>`;
  }
  if (value.t === 'object') {
    const entries = asArray(value.entries).filter((e): e is [string, unknown] => Array.isArray(e) && typeof e[0] === 'string');
    if (entries.length === 0) return escapeHtml('<empty object>');
    return `<span class="dataview dataview-result-object-span">${entries.map(([key, v]) => `${escapeHtml(key)}: ${child(v)}`).join(', ')}</span>`;
  }
  return '';
}

/** An inline query's value where its code stood, as Dataview's DataviewInlineRenderer draws it. */
export function renderInlineQuery(value: unknown, links: Links): string {
  return `<span class="dataview dataview-inline-query">${renderInlineValue(value, links, 0)}</span>`;
}

/** dv.list/dv.table put their view in a fresh <div>; a DQL query's view sits in the block itself. */
const wrap = (html: string, layout: Layout) => (layout === 'query' ? html : `<div>${html}</div>`);

function renderList(block: Json, links: Links, layout: Layout): string {
  const lis = asArray(block.items).map((item) => `<li>${renderLit(item, links, 0)}</li>`);
  return wrap(`<ul class="dataview list-view-ul">${lis.join('')}</ul>`, layout);
}

function renderTable(block: Json, links: Links, layout: Layout): string {
  const rows = asArray(block.rows).map(asArray);
  const ths = asArray(block.headers).map((header, index) => {
    const text = isObject(header) && header.t === 'md' ? markdown(header, links) : '';
    const count = index === 0 ? `<span class="dataview small-text">${rows.length}</span>` : '';
    return `<th class="table-view-th"><span>${text}</span>${count}</th>`;
  });
  const trs = rows.map((row) => `<tr>${row.map((cell) => `<td>${renderLit(cell, links, 0)}</td>`).join('')}</tr>`);
  return wrap(
    `<table class="dataview table-view-table"><thead class="table-view-thead"><tr class="table-view-tr-header">` +
      `${ths.join('')}</tr></thead><tbody class="table-view-tbody">${trs.join('')}</tbody></table>`,
    layout,
  );
}

/**
 * A dv.view's view.css, as Dataview injects it. The build makes the element (so the sanitizer keeps it); the CSS
 * may not run script, load anything (builds and pages stay offline) or close the element.
 */
function viewStyle(css: string): string {
  const clean = css
    .replace(/<\/?style/gi, '')
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\s*\([^)]*\)/gi, 'none');
  return isScriptFreeStyle(clean) ? trustedHtml(`<style>${clean}</style>`) : '';
}

/** Dataview's empty-result box. */
function renderNotice(block: Json): string {
  return `<div class="dataview dataview-error-box"><p class="dataview dataview-error-message">${escapeHtml(asString(block.text))}</p></div>`;
}

/** Task lists as Dataview draws them, with checkboxes read-only: checking one rewrites the note in the app. */
function renderTaskItems(items: unknown, links: Links): string {
  const lis = asArray(items)
    .filter(isObject)
    .map((item) => {
      const status = asString(item.status) || ' ';
      const checked = status !== ' ';
      const children = asArray(item.children).length ? renderTaskItems(item.children, links) : '';
      const own = typeof item.path === 'string' ? { ...links, originPath: item.path } : links;
      const text = renderLit(item.text, own, 0);
      if (item.task !== true) return `<li class="dataview task-list-basic-item">${text}${children}</li>`;
      return (
        // The status as it is (a space when open): Dataview's task view, unlike a note's task (data-task="").
        `<li class="dataview task-list-item${checked ? ' is-checked' : ''}" data-task="${escapeHtml(status)}">` +
        `<input class="dataview task-list-item-checkbox" type="checkbox" disabled${checked ? ' checked' : ''}>${text}${children}</li>`
      );
    });
  return `<ul class="contains-task-list">${lis.join('')}</ul>`;
}

function renderTasks(block: Json, links: Links): string {
  return `<div class="dataview dataview-container">${renderTaskGroups(block.groups, links)}</div>`;
}

/** Each group's heading and count, then its subgroups or its tasks, as Dataview's TaskGrouping nests them. */
function renderTaskGroups(groups: unknown, links: Links): string {
  return asArray(groups)
    .filter(isObject)
    .map((group) => {
      const inner = group.groups === undefined ? renderTaskItems(group.items, links) : renderTaskGroups(group.groups, links);
      if (group.key === undefined) return inner;
      const count = typeof group.count === 'number' ? `<span class="dataview small-text">${group.count}</span>` : '';
      return `<h4>${renderLit(group.key, links, 0)}${count}</h4><div class="dataview result-group">${inner}</div>`;
    })
    .join('');
}

/** Month captions and weekday heads in the site's language (`2024年3月`, 日…土), as Dataview's calendar follows the app's. */
function calendarNames(locale: string) {
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday: the seven days from it give the heads in the grid's order.
  const weekdays = Array.from({ length: 7 }, (_, d) => weekday.format(Date.UTC(2023, 0, 1 + d)));
  return { caption: (year: number, m: number) => month.format(Date.UTC(year, m - 1, 1)), weekdays };
}

/** CALENDAR: a static month grid for each month with results, one dot per row linking to its note. */
function renderCalendar(block: Json, links: Links): string {
  const byDay = new Map<string, Json[]>();
  for (const dot of asArray(block.dots).filter(isObject)) {
    const date = asString(dot.date);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isObject(dot.link)) continue;
    (byDay.get(date) ?? byDay.set(date, []).get(date)!).push(dot.link);
  }
  const months = [...new Set([...byDay.keys()].map((d) => d.slice(0, 7)))].sort();
  const names = calendarNames(asString(block.locale) || 'en-US');
  const grids = months.map((month) => {
    const [year, m] = month.split('-').map(Number);
    const first = new Date(Date.UTC(year, m - 1, 1)).getUTCDay();
    const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const cells: string[] = Array.from({ length: first }, () => '<td></td>');
    for (let day = 1; day <= days; day++) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      const dots = (byDay.get(date) ?? []).map((link) => {
        const href = typeof link.path === 'string' ? links.hrefFor(link.path, undefined) : undefined;
        const title = escapeHtml(asString(link.text));
        return href ? `<a class="dataview-calendar-dot" href="${escapeHtml(href)}" title="${title}" aria-label="${title}"></a>` : '';
      });
      cells.push(`<td${dots.length ? ' class="has-notes"' : ''}><span class="dataview-calendar-day">${day}</span>${dots.join('')}</td>`);
    }
    while (cells.length % 7) cells.push('<td></td>');
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => `<tr>${cells.slice(w * 7, w * 7 + 7).join('')}</tr>`);
    const head = names.weekdays.map((d) => `<th>${d}</th>`).join('');
    return `<table class="dataview-calendar-month"><caption>${escapeHtml(names.caption(year, m))}</caption><thead><tr>${head}</tr></thead><tbody>${weeks.join('')}</tbody></table>`;
  });
  return `<div class="dataview dataview-calendar">${grids.join('')}</div>`;
}

/** Elements the block made (dv.el, dv.container.createEl…); inline JavaScript's dv.span shows its value alone. */
function renderDom(node: unknown, links: Links, layout: Layout): string {
  const inline = layout === 'inline';
  return renderDomNode(
    node,
    {
      value: (value) => (inline ? renderInlineValue(value, links) : renderValue(value, links, 0, false)),
      block: (record) => renderOutput([record], links, layout),
      internal: (target, subpath, embed) => links.resolve?.({ target, subpath, embed, from: links.originPath }),
      style: (css) => links.blockStyle?.(css) ?? '',
    },
    inline,
  );
}

/**
 * A dataviewjs block's HTML: its output, and when the block made <style> elements, inside an element with the classes
 * their CSS is scoped to (block-style.ts), so that it styles this block only.
 */
export function renderBlockOutput(output: unknown, links: Links, layout: Layout): string {
  const scopes = new Set<string>();
  const blockStyle = (css: string) => {
    const scope = blockStyleClass(css);
    const style = scopedStyle(css, scope);
    if (style === undefined) return '';
    scopes.add(scope);
    return style;
  };
  const html = renderOutput(output, { ...links, blockStyle }, layout);
  if (scopes.size === 0) return html;
  const tag = layout === 'inline' ? 'span' : 'div';
  return `<${tag} class="${[...scopes].join(' ')}">${html}</${tag}>`;
}

/** HTML of a block's output, in call order. */
export function renderOutput(output: unknown, links: Links, layout: Layout = 'js'): string {
  return asArray(output)
    .filter(isObject)
    .map((block) => {
      if (block.kind === 'dom') return renderDom(block.node, links, layout);
      if (block.kind === 'list') return renderList(block, links, layout);
      if (block.kind === 'table') return renderTable(block, links, layout);
      if (block.kind === 'notice') return renderNotice(block);
      if (block.kind === 'style') return viewStyle(asString(block.css));
      if (block.kind === 'tasks') return renderTasks(block, links);
      if (block.kind === 'calendar') return renderCalendar(block, links);
      return '';
    })
    .join('');
}
