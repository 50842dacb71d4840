// What a base can see: the published files only, each with its file properties and frontmatter. Built once per
// build; every evaluation reads it and nothing else (no file system, no network).
import { parseWikiLink } from '../markdown/wikilinks';
import { DateValue, type Entry, type EntryInput, LinkValue, parseDateValue, type Snapshot, type Value } from './values';

export function createSnapshot(inputs: EntryInput[], resolve: (from: string, target: string) => string | undefined): Snapshot {
  const published = new Set(inputs.map((i) => i.id));
  const visible = (id: string | undefined) => (id !== undefined && published.has(id) ? id : undefined);
  const backlinks = new Map<string, Set<string>>();
  const entries = inputs.map((input, order): Entry => {
    const name = input.id.slice(input.id.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    const links: LinkValue[] = [];
    const embeds: LinkValue[] = [];
    for (const link of input.links) {
      // A link to an unpublished file is left out altogether, as Dataview's snapshot does: not even counted.
      if (link.to !== undefined && !published.has(link.to)) continue;
      const to = link.to;
      (link.embed ? embeds : links).push(new LinkValue(link.target, link.display, to));
      if (to && !link.embed) (backlinks.get(to) ?? backlinks.set(to, new Set()).get(to)!).add(input.id);
    }
    return {
      ...input,
      name,
      basename: dot > 0 ? name.slice(0, dot) : name,
      ext: dot > 0 ? name.slice(dot + 1) : '',
      folder: input.id.includes('/') ? input.id.slice(0, input.id.lastIndexOf('/')) : '',
      links,
      embeds,
      backlinks: [],
      order,
    };
  });
  for (const entry of entries) entry.backlinks = [...(backlinks.get(entry.id) ?? [])].sort();
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), resolve: (from, target) => visible(resolve(from, target)) };
}

/** A frontmatter property as a value (`note.x`, bare `x`): names match case-insensitively, as Obsidian's do. */
export function propertyOf(snapshot: Snapshot, entry: Entry, name: string): Value {
  if (!entry.propertyIndex) {
    const index = new Map<string, Value>();
    for (const [key, raw] of Object.entries(entry.frontmatter)) {
      const value = fromYaml(snapshot, entry.id, raw);
      index.set(key, value);
      if (!index.has(key.toLowerCase())) index.set(key.toLowerCase(), value);
    }
    entry.propertyIndex = index;
  }
  return entry.propertyIndex.get(name) ?? entry.propertyIndex.get(name.toLowerCase()) ?? null;
}

export function linkedIds(entry: Entry): Set<string> {
  entry.linkedIds ??= new Set([...entry.links, ...entry.embeds].flatMap((l) => (l.id ? [l.id] : [])));
  return entry.linkedIds;
}

export function propertiesOf(snapshot: Snapshot, entry: Entry): { [key: string]: Value } {
  return Object.fromEntries(Object.keys(entry.frontmatter).map((k) => [k, propertyOf(snapshot, entry, k)]));
}

const WIKILINK = /^\s*!?\[\[([^[\]]+)\]\]\s*$/;

/** YAML as Obsidian types it: `"[[X]]"` is a link, `2024-05-01` a date; everything else as read. */
function fromYaml(snapshot: Snapshot, from: string, v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : new DateValue(v.getTime(), v.getTime() % 86_400_000 !== 0);
  if (typeof v === 'string') {
    const link = WIKILINK.exec(v);
    if (link) return linkValue(snapshot, from, link[1]);
    return parseDateValue(v) ?? v;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => fromYaml(snapshot, from, x));
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromYaml(snapshot, from, x)]));
  return String(v);
}

/** `[[target#sub|display]]` written in `from` (inner text, without brackets). */
export function linkValue(snapshot: Snapshot, from: string, inner: string): LinkValue {
  const parts = parseWikiLink(inner);
  return new LinkValue(parts.target, parts.display, snapshot.resolve(from, parts.target));
}
