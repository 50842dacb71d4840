// What the markdown renderer may know about other files: only published pages and used attachments.
import type { Lang } from '../config/config';
import type { FileKind, KindSite } from '../kinds/kind';
import { subpathFragment } from '../markdown/parse';
import type { RenderContext, RenderLink, RenderTarget } from '../markdown/render';
import { isDrawing } from '../vault/drawings';
import type { Vault } from '../vault/load';
import type { ParsedNote, VaultEntry } from '../vault/types';
import { tagUrl } from './tags';
import { href, urlComponent } from './urls';

export interface SiteIndex {
  vault: Vault;
  base: string;
  lang: Lang;
  /** Obsidian's "Strict line breaks" (config `strictLineBreaks`). */
  strictLineBreaks?: boolean;
  /** Published page id (a note, or a file of another page kind) → slug. A file without one cannot be linked. */
  pageSlugs: Map<string, string>;
  /** Used attachment id → slug. */
  attachmentSlugs: Map<string, string>;
  /** The registered kind of a file the vault read. */
  kindOf(entry: VaultEntry): FileKind;
}

export function renderContextFor(noteId: string, site: SiteIndex, kindSite?: KindSite): RenderContext {
  return {
    noteId,
    lang: site.lang,
    strictLineBreaks: site.strictLineBreaks,
    // Inside an embed, `link.from` is the embedded note: its relative links resolve from there.
    resolve: (link) => resolveTarget(link.from ?? noteId, link, site, noteId),
    tagHref: (tag) => tagUrl(tag, site.base),
    embedTree: (id) => (site.pageSlugs.has(id) ? site.vault.notes.get(id)?.tree : undefined),
    embedFile: (target, display) => {
      const entry = site.vault.files.get(target.id)!;
      return kindSite && site.kindOf(entry).embed?.(entry, kindSite, display);
    },
  };
}

/**
 * Where a link written in file `fromId` leads on the site, or undefined when it must render as text. On the page of
 * `pageId` (fromId unless the link sits in an embed), `[[#heading]]` of that page is a bare fragment; inside an embed
 * it names the embedded note's heading, on that note's page.
 */
export function resolveTarget(
  fromId: string,
  link: Pick<RenderLink, 'target' | 'subpath'> & { embed?: boolean },
  site: SiteIndex,
  pageId = fromId,
): RenderTarget | undefined {
  const hit = site.vault.resolver.resolve(fromId, link.target);
  if (!hit) return undefined;
  const attachment = site.attachmentSlugs.get(hit.id);
  if (attachment !== undefined) {
    const fragment = link.subpath ? `#${urlComponent(link.subpath)}` : '';
    return {
      href: href(site.base, `attachments/${attachment}`, { page: false }) + fragment,
      kind: 'attachment',
      id: hit.id,
      title: hit.id.slice(hit.id.lastIndexOf('/') + 1),
    };
  }
  const entry = site.vault.files.get(hit.id);
  const url = hit.id === pageId && link.target.trim() === '' ? '' : pageHref(site, hit.id);
  if (url === undefined || !entry) return undefined;
  // A drawing embedded shows its exported image, drawn by its kind, not its text.
  if (!entry.note || (link.embed && isDrawing(entry.note))) return { href: url, kind: 'file', id: hit.id, title: entry.title };
  return { href: url + fragmentFor(entry.note, link.subpath), kind: 'note', id: hit.id, title: entry.title };
}

/** URL of a published page (with the fragment of a note's heading or block), or undefined if it is not published. */
export function pageHref(site: SiteIndex, id: string, subpath?: string): string | undefined {
  const slug = site.pageSlugs.get(id);
  const entry = site.vault.files.get(id);
  if (slug === undefined || !entry) return undefined;
  return href(site.base, slug) + (entry.note ? fragmentFor(entry.note, subpath) : '');
}

function fragmentFor(note: ParsedNote, subpath: string | undefined): string {
  const id = subpathFragment(note, subpath);
  return id ? `#${urlComponent(id)}` : '';
}
