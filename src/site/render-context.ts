// What the markdown renderer may know about other notes: only published notes and used attachments.
import { subpathFragment } from '../markdown/parse';
import type { RenderContext, RenderLink, RenderTarget } from '../markdown/render';
import type { Vault } from '../vault/load';
import { tagUrl } from './tags';
import { href } from './urls';

export interface SiteIndex {
  vault: Vault;
  base: string;
  /** Published note id → slug. A note without a slug is not published and cannot be linked. */
  noteSlugs: Map<string, string>;
  /** Used attachment id → slug. */
  attachmentSlugs: Map<string, string>;
}

export function renderContextFor(noteId: string, site: SiteIndex): RenderContext {
  return {
    noteId,
    // Inside an embed, `link.from` is the embedded note: its relative links resolve from there.
    resolve: (link) => resolveTarget(link.from ?? noteId, link, site),
    tagHref: (tag) => tagUrl(tag, site.base),
    embedTree: (id) => (site.noteSlugs.has(id) ? site.vault.notes.get(id)?.tree : undefined),
  };
}

/** Where a link written in note `fromId` leads on the site, or undefined when it must render as text. */
export function resolveTarget(fromId: string, link: Pick<RenderLink, 'target' | 'subpath'>, site: SiteIndex): RenderTarget | undefined {
  const hit = site.vault.resolver.resolve(fromId, link.target);
  if (!hit) return undefined;
  const attachment = site.attachmentSlugs.get(hit.id);
  if (attachment !== undefined) {
    const fragment = link.subpath ? `#${encodeURIComponent(link.subpath)}` : '';
    return {
      href: href(site.base, `attachments/${attachment}`, { page: false }) + fragment,
      kind: 'attachment',
      id: hit.id,
      title: hit.id.slice(hit.id.lastIndexOf('/') + 1),
    };
  }
  const note = site.vault.notes.get(hit.id);
  const url = hit.id === fromId && link.target.trim() === '' ? '' : noteHref(site, hit.id);
  if (url === undefined || !note) return undefined;
  return { href: url + fragmentFor(note, link.subpath), kind: 'note', id: hit.id, title: note.title };
}

/** URL of a published note (with the fragment of a heading or block), or undefined if it is not published. */
export function noteHref(site: SiteIndex, id: string, subpath?: string): string | undefined {
  const slug = site.noteSlugs.get(id);
  const note = site.vault.notes.get(id);
  if (slug === undefined || !note) return undefined;
  return href(site.base, slug) + fragmentFor(note, subpath);
}

function fragmentFor(note: Parameters<typeof subpathFragment>[0], subpath: string | undefined): string {
  const id = subpathFragment(note, subpath);
  return id ? `#${encodeURIComponent(id)}` : '';
}
