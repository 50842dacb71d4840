// The bases step: every `.base` page, ```base block and `![[x.base#View]]` embed of a published note is evaluated
// at build time over the published files and replaced, in the tree, by its views as HTML. Each (base, view, this)
// is evaluated once; a view that does not read `this` once for every page showing it.
import { createHash } from 'node:crypto';
import type { Root, RootContent } from 'mdast';
import type { Lang } from '../config/config';
import { escapeHtml } from '../html/escape';
import { strings } from '../i18n/strings';
import { codeBlocks } from '../markdown/code-block-slots';
import { isIndexedLink } from '../markdown/facts';
import type { WikiLink } from '../markdown/wikilinks';
import { readBase } from '../bases/model';
import { BaseRun, type CompiledBase, compileBase, type Problem, type ViewResult } from '../bases/query';
import { renderViews } from '../bases/render';
import { createSnapshot } from '../bases/snapshot';
import type { Entry, EntryInput, Snapshot } from '../bases/values';
import { trustedHtml } from '../safety/trusted';
import { applyReplacement } from './steps';
import type { Vault } from '../vault/load';
import type { Diagnostic, ParsedNote, VaultEntry } from '../vault/types';
import type { BaseData } from '../kinds/base';

export interface BasesStepOptions {
  lang: Lang;
  /** The build's clock (ms), read only if a base reads it (`now()`, `today()`, `relative()`, `random()`). */
  clock(): number;
  hrefFor(id: string): string | undefined;
  hrefForTag(tag: string): string;
  /** Attachments copied to the site: the only attachments a base can list (besides published notes, bases, canvases). */
  attachments: Map<string, { size: number; mtimeMs: number }>;
}

const BASE_LANG = new Set(['base']);

/** Fills each base page's body and rewrites the notes' trees in place: `rewrote` names those notes. */
export function runBases(vault: Vault, published: ParsedNote[], options: BasesStepOptions): { diagnostics: Diagnostic[]; rewrote: string[] } {
  const bases = [...vault.files.values()].filter((e): e is VaultEntry<BaseData> => e.kind === 'base' && e.publish.published);
  const blocks = published.flatMap((note) => codeBlocks(note.tree, BASE_LANG).map((block) => ({ note, ...block })));
  const embeds = published.flatMap((note) => baseEmbeds(vault, note).map((embed) => ({ note, ...embed })));
  const rewrote = [...new Set([...blocks, ...embeds].map(({ note }) => note.id))];
  if (!bases.length && !blocks.length && !embeds.length) return { diagnostics: [], rewrote };

  const snapshot = baseSnapshot(vault, published, bases, options.attachments);
  const diagnostics = new Map<string, Diagnostic>();
  const report = (file: string, lineOffset: number, problems: Problem[]) => {
    for (const p of problems) {
      const line = lineOffset + p.line;
      const key = `${file}:${line}`;
      if (!diagnostics.has(key))
        diagnostics.set(key, { file, line, severity: 'warning', message: `base: ${p.message}. The view shows a notice; fix the expression.` });
    }
  };
  const compiled = new Map<string, CompiledBase>();
  const compiledFile = (entry: VaultEntry<BaseData>) => {
    let base = compiled.get(entry.id);
    if (!base) compiled.set(entry.id, (base = compileBase(readBase(entry.data.source))));
    return base;
  };
  // One time for every base of the build.
  let clockMs: number | undefined;
  const now = (base: CompiledBase) => (base.usesClock ? (clockMs ??= options.clock()) : 0);
  const runs = new Map<string, BaseRun>();
  const cache = new Map<string, ViewResult>();
  const evaluate = (base: CompiledBase, key: string, baseFile: string, index: number, self: Entry | undefined, reportAs: [string, number]) => {
    const cacheKey = `${key}\0${index}\0${base.viewUsesThis[index] ? (self?.id ?? '') : ''}`;
    let result = cache.get(cacheKey);
    if (!result) {
      // Views of one base for one `this` share the evaluator and the files passing the base's filters.
      const runKey = `${key}\0${base.viewUsesThis.some(Boolean) ? (self?.id ?? '') : ''}`;
      let run = runs.get(runKey);
      if (!run) runs.set(runKey, (run = new BaseRun(base, { snapshot, now: now(base), locale: options.lang, baseFile, thisEntry: self })));
      result = run.view(index);
      cache.set(cacheKey, result);
      report(reportAs[0], reportAs[1], result.problems);
    }
    return result;
  };
  const render = (idPrefix: string) => ({ lang: options.lang, hrefFor: options.hrefFor, tagHref: options.hrefForTag, idPrefix });
  const asOf = (base: CompiledBase) => (base.usesClock ? now(base) : undefined);
  const all = (base: CompiledBase, key: string, baseFile: string, self: Entry | undefined, reportAs: [string, number]) =>
    base.model.views.map((_, i) => evaluate(base, key, baseFile, i, self, reportAs));
  const broken = (base: CompiledBase) => (base.model.views.length === 0 && base.problems.length ? strings(options.lang).baseBroken : undefined);

  for (const entry of bases) {
    const base = compiledFile(entry);
    const results = all(base, entry.id, entry.id, snapshot.byId.get(entry.id), [entry.id, 0]);
    report(entry.id, 0, base.problems);
    // The page body goes out as the kind renders it (no sanitizer on the way): every value in it is escaped by render.ts.
    entry.data.html = broken(base) ? notice(broken(base)!) : renderViews(results, render(prefixFor(entry.id)), asOf(base));
  }
  for (const { note, node, path } of blocks) {
    const fenceLine = (node.position?.start.line ?? 1) + note.bodyStartLine - 1;
    const base = compileBase(readBase(node.value));
    report(note.id, fenceLine, base.problems);
    const key = `${note.id}\0block${fenceLine}`;
    const results = all(base, key, note.id, snapshot.byId.get(note.id), [note.id, fenceLine]);
    const html = broken(base) ? notice(broken(base)!) : renderViews(results, render(prefixFor(key)), asOf(base));
    applyReplacement(note.tree, { path, node: embedNode(html, 'base-block') });
  }
  for (const { note, link, parent, index, baseEntry } of embeds) {
    const base = compiledFile(baseEntry);
    report(baseEntry.id, 0, base.problems);
    const t = strings(options.lang);
    let html: string;
    if (broken(base)) html = notice(broken(base)!);
    else if (base.model.views.length === 0) html = notice(t.baseNoViews);
    else {
      const named = link.subpath === undefined ? 0 : base.model.views.findIndex((v) => v.name === link.subpath);
      const caseless = named < 0 ? base.model.views.findIndex((v) => v.name.toLowerCase() === link.subpath!.toLowerCase()) : named;
      const which = Math.max(0, caseless);
      const result = evaluate(base, baseEntry.id, baseEntry.id, which, snapshot.byId.get(note.id), [baseEntry.id, 0]);
      const missing = caseless < 0 ? t.baseUnknownView(link.subpath!) : undefined;
      html = renderViews([result], render(''), asOf(base), missing);
    }
    parent.children[index] = embedNode(html, 'base-embed', baseEntry.id);
  }
  return { diagnostics: [...diagnostics.values()], rewrote };
}

/** The published files as bases see them, as Obsidian lists a vault's files: notes, bases, canvases and the attachments copied to the site. */
function baseSnapshot(vault: Vault, published: ParsedNote[], bases: VaultEntry<BaseData>[], attachments: BasesStepOptions['attachments']): Snapshot {
  const linksOf = (id: string) => (vault.links.get(id) ?? []).filter(isIndexedLink);
  const file = (id: string, kind: EntryInput['kind'], size: number, ctime: Date, mtime: Date, links: EntryInput['links'] = []): EntryInput => ({
    id,
    kind,
    size,
    ctime,
    mtime,
    tags: [],
    links,
    frontmatter: {},
  });
  const notes = published.map((note) => ({
    ...file(note.id, 'note', vault.files.get(note.id)?.file.size ?? 0, note.created, note.modified, linksOf(note.id)),
    tags: note.tags,
    frontmatter: note.frontmatter,
  }));
  const baseFiles = bases.map((entry) => file(entry.id, 'base', entry.file.size, entry.data.created, entry.data.modified, linksOf(entry.id)));
  // A canvas has no dates of its own to read: its file's, as for attachments.
  const canvases = [...vault.files.values()]
    .filter((entry) => entry.kind === 'canvas' && entry.publish.published)
    .map((entry) => file(entry.id, 'canvas', entry.file.size, new Date(entry.file.mtimeMs), new Date(entry.file.mtimeMs), linksOf(entry.id)));
  const copied = [...attachments].map(([id, f]) => file(id, 'attachment', f.size, new Date(f.mtimeMs), new Date(f.mtimeMs)));
  return createSnapshot(
    [...notes, ...baseFiles, ...canvases, ...copied].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    (from, target) => vault.resolver.resolve(from, target)?.id,
  );
}

interface EmbedSlot {
  link: WikiLink;
  parent: { children: RootContent[] };
  index: number;
  baseEntry: VaultEntry<BaseData>;
}

/** `![[x.base]]` / `![[x.base#View]]` in a note's tree that lead to a published base. */
function baseEmbeds(vault: Vault, note: ParsedNote): EmbedSlot[] {
  const found: EmbedSlot[] = [];
  const walk = (parent: { children?: RootContent[] }) => {
    parent.children?.forEach((child, index) => {
      if (child.type === ('wikiLink' as string)) {
        const link = child as unknown as WikiLink;
        if (!link.embed) return;
        const id = vault.resolver.resolve(note.id, link.target)?.id;
        const entry = id ? vault.files.get(id) : undefined;
        if (entry?.kind === 'base' && entry.publish.published)
          found.push({ link, parent: parent as EmbedSlot['parent'], index, baseEntry: entry as VaultEntry<BaseData> });
      } else if ('children' in child) walk(child as { children: RootContent[] });
    });
  };
  walk(note.tree as Root);
  return found;
}

/** A block element (so a paragraph holding the embed is split around it) around trusted HTML. */
function embedNode(html: string, className: string, of?: string): RootContent {
  return {
    type: 'baseView',
    data: { hName: 'div', hProperties: { className: [className], ...(of ? { dataEmbedOf: of } : {}) } },
    children: [{ type: 'html', value: trustedHtml(html) }],
  } as unknown as RootContent;
}

function notice(text: string): string {
  return `<p class="base-notice base-notice-error" role="note">${escapeHtml(text)}</p>`;
}

function prefixFor(key: string): string {
  return `base-${createHash('sha1').update(key).digest('hex').slice(0, 8)}`;
}
