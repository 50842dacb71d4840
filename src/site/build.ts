// load → parse → resolve → graph → render: everything the pages show, computed once per build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/config';
import { linkGraph } from '../graph/links';
import { graphSections } from '../graph/sections';
import type { FileKind, KindSite } from '../kinds/kind';
import { KINDS } from '../kinds/registry';
import { loadVault, type Vault } from '../vault/load';
import { openParseCache } from '../vault/parse-cache';
import type { ParsedNote, VaultEntry } from '../vault/types';
import { folderTree } from './folders';
import { applyGlossary } from './glossary';
import { findChromium } from './mermaid-browser';
import { highlightCodeBlocks } from './code-highlight';
import { renderMath } from './math';
import { renderMermaidBlocks } from './mermaid';
import { addLimitNotices, renderOrText, treeText } from './limits';
import { folderNeighbours } from './neighbours';
import { propertyViews } from './properties';
import { runDataviewBlocks } from './dataview';
import { pageHref, renderContextFor, resolveTarget, type SiteIndex } from './render-context';
import { buildReport } from './report';
import { tagPages, tagUrl } from './tags';
import type { BacklinkRef, FilePage, NotePage, NoteRef, SiteData } from './types';
import { timed } from './timings';
import { attachmentSlugs, href, noteSlugs } from './urls';

/** Rendered diagrams survive builds here, keyed by diagram hash; parsed notes, by content hash. */
const MERMAID_CACHE = path.join(process.cwd(), 'node_modules/.cache/tsunagu/mermaid');
/** Highlighted code, keyed by (language, code, themes, Shiki version). */
const CODE_CACHE = path.join(process.cwd(), 'node_modules/.cache/tsunagu/code');
const PARSE_CACHE = path.join(process.cwd(), 'node_modules/.cache/tsunagu/parse');

/** `kinds`: the registry's, unless a test brings its own. */
export async function buildSite(config: SiteConfig, kinds: readonly FileKind[] = KINDS): Promise<SiteData> {
  const byName = new Map(kinds.map((kind) => [kind.name, kind]));
  // Every entry's kind is registered: the scan named it.
  const kindOf = (entry: VaultEntry) => byName.get(entry.kind)!;
  const vault = timed('scan+parse', () => {
    const parseCache = openParseCache({ vaultDir: config.vaultDir, cacheDir: PARSE_CACHE, projectDir: process.cwd() });
    const loaded = loadVault({ ...config, kinds, parse: parseCache.parse });
    parseCache.save();
    return loaded;
  });
  // Every published file with a page of its own (notes first among them: most of the site is about notes).
  const pageEntries = [...vault.files.values()].filter((entry) => kindOf(entry).output === 'page' && entry.publish.published);
  const published = pageEntries.flatMap((entry) => (entry.note ? [entry.note] : []));
  const publishedIds = new Set(pageEntries.map((entry) => entry.id));
  const index: SiteIndex = {
    vault,
    base: config.base,
    pageSlugs: noteSlugs([...publishedIds]),
    attachmentSlugs: usedAttachments(vault, publishedIds, kindOf),
    kindOf,
  };
  const kindSite: KindSite = {
    lang: config.lang,
    renderContext: (id) => renderContextFor(id, index, kindSite),
    href: (id, subpath) => pageHref(index, id, subpath) ?? attachmentHref(index, id),
    notes: published,
  };
  addLimitNotices(published, config.lang);
  const graph = timed('graph', () => linkGraph(vault.links, publishedIds));
  // Steps that rewrite note trees run before any note is rendered (a note may be embedded in another).
  vault.diagnostics.push(
    ...(await timed('dataview', () =>
      runDataviewBlocks(vault, published, {
        ...config.dataview,
        lang: config.lang,
        hrefFor: (id, subpath) => pageHref(index, id, subpath),
        hrefForTag: (tag) => tagUrl(tag, config.base),
      }),
    )),
  );
  vault.diagnostics.push(
    ...(await timed('mermaid', () => renderMermaidBlocks(published, { lang: config.lang, cacheDir: MERMAID_CACHE, chromium: findChromium() }))),
  );
  vault.diagnostics.push(...timed('math', () => renderMath(published, { lang: config.lang })));
  await timed('code', () => highlightCodeBlocks(published, { cacheDir: CODE_CACHE }));
  const glossary = timed('glossary', () => applyGlossary(vault, published, { ...config.glossary, locale: config.lang, hrefFor: (id) => pageHref(index, id)! }));
  vault.diagnostics.push(...glossary.diagnostics);
  const refOf = (id: string): NoteRef => ({ id, title: vault.files.get(id)!.title, url: href(config.base, index.pageSlugs.get(id)!) });
  const sectionsOf = graphSections(
    published.map((n) => ({ id: n.id, tags: n.tags, modified: n.modified.getTime() })),
    graph,
    { depth: config.graph.depth, locale: config.lang },
  );

  // Obsidian's backlinks pane lists notes by name, in the reader's collation.
  const byTitle = new Intl.Collator(config.lang);
  const notes: NotePage[] = [];
  for (const note of published) {
    const links = graph.get(note.id)!;
    const sections = timed('graph', () => sectionsOf(note.id));
    notes.push(
      withLazyHtml<NotePage>(
        {
          ...refOf(note.id),
          slug: index.pageSlugs.get(note.id)!,
          name: note.name,
          folder: note.folder,
          tags: note.tags.map((tag) => ({ tag, url: tagUrl(tag, config.base) })),
          aliases: note.aliases,
          created: note.created.toISOString(),
          modified: note.modified.toISOString(),
          headings: note.headings,
          outlinks: links.outlinks.map(refOf),
          backlinks: links.inlinks.map((from) => backlink(vault, from, note.id, refOf)).sort((a, b) => byTitle.compare(a.title, b.title)),
          related: sections.related.map((list) => ({ tag: list.tag, url: tagUrl(list.tag.slice(1), config.base), notes: list.ids.map(refOf) })),
          outgoing: sections.outgoing.map((target) => ({
            ...refOf(target.id),
            backlinks: target.backlinks.slice(0, OUTGOING_BACKLINKS_SHOWN).map(refOf),
            moreBacklinks: Math.max(0, target.backlinks.length - OUTGOING_BACKLINKS_SHOWN),
          })),
          localGraph: { ...sections.localGraph, nodes: sections.localGraph.nodes.map((node) => ({ ...node, ...refOf(node.id) })) },
          properties: propertyViews(
            glossary.termPages.has(note.id) ? withoutTermKeys(note.frontmatter) : note.frontmatter,
            (link) => resolveTarget(note.id, link, index)?.href,
            config.lang,
          ),
          term: glossary.termPages.get(note.id),
        },
        () =>
          timed('render', () =>
            renderOrText(
              note.id,
              () => kindOf(vault.files.get(note.id)!).render!(vault.files.get(note.id)!, kindSite),
              () => treeText(note.tree),
              config.lang,
              vault.diagnostics,
            ),
          ),
      ),
    );
  }
  const pages: FilePage[] = pageEntries
    .filter((entry) => !entry.note)
    .map((entry) =>
      withLazyHtml<FilePage>(
        {
          ...refOf(entry.id),
          slug: index.pageSlugs.get(entry.id)!,
          kind: entry.kind,
          modified: new Date(entry.file.mtimeMs).toISOString(),
          backlinks: graph
            .get(entry.id)!
            .inlinks.map((from) => backlink(vault, from, entry.id, refOf))
            .sort((a, b) => byTitle.compare(a.title, b.title)),
        },
        () =>
          timed('render', () =>
            renderOrText(
              entry.id,
              () => kindOf(entry).render!(entry, kindSite),
              () => readFileSync(entry.file.absPath, 'utf8'),
              config.lang,
              vault.diagnostics,
            ),
          ),
      ),
    );
  const folders = folderTree(notes, config.base);
  const neighbours = folderNeighbours(folders);
  for (const page of notes) Object.assign(page, neighbours.get(page.id));

  return {
    config: { title: config.title, description: config.description, lang: config.lang, base: config.base, site: config.site },
    notes,
    pages,
    tags: tagPages(
      notes.map((n) => ({ id: n.id, title: n.title, url: n.url, modified: n.modified, tags: n.tags.map((t) => t.tag) })),
      config.base,
    ),
    folders,
    attachments: [...index.attachmentSlugs].map(([id, slug]) => ({ id, slug, absPath: vault.files.get(id)!.file.absPath })),
    graph: {
      notes: [...notes.map((n) => ({ ...n, tags: n.tags.map((t) => t.tag) })), ...pages.map((p) => ({ ...p, tags: [], aliases: [], created: p.modified }))].map(
        (n) => ({
          id: n.id,
          title: n.title,
          url: n.url,
          tags: n.tags,
          aliases: n.aliases,
          created: n.created,
          modified: n.modified,
          outlinks: graph.get(n.id)!.outlinks,
          inlinks: graph.get(n.id)!.inlinks,
        }),
      ),
    },
    glossary: glossary.index,
    report: buildReport(vault, published, pages.length, index.attachmentSlugs, kindOf),
  };
}

/**
 * A note's HTML is rendered when first read: the dev server renders only the pages it serves (a build reads
 * every one). Every tree rewrite is done by then. Enumerable, so the page still serialises as JSON.
 */
function withLazyHtml<Page extends { html: string }>(page: Omit<Page, 'html'>, render: () => string): Page {
  let html: string | undefined;
  return Object.defineProperty(page, 'html', { get: () => (html ??= render()), enumerable: true }) as Page;
}

/**
 * Backlinks listed under each outgoing link. Every page repeating a hub's full list would make the site grow with
 * notes × links; the rest is one click away on the hub's own page.
 */
const OUTGOING_BACKLINKS_SHOWN = 20;

/** A term page shows these in its term header already. */
function withoutTermKeys(frontmatter: Record<string, unknown>): Record<string, unknown> {
  const shown = new Set(['type', 'aliases', 'alias', 'reading', 'description']);
  return Object.fromEntries(Object.entries(frontmatter).filter(([key]) => !shown.has(key.toLowerCase())));
}

/** Files of a copied kind (attachments) that a published page links to or embeds: only these are copied. */
function usedAttachments(vault: Vault, published: Set<string>, kindOf: (entry: VaultEntry) => FileKind): Map<string, string> {
  const isCopied = (entry: VaultEntry | undefined) => entry !== undefined && kindOf(entry).output === 'copy' && entry.publish.published;
  const used = new Set<string>();
  for (const id of published) {
    // An embed inside a %%comment%% is not shown, so it does not publish its attachment.
    for (const link of vault.links.get(id) ?? []) if (link.to && link.source !== 'comment' && isCopied(vault.files.get(link.to))) used.add(link.to);
  }
  return attachmentSlugs([...used]);
}

function attachmentHref(index: SiteIndex, id: string): string | undefined {
  const slug = index.attachmentSlugs.get(id);
  return slug === undefined ? undefined : href(index.base, `attachments/${slug}`, { page: false });
}

function backlink(vault: Vault, from: string, to: string, refOf: (id: string) => NoteRef): BacklinkRef {
  // A link inside %%comment%% counts (Obsidian indexes it) but its words are the author's private text.
  const contexts = (vault.links.get(from) ?? []).filter((l) => l.to === to && l.context && l.source === 'body').map((l) => l.context!);
  return { ...refOf(from), contexts: [...new Set(contexts)] };
}

export type { ParsedNote };
