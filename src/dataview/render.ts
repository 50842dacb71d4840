// Host-side rendering of a block's recorded output into the HTML Dataview produces in Obsidian
// (same elements and classes; links become site links). The output comes from the sandbox: untrusted,
// so every shape is checked and every string escaped.
import { escapeHtml, isSafeAttribute, isSafeTag, isVoidTag } from './html';
import { internalLink, renderInlineMarkdown, type InlineLinks } from './inline-markdown';
import type { DataviewOptions } from './types';

type Links = Pick<DataviewOptions, 'hrefFor' | 'hrefForTag'>;
export type Layout = 'js' | 'query';
type Json = Record<string, unknown>;

/** Dataview's maxRecursiveRenderDepth. */
const MAX_DEPTH = 4;
/** Dataview's renderNullAs, already rendered. */
const NULL_TEXT = '-';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string => (typeof v === 'string' ? v : '');

function markdown(value: Json, links: Links): string {
  const resolved: InlineLinks['resolved'] = {};
  if (isObject(value.links)) {
    for (const [target, path] of Object.entries(value.links)) resolved[target] = typeof path === 'string' ? path : null;
  }
  return renderInlineMarkdown(asString(value.s), { resolved, hrefFor: links.hrefFor, hrefForTag: links.hrefForTag });
}

function link(value: Json, links: Links): string {
  const path = typeof value.path === 'string' ? value.path : null;
  const subpath = typeof value.subpath === 'string' ? value.subpath : undefined;
  return internalLink(path, subpath, asString(value.text), { resolved: {}, hrefFor: links.hrefFor });
}

/** What Obsidian's markdown renderer puts in a span for strings, links and null. */
function compact(value: Json, links: Links): string | undefined {
  if (value.t === 'md') return `<span>${markdown(value, links)}</span>`;
  if (value.t === 'link') return `<span>${link(value, links)}</span>`;
  if (value.t === 'null') return `<span>${NULL_TEXT}</span>`;
  if (value.t === 'text') return escapeHtml(asString(value.s));
  if (value.t === 'more') return '...';
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

function renderElement(block: Json, links: Links): string {
  const tag = asString(block.tag);
  if (!isSafeTag(tag)) return '';
  const classes = asArray(block.cls).filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  let attributes = classes.length ? ` class="${escapeHtml(classes.join(' '))}"` : '';
  if (isObject(block.attr)) {
    for (const [name, value] of Object.entries(block.attr)) {
      if (isSafeAttribute(name) && typeof value === 'string') attributes += ` ${name}="${escapeHtml(value)}"`;
    }
  }
  if (isVoidTag(tag)) return `<${tag}${attributes}>`;
  return `<${tag}${attributes}>${renderValue(block.value, links, 0, false)}</${tag}>`;
}

/** dv.list/dv.table put their view in a fresh <div>; a DQL query's view sits in the block itself. */
const wrap = (html: string, layout: Layout) => (layout === 'js' ? `<div>${html}</div>` : html);

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

/** HTML of a block's output, in call order. */
export function renderOutput(output: unknown, links: Links, layout: Layout = 'js'): string {
  return asArray(output)
    .filter(isObject)
    .map((block) => {
      if (block.kind === 'el') return renderElement(block, links);
      if (block.kind === 'list') return renderList(block, links, layout);
      if (block.kind === 'table') return renderTable(block, links, layout);
      return '';
    })
    .join('');
}
