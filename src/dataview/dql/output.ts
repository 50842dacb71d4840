// Host values as the renderer's DvValue (the same shapes the sandbox records for dataviewjs output).
import { DateTime, Duration } from 'luxon';
import type { DvValue } from '../types';
import type { Context } from './vault-index';
import { ExternalLink, isObject, Link, ListPair, renderDate, renderDuration, type Value } from './values';

/** Deeper values render as '...', like Dataview's maxRecursiveRenderDepth (one spare level for the renderer's cut). */
const MAX_DEPTH = 6;

export function toOutput(value: Value | undefined, ctx: Context, depth = 0): DvValue {
  if (depth > MAX_DEPTH) return { t: 'more' };
  if (value === null || value === undefined) return { t: 'null' };
  if (typeof value === 'string') return { t: 'md', s: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { t: 'num', s: String(value) };
  if (typeof value === 'function') return { t: 'text', s: '<function>' };
  if (DateTime.isDateTime(value)) return { t: 'text', s: renderDate(value) };
  if (Duration.isDuration(value)) return { t: 'text', s: renderDuration(value) };
  if (value instanceof ListPair) return { t: 'pair', key: toOutput(value.key, ctx, depth), value: toOutput(value.value, ctx, depth) };
  if (value instanceof ExternalLink) return { t: 'elink', url: value.url, text: value.display ?? value.url };
  // An embed renders as Dataview renders it, through the note's markdown: `![[a.png|100x50]]` is the image, sized.
  if (value instanceof Link && value.embed) return { t: 'md', s: value.markdown() };
  if (value instanceof Link) {
    const page = ctx.index.resolve(value.path, ctx.originPath);
    const link: DvValue = { t: 'link', path: page?.path ?? null, text: value.text() };
    if (value.type !== 'file' && value.subpath) link.subpath = value.subpath;
    return link;
  }
  if (Array.isArray(value)) return { t: 'array', items: value.map((v) => toOutput(v, ctx, depth + 1)) };
  if (isObject(value)) return { t: 'object', entries: Object.entries(value).map(([k, v]) => [k, toOutput(v, ctx, depth + 1)]) };
  return { t: 'text', s: String(value) };
}
