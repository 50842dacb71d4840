// The dataview step: every ```dataviewjs / ```dataview block and every inline query (`= expression`) of a published
// note is evaluated at build time and replaced, in the note's tree, by its output (or a notice). Readers never see
// the code.
import { readFileSync } from 'node:fs';
import type { Code, Html, InlineCode } from 'mdast';
import { escapeHtml } from '../html/escape';
import { isCodeBlock, isInlineCode, isInlineFieldValue, type Slot, slotsOfEach } from '../markdown/code-block-slots';
import { isIndexedLink } from '../markdown/facts';
import type { InlineFieldNode } from '../markdown/inline-fields';
import { createDataviewEngine, type DataviewEngine, type DvLink, type DvPageInput, inlineJsScript, inlineQueryExpression } from '../dataview';
import type { Lang } from '../config/config';
import type { RenderContext } from '../markdown/render';
import { strings } from '../i18n/strings';
import type { Vault } from '../vault/load';
import { bodyData } from '../dataview/tree-data';
import type { Diagnostic, ParsedNote, ResolvedLink } from '../vault/types';
import type { Replacement } from './steps';

const DATAVIEW_LANGS = new Set(['dataviewjs', 'dataview']);

export interface DataviewStepOptions {
  enabled: boolean;
  timeoutMs: number;
  lang: Lang;
  hrefFor(id: string, subpath?: string): string | undefined;
  hrefForTag(tag: string): string;
  /** Dataview's inlineQueryPrefix: inline code starting with it is an inline query (default `=`; empty: none). */
  inlineQueryPrefix?: string;
  /** Inline JavaScript (`` `$= …` ``) runs; false: such inline code stays code (default true). */
  inlineJs?: boolean;
  /** How the site renders a note's markdown: dataview text values render the same way. */
  renderContext?(id: string): RenderContext;
  /** Dataview's date settings (config `dataview.defaultDateFormat` / `defaultDateTimeFormat`); Dataview's defaults otherwise. */
  defaultDateFormat?: string;
  defaultDateTimeFormat?: string;
}

/** A replacement for each dataview block of the published notes, and a diagnostic per block that could not run. */
export async function runDataviewBlocks(
  vault: Vault,
  published: ParsedNote[],
  options: DataviewStepOptions,
): Promise<{ replacements: Replacement[]; diagnostics: Diagnostic[] }> {
  const prefix = options.inlineQueryPrefix ?? '=';
  const inlineJs = options.inlineJs ?? true;
  const isQuery = isInlineCode((text) => (inlineJs && inlineJsScript(text) !== undefined) || inlineQueryExpression(text, prefix) !== undefined);
  const tests = [isCodeBlock(DATAVIEW_LANGS), isQuery, isInlineFieldValue] as const;
  // One walk of each tree finds all three (the step's host time at 10,000 notes is mostly walks of the trees).
  const found = published.map((note) => ({ note, slots: slotsOfEach(note.tree, tests) }));
  const slotsOf = <Node>(kind: number) => found.flatMap(({ note, slots }) => (slots[kind] as Slot<Node>[]).map((slot) => ({ note, ...slot })));
  const blocks = slotsOf<Code>(0);
  const inlines = slotsOf<InlineCode>(1);
  const fieldValues = slotsOf<InlineFieldNode & { value: string }>(2);
  const replacements: Replacement[] = [];
  if (blocks.length === 0 && inlines.length === 0 && fieldValues.length === 0) return { replacements, diagnostics: [] };
  const t = strings(options.lang);
  if (!options.enabled) {
    for (const { note, path } of blocks) replacements.push({ noteId: note.id, path, node: notice(t.dataviewDisabled) });
    for (const { note, path } of inlines) replacements.push({ noteId: note.id, path, node: inlineNotice(t.dataviewInlineDisabled) });
    return { replacements, diagnostics: [] };
  }
  const engine: DataviewEngine = createDataviewEngine(dataviewPages(vault, published), {
    hrefFor: options.hrefFor,
    hrefForTag: options.hrefForTag,
    renderContext: options.renderContext,
    inlineQueryPrefix: prefix,
    readFile: (path) => publishedFileText(vault, path),
    timeoutMs: options.timeoutMs,
    // Dates in the model are the author's wall time, kept as UTC.
    timeZone: 'UTC',
    collationLocale: options.lang,
    // Dataview formats dates in the app's locale: a Japanese site's readers see what a Japanese Obsidian shows.
    displayLocale: options.lang === 'ja' ? 'ja' : 'en-US',
    defaultDateFormat: options.defaultDateFormat,
    defaultDateTimeFormat: options.defaultDateTimeFormat,
  });
  const diagnostics: Diagnostic[] = [];
  try {
    for (const { note, node, path } of blocks) {
      const result = node.lang?.toLowerCase() === 'dataview' ? await engine.runQuery(node.value, note.id) : await engine.runJs(node.value, note.id);
      if (result.ok) {
        replacements.push({ noteId: note.id, path, node: { type: 'html', value: `<div class="dataview" data-section="dataview">${result.html}</div>` } });
        continue;
      }
      const fenceLine = (node.position?.start.line ?? 1) + note.bodyStartLine - 1;
      diagnostics.push({
        file: note.id,
        line: result.line ? fenceLine + result.line : fenceLine,
        severity: 'warning',
        message: `${node.lang} block could not run: ${result.reason}. The page shows a notice in its place; fix the block or set dataview.enabled: false.`,
      });
      // The notice says what failed, as the build report does; the reason is Dataview's own (English) wording.
      const reason = `${t.dataviewFailed} <span class="dataview-notice-reason">${escapeHtml(result.reason)}</span>`;
      replacements.push({ noteId: note.id, path, node: notice(reason) });
    }
    // Inline fields show their value as Dataview types it: `[due:: 2022-08-13]` reads "August 13, 2022".
    for (const { note, node, path } of fieldValues) {
      const html = engine.fieldValueHtml(node.value, note.id);
      if (html !== undefined) replacements.push({ noteId: note.id, path, node: { ...node, children: [{ type: 'html', value: html }] } });
    }
    for (const { note, node, path } of inlines) {
      const script = inlineJs ? inlineJsScript(node.value) : undefined;
      const result = script ? await engine.runInlineJs(script, note.id) : engine.runInline(inlineQueryExpression(node.value, prefix)!, note.id);
      if (result.ok) {
        replacements.push({ noteId: note.id, path, node: { type: 'html', value: result.html } });
        continue;
      }
      diagnostics.push({
        file: note.id,
        line: (node.position?.start.line ?? 1) + note.bodyStartLine - 1,
        severity: 'warning',
        message: `inline query could not be evaluated: ${result.reason}. The page shows a notice in its place; fix the expression.`,
      });
      const reason = `${t.dataviewInlineFailed} <span class="dataview-notice-reason">${escapeHtml(result.reason)}</span>`;
      replacements.push({ noteId: note.id, path, node: inlineNotice(reason) });
    }
  } finally {
    engine.dispose();
  }
  return { replacements, diagnostics };
}

/** Largest file dv.view and dv.io may read. */
const MAX_READ_BYTES = 2 * 1024 * 1024;

/**
 * The text of a published vault file, for dv.view and dv.io; nothing else. Found like Obsidian's
 * getFirstLinkpathDest: the exact path, else case-insensitively, else the first file whose path ends with it.
 */
function publishedFileText(vault: Vault, path: string): string | undefined {
  const wanted = path.replace(/^\/+/, '').normalize('NFC');
  let entry = vault.files.get(wanted);
  if (!entry) {
    const lower = wanted.toLowerCase();
    const entries = [...vault.files.values()];
    entry = entries.find((e) => e.id.toLowerCase() === lower) ?? entries.find((e) => e.id.toLowerCase().endsWith(`/${lower}`));
  }
  if (!entry?.publish.published || entry.file.size > MAX_READ_BYTES) return undefined;
  try {
    return readFileSync(entry.file.absPath, 'utf8');
  } catch {
    return undefined;
  }
}

function notice(text: string): Html {
  return { type: 'html', value: `<div class="dataview-notice" data-section="dataview" role="note">${text}</div>` };
}

function inlineNotice(text: string): Html {
  return { type: 'html', value: `<span class="dataview-notice dataview-inline-notice" role="note">${text}</span>` };
}

/** The snapshot Dataview sees: published notes only; links to private notes are left out. */
export function dataviewPages(vault: Vault, published: ParsedNote[]): DvPageInput[] {
  const publishedIds = new Set(published.map((n) => n.id));
  const inlinks = new Map<string, Set<string>>();
  for (const note of published) {
    for (const link of visibleLinks(vault, note.id)) {
      if (link.to && publishedIds.has(link.to)) (inlinks.get(link.to) ?? inlinks.set(link.to, new Set()).get(link.to)!).add(note.id);
    }
  }
  const dvLinks = (links: ResolvedLink[]) =>
    links.flatMap((link): DvLink[] => {
      // A file that is not published (a private note, a base in an excluded folder…) is not even a path here.
      if (link.to && vault.files.get(link.to)?.publish.published === false) return [];
      const type = !link.subpath ? 'file' : link.subpath.startsWith('^') ? 'block' : 'header';
      return [{ path: link.to ?? link.target, subpath: link.subpath, display: link.display, embed: link.embed, type }];
    });
  return published.map((note) => {
    const links = visibleLinks(vault, note.id);
    const body = bodyData(note.tree, note.bodyStartLine, (first, last) =>
      dvLinks(links.filter((link) => link.source === 'body' && link.line >= first && link.line <= last)),
    );
    return {
      path: note.id,
      name: note.name,
      folder: note.folder,
      etags: note.tags,
      outlinks: dvLinks(links),
      fields: body.fields,
      // Read when a query or a block reads a page's list items.
      get lists() {
        return body.lists;
      },
      inlinks: [...(inlinks.get(note.id) ?? [])].sort(),
      ctime: note.created.getTime(),
      mtime: note.modified.getTime(),
      day: /^\d{4}-\d{2}-\d{2}$/.test(note.name) ? note.name : undefined,
      frontmatter: note.frontmatter,
      size: vault.files.get(note.id)?.file.size,
    };
  });
}

function visibleLinks(vault: Vault, id: string) {
  return (vault.links.get(id) ?? []).filter(isIndexedLink);
}
