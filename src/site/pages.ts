// The pages: what each page shows, from the model the steps computed. Serialisable as JSON (see types.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Vault } from '../vault/load';
import type { SiteModel } from './build-steps';
import { folderTree } from './folders';
import { renderOrText, treeText } from './limits';
import { folderNeighbours } from './neighbours';
import { notePreview } from './page-meta';
import { propertyViews } from './properties';
import { frontmatterCssClasses } from '../vault/properties';
import { type Body, bodyOfHtml, openBodies } from './render-cache';
import { resolveTarget } from './render-context';
import { siteGraphView } from './site-graph';
import { buildReport } from './report';
import { tagPages, tagUrl } from './tags';
import { timed } from './timings';
import type { OutgoingEntry } from '../graph/outgoing';
import type { BacklinkRef, FilePage, GraphJson, NotePage, NoteRef, OutgoingRef, SiteData, SiteGraphView } from './types';
import { href } from './urls';

/**
 * Backlinks listed under each outgoing link. Every page repeating a hub's full list would make the site grow with
 * notes × links; the rest is one click away on the hub's own page.
 */
const OUTGOING_BACKLINKS_SHOWN = 20;

/** At the vault's root, the stylesheet Obsidian Publish sites are themed with. */
const PUBLISH_CSS = 'publish.css';

export function sitePages({ config, load: vault, publish, graph, glossary, sections, treeKey }: SiteModel): SiteData {
  const { index, kindSite } = publish;
  // One frozen ref per page, shared by every list that shows it: a ref made per mention, its URL a string of its own,
  // cost about 180 MB at 10,000 notes (each outgoing link lists 20 backlinks; measured in Astro's page loop).
  const refs = new Map<string, NoteRef>();
  const refOf = (id: string): NoteRef => {
    let ref = refs.get(id);
    if (!ref) refs.set(id, (ref = Object.freeze({ id, title: vault.files.get(id)!.title, url: href(config.base, index.pageSlugs.get(id)!) })));
    return ref;
  };
  // An outgoing link's entry is its target's (the same on every page linking there): frozen and shared like a ref.
  const outgoing = new Map<string, OutgoingRef>();
  const outgoingOf = ({ id, backlinks }: OutgoingEntry): OutgoingRef => {
    let entry = outgoing.get(id);
    if (!entry) {
      const shown = Object.freeze(backlinks.slice(0, OUTGOING_BACKLINKS_SHOWN).map(refOf));
      entry = Object.freeze({ ...refOf(id), backlinks: shown, moreBacklinks: Math.max(0, backlinks.length - OUTGOING_BACKLINKS_SHOWN) });
      outgoing.set(id, entry);
    }
    return entry;
  };
  const bodies = openBodies({
    projectDir: process.cwd(),
    settings: { lang: publish.lang, strictLineBreaks: config.strictLineBreaks, base: config.base },
    site: kindSite,
    render: (entry, site) => index.kindOf(entry).render!(entry, site),
    ids: publish.ids,
    treeKey,
  });
  // A render that fails all the same shows the file's text under a notice (src/site/limits.ts): the build goes on.
  const renderPage = (id: string) => {
    const entry = vault.files.get(id)!;
    const text = () => (entry.note ? treeText(entry.note.tree) : readFileSync(entry.file.absPath, 'utf8'));
    return () =>
      timed('render', () => {
        let body: Body | undefined;
        const html = renderOrText(id, () => (body = bodies(entry)).html, text, publish.lang, vault.diagnostics);
        return body ?? bodyOfHtml(html);
      });
  };
  // Obsidian's backlinks pane lists notes by name, in the reader's collation.
  const byTitle = new Intl.Collator(publish.lang);
  const publishCss = path.join(config.vaultDir, PUBLISH_CSS);
  const backlinksOf = (id: string) =>
    graph
      .get(id)!
      .inlinks.map((from) => backlink(vault, from, id, refOf))
      .sort((a, b) => byTitle.compare(a.title, b.title));

  const notes = publish.notes.map((note) => {
    const links = graph.get(note.id)!;
    const noteSections = sections.get(note.id)!;
    return withLazyHtml<NotePage>(
      {
        ...refOf(note.id),
        slug: index.pageSlugs.get(note.id)!,
        name: note.name,
        folder: note.folder,
        tags: note.tags.map((tag) => ({ tag, url: tagUrl(tag, config.base) })),
        aliases: note.aliases,
        cssClasses: frontmatterCssClasses(note.frontmatter),
        created: note.created.toISOString(),
        modified: note.modified.toISOString(),
        headings: note.headings,
        outlinks: links.outlinks.map(refOf),
        backlinks: backlinksOf(note.id),
        related: noteSections.related.map((list) => ({ tag: list.tag, url: tagUrl(list.tag.slice(1), config.base), notes: list.ids.map(refOf) })),
        outgoing: noteSections.outgoing.map(outgoingOf),
        localGraph: { ...noteSections.localGraph, nodes: noteSections.localGraph.nodes.map((node) => ({ ...node, ...refOf(node.id) })) },
        properties: propertyViews(
          glossary.termPages.has(note.id) ? withoutTermKeys(note.frontmatter) : note.frontmatter,
          (link) => resolveTarget(note.id, link, index)?.href,
          publish.lang,
        ),
        term: glossary.termPages.get(note.id),
        preview: notePreview(note, (target) => {
          const image = resolveTarget(note.id, { target }, index);
          return image?.kind === 'attachment' ? image.href : undefined;
        }),
        // A glossary note is the page of the terms it defines (search finds it by their names).
        ...(glossary.glossaryNotes.has(note.id) ? { definesTerms: glossary.glossaryNotes.get(note.id) } : {}),
      },
      renderPage(note.id),
    );
  });
  const pages = publish.pageEntries
    .filter((entry) => !entry.note)
    .map((entry) =>
      withLazyHtml<FilePage>(
        {
          ...refOf(entry.id),
          slug: index.pageSlugs.get(entry.id)!,
          kind: entry.kind,
          folder: entry.id.includes('/') ? entry.id.slice(0, entry.id.lastIndexOf('/')) : '',
          modified: new Date(entry.file.mtimeMs).toISOString(),
          backlinks: backlinksOf(entry.id),
        },
        renderPage(entry.id),
      ),
    );
  // Bases and canvases sit in the folder tree beside the notes, as in Obsidian's file explorer.
  const folders = folderTree([...notes, ...pages], config.base);
  const neighbours = folderNeighbours(folders);
  for (const page of notes) Object.assign(page, neighbours.get(page.id));

  // Field by field: spreading a page would read (render) its body.
  const graphNote = (page: NoteRef, tags: string[], aliases: string[], created: string, modified: string) => ({
    id: page.id,
    title: page.title,
    url: page.url,
    tags,
    aliases,
    created,
    modified,
    outlinks: graph.get(page.id)!.outlinks,
    inlinks: graph.get(page.id)!.inlinks,
  });
  const graphJson: GraphJson = {
    notes: [
      ...notes.map((n) =>
        graphNote(
          n,
          n.tags.map((t) => t.tag),
          n.aliases,
          n.created,
          n.modified,
        ),
      ),
      ...pages.map((p) => graphNote(p, [], [], p.modified, p.modified)),
    ],
  };
  return withLazyGraphView({
    config: { title: config.title, description: config.description, lang: publish.lang, base: config.base, site: config.site },
    notes,
    pages,
    tags: tagPages(
      notes.map((n) => ({ id: n.id, title: n.title, url: n.url, modified: n.modified, tags: n.tags.map((t) => t.tag) })),
      config.base,
    ),
    folders,
    attachments: [...index.attachmentSlugs].map(([id, slug]) => ({ id, slug, absPath: vault.files.get(id)!.file.absPath })),
    graph: graphJson,
    glossary: glossary.index,
    ...(existsSync(publishCss) ? { publishCss } : {}),
    report: buildReport(
      {
        vaultDir: config.vaultDir,
        settingsFiles: config.settingsFiles,
        title: config.title,
        lang: publish.lang,
        ...(publish.detected ? { detected: publish.detected } : {}),
      },
      vault,
      publish.notes,
      pages.length,
      index.attachmentSlugs,
      index.kindOf,
    ),
  });
}

/**
 * `graphView`, laid out when first read. Defined out here: a getter made inside sitePages would keep its whole
 * scope, the vault's trees among it, alive as long as the site.
 */
function withLazyGraphView(site: Omit<SiteData, 'graphView'>): SiteData {
  let graphView: SiteGraphView | undefined;
  return Object.defineProperty(site, 'graphView', { get: () => (graphView ??= siteGraphView(site.graph)), enumerable: true }) as SiteData;
}

/**
 * A page's body is rendered (or taken from the render cache) when first read: the dev server renders only the
 * pages it serves, and a build's page keys read only `bodyKey`, which a cached body has without rendering. Every
 * tree rewrite is done by then. The render is dropped once done: when every page has its body, nothing holds the
 * vault's trees any more. A kept body's HTML stays on disk (render-cache.ts). Enumerable, so the page still
 * serialises as JSON.
 */
function withLazyHtml<Page extends { html: string; bodyKey: string }>(page: Omit<Page, 'html' | 'bodyKey'>, render: () => Body): Page {
  let body: Body | undefined;
  let pending: (() => Body) | undefined = render;
  const read = () => {
    if (!body) {
      body = pending!();
      pending = undefined;
    }
    return body;
  };
  Object.defineProperty(page, 'html', { get: () => read().html, enumerable: true });
  return Object.defineProperty(page, 'bodyKey', { get: () => read().key, enumerable: true }) as Page;
}

/** A term page shows these in its term header already. */
function withoutTermKeys(frontmatter: Record<string, unknown>): Record<string, unknown> {
  const shown = new Set(['type', 'aliases', 'alias', 'reading', 'description']);
  return Object.fromEntries(Object.entries(frontmatter).filter(([key]) => !shown.has(key.toLowerCase())));
}

function backlink(vault: Vault, from: string, to: string, refOf: (id: string) => NoteRef): BacklinkRef {
  // A link inside %%comment%% counts (Obsidian indexes it) but its words are the author's private text.
  const contexts = (vault.links.get(from) ?? []).filter((l) => l.to === to && l.context && l.source === 'body').map((l) => l.context!);
  return { ...refOf(from), contexts: [...new Set(contexts)] };
}
