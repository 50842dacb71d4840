// Page fields typed on the host (Dataview's own value grammar) and handed to the dataviewjs sandbox as JSON:
// dates, durations and links are tagged objects the sandbox turns back into its DateTime, Duration and Link.
import { DateTime, Duration } from 'luxon';
import { canonicalKey, expandTags, type VaultIndex } from './dql/vault-index';
import { type DataObject, isObject, Link, ListPair, renderDuration, type Value } from './dql/values';
import type { DvPageInput } from './types';

type Encoded = null | number | string | boolean | Encoded[] | { [key: string]: Encoded };

export function encodeValue(value: Value | undefined, seen = new Set<object>()): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'function') return null;
  if (DateTime.isDateTime(value)) return { $date: value.toMillis() };
  if (Duration.isDuration(value)) return { $duration: value.toMillis(), $text: renderDuration(value) };
  if (value instanceof Link) {
    return {
      $link: {
        path: value.path,
        type: value.type,
        embed: value.embed,
        ...(value.subpath ? { subpath: value.subpath } : {}),
        ...(value.display ? { display: value.display } : {}),
      },
    };
  }
  if (Array.isArray(value)) return value.map((v) => encodeValue(v, seen));
  if (value instanceof ListPair) return { key: encodeValue(value.key, seen), value: encodeValue(value.value, seen) };
  if (isObject(value)) {
    if (seen.has(value)) return null;
    seen.add(value);
    const out: Record<string, Encoded> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v, seen);
    seen.delete(value);
    return out;
  }
  return null;
}

/** Whether a typed value, once sent, is the frontmatter value as JSON sends it: the sandbox then takes it from there. */
function sameAsFrontmatter(typed: Encoded, raw: unknown): boolean {
  if (typed === null || typeof typed !== 'object') return typed === raw;
  if (raw === null || typeof raw !== 'object' || Array.isArray(typed) !== Array.isArray(raw)) return false;
  const typedKeys = Object.keys(typed);
  const rawKeys = Object.keys(raw);
  if (typedKeys.length !== rawKeys.length) return false;
  return typedKeys.every((key, i) => key === rawKeys[i] && sameAsFrontmatter((typed as Record<string, Encoded>)[key], (raw as Record<string, unknown>)[key]));
}

/** A page's typed fields as the snapshot sends them: what the sandbox cannot rebuild (pages.ts, `fieldsOf`). */
export interface SentFields {
  /** Raw keys whose value differs from the frontmatter's (inline fields, links, dates…), in the row's order. */
  fields: Record<string, Encoded>;
  /** Canonical aliases fed by more than one raw key; an alias of a single key is that key's value, rebuilt. */
  merged?: Record<string, Encoded>;
  day: Encoded;
}

/** Field keys across the vault, gathered while the pages' fields are typed. */
export interface SnapshotKeys {
  /** Each raw key's canonical alias (Dataview's lower-cased key), `''` when it has none. */
  aliases: Map<string, string>;
  /** Keys holding an object (list, date, link…) on some page: the sandbox decodes those when read. */
  objectKeys: Set<string>;
}

/**
 * The typed fields of a page (frontmatter and inline, canonical keys included), for the sandbox's page objects. Most
 * of them equal their frontmatter value or copy one other key: those are left out, the snapshot being parsed in the
 * sandbox, and `keys` gathers what the sandbox needs to rebuild them.
 */
export function sandboxFields(index: VaultIndex, page: DvPageInput, keys: SnapshotKeys): SentFields {
  const { aliases, objectKeys } = keys;
  const { fields: row, day } = index.typedFields(page);
  const fm = page.frontmatter;
  const rawKeys = new Set(Object.keys(fm).filter((key) => key !== 'position'));
  for (const [key] of page.fields ?? []) rawKeys.add(key);
  const sources = new Map<string, number>();
  for (const key of rawKeys) {
    let alias = aliases.get(key);
    if (alias === undefined) {
      const canonical = canonicalKey(key);
      aliases.set(key, (alias = canonical !== key && canonical !== 'file' ? canonical : ''));
    }
    if (alias && !rawKeys.has(alias)) sources.set(alias, (sources.get(alias) ?? 0) + 1);
  }
  const fields: Record<string, Encoded> = {};
  const merged: Record<string, Encoded> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === 'object') objectKeys.add(key);
    if (rawKeys.has(key)) {
      const encoded = encodeValue(value);
      if (!(key in fm && key !== 'position' && sameAsFrontmatter(encoded, fm[key]))) fields[key] = encoded;
    } else if (sources.get(key)! > 1) merged[key] = encodeValue(value);
  }
  return Object.keys(merged).length ? { fields, merged, day: encodeValue(day) } : { fields, day: encodeValue(day) };
}

/** A page's list items and tasks, asked for by the sandbox when a block first reads file.lists or file.tasks. */
export function sandboxLists(index: VaultIndex, path: string): Encoded[] {
  const page = index.page(path);
  return page ? ((index.row(page).file as DataObject).lists as Value[]).map((item) => encodeValue(item)) : [];
}

/**
 * Lowercased '#tag' → the numbers of the pages whose file.tags hold it, in snapshot order: what a tag source lists
 * (subtags included). Built here, where it costs a few ms instead of the sandbox's ~0.1 s at 10,000 notes.
 */
export function tagPages(pages: Pick<DvPageInput, 'etags'>[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  pages.forEach((page, number) => {
    for (const tag of expandTags(page.etags)) {
      const key = tag.toLowerCase();
      const list = index.get(key) ?? index.set(key, []).get(key)!;
      if (list[list.length - 1] !== number) list.push(number);
    }
  });
  return index;
}
