// Cache keys for Astro's incremental build: a page is rendered again only when its key or its code changes, so a
// key is the hash of everything the page shows that is data — the page's own props and every part of SiteData its
// template reads (the frame, the sidebar, breadcrumbs, search fields). A part left out would leave a stale page,
// so each key hashes the same values the template is given (test/incremental.test.ts compares with a cold build).
// A page's body enters by its `bodyKey`, never its HTML: reading the HTML would render every page, changed or not.
import { createHash } from 'node:crypto';
import { folderPath } from './folders';
import { searchFields } from './search-fields';
import { sidebarKey } from './sidebar';
import type { FilePage, FolderNode, NotePage, SiteData, TagPage } from './types';

/** Changes when what a key covers changes without the page code changing (the model is in the page's code). */
const KEY_VERSION = 2;

/** What Base.astro shows on every page: the site's config and whether it has a glossary. */
function frame(site: SiteData) {
  return { version: KEY_VERSION, config: site.config, glossary: site.glossary.groups.length > 0 };
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

function key(parts: unknown): string {
  return hash(JSON.stringify(parts));
}

const digests = new WeakMap<object, string>();

/**
 * The value with each frozen object in it replaced by the digest of its JSON. Frozen objects are the ones many pages
 * share (a note's ref in every list that shows it, an outgoing link's entry), so each is serialised once a build,
 * not once per page that shows it.
 */
function compact(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Object.isFrozen(value)) {
    let digest = digests.get(value);
    // 96 bits: short, since a page hashes many (a ref each in its lists), and still never equal by chance.
    if (digest === undefined) digests.set(value, (digest = hash(JSON.stringify(value)).slice(0, 16)));
    return digest;
  }
  if (Array.isArray(value)) return value.map(compact);
  const fields: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) fields[field] = compact(inner);
  return fields;
}

/** Every field but the HTML (read by key, so the getter of `html` is never called). */
function withoutHtml(page: NotePage | FilePage): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(page)) if (field !== 'html') fields[field] = compact(page[field as keyof typeof page]);
  return fields;
}

const trail = (folders: FolderNode[]) => folders.map((folder) => ({ name: folder.name, url: folder.url }));

export function notePageKey(site: SiteData, note: NotePage): string {
  return key({
    frame: frame(site),
    note: withoutHtml(note),
    sidebar: sidebarKey(site.folders, note.id, note.folder),
    breadcrumbs: trail(folderPath(site.folders, note.folder)),
    search: searchFields(note, site),
  });
}

export function filePageKey(site: SiteData, page: FilePage): string {
  return key({ frame: frame(site), page: withoutHtml(page), sidebar: sidebarKey(site.folders, page.id, page.folder) });
}

export function tagPageKey(site: SiteData, tag: TagPage): string {
  return key({ frame: frame(site), tag, sidebar: sidebarKey(site.folders) });
}

export function folderPageKey(site: SiteData, folder: FolderNode): string {
  return key({
    frame: frame(site),
    folder: { ...folder, folders: folder.folders.map((f) => ({ name: f.name, url: f.url, count: f.count })) },
    sidebar: sidebarKey(site.folders, undefined, folder.path),
    breadcrumbs: trail(folderPath(site.folders, folder.path)),
  });
}
