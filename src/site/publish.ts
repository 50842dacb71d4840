// The privacy filter: which files the site publishes (pages of published files, attachments a published page
// uses) and under which slugs. Everything later asks this, never the vault, whether a file may be shown.
import type { Lang } from '../config/config';
import type { FileKind, KindSite } from '../kinds/kind';
import { type DetectedLang, detectLang } from './lang';
import type { TreeKey } from './tree-states';
import { drawingImages, isDrawing } from '../vault/drawings';
import type { Vault } from '../vault/load';
import { homeNoteId, permalinkProperty } from '../vault/properties';
import type { Diagnostic, ParsedNote, VaultEntry } from '../vault/types';
import { pageHref, renderContextFor, type SiteIndex } from './render-context';
import { attachmentSlugs, href, noteSlugs, type PermalinkTaken } from './urls';

export interface Published {
  index: SiteIndex;
  /** Every published file with a page of its own, notes among them, in id order. */
  pageEntries: VaultEntry[];
  /** The published notes. */
  notes: ParsedNote[];
  /** Ids of `pageEntries`. */
  ids: Set<string>;
  /** What a kind may know of the site when it renders a page or an embed. */
  kindSite: KindSite;
  /** The site's language: the settings', else detected from the published notes (`detected` says how). */
  lang: Lang;
  detected?: DetectedLang;
  /** Permalinks that could not be their note's URL. */
  diagnostics: Diagnostic[];
}

interface PublishOptions {
  base: string;
  /** Undefined: detected from the published notes' prose. */
  lang?: Lang;
  strictLineBreaks?: boolean;
  kinds: readonly FileKind[];
  /** First path segments of the site's own routes. */
  reserved: ReadonlySet<string>;
  /** Trees as keys: a note's language vote is reused while its tree is unchanged (lang.ts). */
  treeKey?: TreeKey;
}

export function publishedFiles(vault: Vault, { base, lang: setLang, strictLineBreaks, kinds, reserved, treeKey }: PublishOptions): Published {
  const byName = new Map(kinds.map((kind) => [kind.name, kind]));
  // Every entry's kind is registered: the scan named it.
  const kindOf = (entry: VaultEntry) => byName.get(entry.kind)!;
  const pageEntries = [...vault.files.values()].filter((entry) => kindOf(entry).output === 'page' && entry.publish.published);
  const notes = pageEntries.flatMap((entry) => (entry.note ? [entry.note] : []));
  const ids = new Set(pageEntries.map((entry) => entry.id));
  // Before any step rewrites a tree: dataview results and term links are not the author's prose.
  const detected = setLang ? undefined : detectLang(notes, treeKey);
  const lang = setLang ?? detected!.lang;
  const permalinks = new Map(
    notes.flatMap((note) => {
      const permalink = permalinkProperty(note.frontmatter);
      return permalink ? [[note.id, permalink.path]] : [];
    }),
  );
  const home = homeNoteId(notes);
  if (home) permalinks.set(home, '/');
  const taken: PermalinkTaken[] = [];
  const pageSlugs = noteSlugs([...ids], reserved, permalinks, (t) => taken.push(t));
  const index: SiteIndex = {
    vault,
    base,
    lang,
    strictLineBreaks,
    pageSlugs,
    attachmentSlugs: usedAttachments(vault, ids, kindOf),
    kindOf,
  };
  const kindSite: KindSite = {
    lang,
    renderContext: (id) => renderContextFor(id, index, kindSite),
    href: (id, subpath) => pageHref(index, id, subpath) ?? attachmentHref(index, id),
    notes,
  };
  const diagnostics = taken.map((t) => permalinkTaken(vault.notes.get(t.id)!, t, href(base, pageSlugs.get(t.id)!)));
  return { index, pageEntries, notes, ids, kindSite, lang, ...(detected ? { detected } : {}), diagnostics };
}

function permalinkTaken(note: ParsedNote, { slug, heldBy }: PermalinkTaken, kept: string): Diagnostic {
  const { key, path } = permalinkProperty(note.frontmatter)!;
  const holder = 'id' in heldBy ? (slug === '' ? `${heldBy.id}, the home page` : `the permalink of ${heldBy.id}`) : `the site's own ${heldBy.path} pages`;
  return {
    file: note.id,
    line: note.frontmatterLines[key] ?? 1,
    message: `${key}: "${path}" (${slug ? `/${slug}/` : '/'}) is taken by ${holder}; ${note.id} keeps its own URL ${kept}. Choose another permalink.`,
    severity: 'warning',
  };
}

/** Files of a copied kind (attachments) that a published page links to or embeds: only these are copied. */
function usedAttachments(vault: Vault, published: Set<string>, kindOf: (entry: VaultEntry) => FileKind): Map<string, string> {
  const isCopied = (entry: VaultEntry | undefined) => entry !== undefined && kindOf(entry).output === 'copy' && entry.publish.published;
  const used = new Set<string>();
  for (const id of published) {
    // An embed inside a %%comment%% is not shown, so it does not publish its attachment.
    for (const link of vault.links.get(id) ?? []) if (link.to && link.source !== 'comment' && isCopied(vault.files.get(link.to))) used.add(link.to);
    // A drawing's page and embeds show the image the plugin exported beside it.
    const note = vault.notes.get(id);
    const images = note && isDrawing(note) ? drawingImages(id, (file) => isCopied(vault.files.get(file))) : undefined;
    for (const image of images ? [images.light, images.dark] : []) if (image) used.add(image);
  }
  return attachmentSlugs([...used]);
}

function attachmentHref(index: SiteIndex, id: string): string | undefined {
  const slug = index.attachmentSlugs.get(id);
  return slug === undefined ? undefined : href(index.base, `attachments/${slug}`, { page: false });
}
