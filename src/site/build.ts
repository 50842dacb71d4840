// load → parse → resolve → graph → render: everything the pages show, computed once per build.
import path from 'node:path';
import type { SiteConfig } from '../config/config';
import { linkGraph } from '../graph/links';
import { graphSections } from '../graph/sections';
import { renderTree } from '../markdown/render';
import { isPublished, loadVault, type Vault } from '../vault/load';
import { openParseCache } from '../vault/parse-cache';
import type { ParsedNote } from '../vault/types';
import { folderTree } from './folders';
import { applyGlossary } from './glossary';
import { findChromium } from './mermaid-browser';
import { renderMermaidBlocks } from './mermaid';
import { folderNeighbours } from './neighbours';
import { propertyViews } from './properties';
import { runDataviewBlocks } from './dataview';
import { noteHref, renderContextFor, resolveTarget, type SiteIndex } from './render-context';
import { buildReport } from './report';
import { tagPages, tagUrl } from './tags';
import type { BacklinkRef, NotePage, NoteRef, SiteData } from './types';
import { timed } from './timings';
import { attachmentSlugs, href, noteSlugs } from './urls';

/** Rendered diagrams survive builds here, keyed by diagram hash; parsed notes, by content hash. */
const MERMAID_CACHE = path.join(process.cwd(), 'node_modules/.cache/tsunagu/mermaid');
const PARSE_CACHE = path.join(process.cwd(), 'node_modules/.cache/tsunagu/parse');

export async function buildSite(config: SiteConfig): Promise<SiteData> {
  const vault = timed('scan+parse', () => {
    const parseCache = openParseCache({ vaultDir: config.vaultDir, cacheDir: PARSE_CACHE, projectDir: process.cwd() });
    const loaded = loadVault({ ...config, parse: parseCache.parse });
    parseCache.save();
    return loaded;
  });
  const published = [...vault.notes.values()].filter(isPublished);
  const publishedIds = new Set(published.map((n) => n.id));
  const index: SiteIndex = {
    vault,
    base: config.base,
    noteSlugs: noteSlugs([...publishedIds]),
    attachmentSlugs: usedAttachments(vault, publishedIds),
  };
  const graph = timed('graph', () => linkGraph(vault.links, publishedIds));
  // Steps that rewrite note trees run before any note is rendered (a note may be embedded in another).
  vault.diagnostics.push(
    ...(await timed('dataview', () =>
      runDataviewBlocks(vault, published, {
        ...config.dataview,
        lang: config.lang,
        hrefFor: (id, subpath) => noteHref(index, id, subpath),
        hrefForTag: (tag) => tagUrl(tag, config.base),
      }),
    )),
  );
  vault.diagnostics.push(
    ...(await timed('mermaid', () => renderMermaidBlocks(published, { lang: config.lang, cacheDir: MERMAID_CACHE, chromium: findChromium() }))),
  );
  const glossary = timed('glossary', () => applyGlossary(vault, published, { ...config.glossary, locale: config.lang, hrefFor: (id) => noteHref(index, id)! }));
  vault.diagnostics.push(...glossary.diagnostics);
  const refOf = (id: string): NoteRef => ({ id, title: vault.notes.get(id)!.title, url: href(config.base, index.noteSlugs.get(id)!) });
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
      withLazyHtml(
        {
          ...refOf(note.id),
          slug: index.noteSlugs.get(note.id)!,
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
        () => timed('render', () => renderTree(note.tree, renderContextFor(note.id, index))),
      ),
    );
  }
  const folders = folderTree(notes, config.base);
  const neighbours = folderNeighbours(folders);
  for (const page of notes) Object.assign(page, neighbours.get(page.id));

  return {
    config: { title: config.title, description: config.description, lang: config.lang, base: config.base, site: config.site },
    notes,
    tags: tagPages(
      notes.map((n) => ({ id: n.id, title: n.title, url: n.url, modified: n.modified, tags: n.tags.map((t) => t.tag) })),
      config.base,
    ),
    folders,
    attachments: [...index.attachmentSlugs].map(([id, slug]) => ({ id, slug, absPath: vault.attachments.get(id)!.absPath })),
    graph: {
      notes: notes.map((n) => ({
        id: n.id,
        title: n.title,
        url: n.url,
        tags: n.tags.map((t) => t.tag),
        aliases: n.aliases,
        created: n.created,
        modified: n.modified,
        outlinks: graph.get(n.id)!.outlinks,
        inlinks: graph.get(n.id)!.inlinks,
      })),
    },
    glossary: glossary.index,
    report: buildReport(vault, published, index.attachmentSlugs),
  };
}

/**
 * A note's HTML is rendered when first read: the dev server renders only the pages it serves (a build reads
 * every one). Every tree rewrite is done by then. Enumerable, so the page still serialises as JSON.
 */
function withLazyHtml(page: Omit<NotePage, 'html'>, render: () => string): NotePage {
  let html: string | undefined;
  return Object.defineProperty(page, 'html', { get: () => (html ??= render()), enumerable: true }) as NotePage;
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

/** Attachments that a published note links to or embeds: only these are copied. */
function usedAttachments(vault: Vault, published: Set<string>): Map<string, string> {
  const used = new Set<string>();
  for (const id of published) {
    // An embed inside a %%comment%% is not shown, so it does not publish its attachment.
    for (const link of vault.links.get(id) ?? []) if (link.to && link.source !== 'comment' && vault.attachments.has(link.to)) used.add(link.to);
  }
  return attachmentSlugs([...used]);
}

function backlink(vault: Vault, from: string, to: string, refOf: (id: string) => NoteRef): BacklinkRef {
  // A link inside %%comment%% counts (Obsidian indexes it) but its words are the author's private text.
  const contexts = (vault.links.get(from) ?? []).filter((l) => l.to === to && l.context && l.source === 'body').map((l) => l.context!);
  return { ...refOf(from), contexts: [...new Set(contexts)] };
}

export type { ParsedNote };
