// What the markdown renderer may know about other notes: only published notes and used attachments.
import type { RenderContext, RenderTarget } from '../markdown/render';
import { headingSlug } from '../markdown/parse';
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

export function renderContextFor(noteId: string, site: SiteIndex, renderBlock?: RenderContext['renderBlock']): RenderContext {
  return {
    noteId,
    resolve: (link) => resolveTarget(noteId, link, site),
    tagHref: (tag) => tagUrl(tag, site.base),
    embedTree: (id) => (site.noteSlugs.has(id) ? site.vault.notes.get(id)?.tree : undefined),
    renderBlock,
    remoteImages: 'lazy',
  };
}

function resolveTarget(fromId: string, link: { target: string; subpath?: string }, site: SiteIndex): RenderTarget | undefined {
  const hit = site.vault.resolver.resolve(fromId, link.target);
  if (!hit) return undefined;
  const attachment = site.attachmentSlugs.get(hit.id);
  if (attachment !== undefined) {
    const fragment = link.subpath ? `#${encodeURIComponent(link.subpath)}` : '';
    return { href: href(site.base, `attachments/${attachment}`, { page: false }) + fragment, kind: 'attachment', id: hit.id, title: hit.id.slice(hit.id.lastIndexOf('/') + 1) };
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

function fragmentFor(note: { headings: Parameters<typeof headingSlug>[0]; blockIds: string[] }, subpath: string | undefined): string {
  if (!subpath) return '';
  if (subpath.startsWith('^')) {
    const block = subpath.slice(1);
    return note.blockIds.includes(block) ? `#^${block}` : '';
  }
  const slug = headingSlug(note.headings, subpath);
  return slug ? `#${slug}` : '';
}
