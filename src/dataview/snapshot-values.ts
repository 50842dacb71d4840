// Page fields typed on the host (Dataview's own value grammar) and handed to the dataviewjs sandbox as JSON:
// dates, durations and links are tagged objects the sandbox turns back into its DateTime, Duration and Link.
import { DateTime, Duration } from 'luxon';
import type { VaultIndex } from './dql/vault-index';
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

/** The typed fields of a page (frontmatter and inline, canonical keys included), for the sandbox's page objects. */
export function sandboxFields(index: VaultIndex, page: DvPageInput): { fields: Record<string, Encoded>; day: Encoded } {
  const row = index.row(page);
  const fields: Record<string, Encoded> = {};
  for (const [key, value] of Object.entries(row)) if (key !== 'file') fields[key] = encodeValue(value);
  return { fields, day: encodeValue((row.file as DataObject).day) };
}

/** A page's list items and tasks, asked for by the sandbox when a block first reads file.lists or file.tasks. */
export function sandboxLists(index: VaultIndex, path: string): Encoded[] {
  const page = index.page(path);
  return page ? ((index.row(page).file as DataObject).lists as Value[]).map((item) => encodeValue(item)) : [];
}
