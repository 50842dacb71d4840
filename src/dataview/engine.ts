// A dataview engine for one build: the snapshot of published pages is serialised and loaded into the sandbox once,
// and each block then comes back as HTML or as a reason it could not be shown.
import { collateFunction, collationRanks, zoneOffsetFunction } from './host-helpers';
import { inlineQueryExpression, runDql, runInlineDql, typedFieldValue } from './dql';
import { VaultIndex } from './dql/vault-index';
import { DEFAULT_DATE_FORMAT, DEFAULT_DATE_TIME_FORMAT, DISPLAY, type DisplaySettings, Link, setCollation } from './dql/values';
import { describeFailure } from './errors';
import { escapeHtml } from './html';
import { inlineMarkdownRenderer, snapshotRenderContext } from './markdown';
import { answerRequest } from './host-requests';
import { type SnapshotKeys, sandboxFields, tagPages } from './snapshot-values';
import { type Layout, type Links, linkHtml, renderBlockOutput, renderInlineQuery, renderInlineValue, renderOutput } from './render';
import { BLOCK_FILE, BLOCK_PREFIX, createSandbox, type Sandbox, type SandboxHost, type SandboxLimits } from './sandbox';
import type { SnapshotPage } from './sandbox/pages';
import type { DataviewOptions, DataviewResult, DvLink, DvPageInput } from './types';

const DEFAULT_TIMEOUT_MS = 1000;
const DEFAULT_MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

export interface DataviewEngine {
  /** Runs a ```dataviewjs block written in the note at `currentPath`. */
  runJs(code: string, currentPath: string): Promise<DataviewResult>;
  /** Runs a ```dataview block (any DQL query, evaluated on the host). */
  runQuery(query: string, currentPath: string): Promise<DataviewResult>;
  /** Runs inline JavaScript (`` `$= script` `` without the prefix) in the sandbox: its value, as an inline span. */
  runInlineJs(script: string, currentPath: string): Promise<DataviewResult>;
  /** Evaluates an inline query's expression (`` `= expression` `` without the prefix), as an inline span. */
  runInline(expression: string, currentPath: string): DataviewResult;
  /** An inline field's value (as written) as Dataview's reading view draws it, when that is not its text (a date). */
  fieldValueHtml(raw: string, currentPath: string): string | undefined;
  /** Frees the sandbox (WebAssembly memory); a later block would load the snapshot again. */
  dispose(): void;
}

export function createDataviewEngine(pages: DvPageInput[], options: DataviewOptions): DataviewEngine {
  const host: SandboxHost = {
    zoneOffset: zoneOffsetFunction(options.timeZone),
    collate: collateFunction(options.collationLocale),
    readFile: options.readFile ?? (() => undefined),
    request: (json) => answerRequest(json, index()),
  };
  const limits: SandboxLimits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    memoryLimitBytes: options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES,
  };
  let sandbox: Promise<Sandbox> | undefined;
  let snapshot: VaultIndex | undefined;
  const index = () => (snapshot ??= new VaultIndex(pages, host.readFile));
  const context = options.renderContext ?? snapshotRenderContext(index(), options);
  const prefix = options.inlineQueryPrefix ?? '=';
  // An inline query's own value renders without further inline queries: a field holding one cannot loop.
  const valueMarkdown = inlineMarkdownRenderer(context);
  const inline = (expression: string, originPath: string): DataviewResult => {
    settle();
    const outcome = runInlineDql(expression, originPath, index());
    if (!outcome.ok) return outcome;
    return { ok: true, html: renderInlineQuery(outcome.value, { hrefFor: options.hrefFor, originPath, markdown: valueMarkdown }) };
  };
  const fieldValueHtml = (raw: string, originPath: string): string | undefined => {
    settle();
    const value = typedFieldValue(raw, originPath, index());
    return value && renderInlineValue(value, { hrefFor: options.hrefFor, originPath, markdown: valueMarkdown });
  };
  const markdown = inlineMarkdownRenderer(context, {
    expression: (code) => inlineQueryExpression(code, prefix),
    html(expression, originPath) {
      const result = inline(expression, originPath);
      return result.ok ? result.html : `<span class="dataview dataview-error">${escapeHtml(result.reason)}</span>`;
    },
    fieldValueHtml,
  });
  /** Links to the snapshot's pages by number, as the sandbox names them in output: made once per page listed. */
  const pageLinks: string[] = [];
  const pageLink = (number: number): string | undefined => {
    const target = index().pages[number];
    if (target === undefined) return undefined;
    return (pageLinks[number] ??= linkHtml(options.hrefFor(target.path, undefined), Link.file(target.path).text()));
  };
  const links = (originPath: string): Links => ({
    hrefFor: options.hrefFor,
    originPath,
    pageLink,
    markdown,
    resolve: (link) => context(originPath).resolve(link),
  });
  // Module-wide settings of the DQL values; set again before each call, as engines can coexist.
  const display: DisplaySettings = {
    zone: options.timeZone ?? 'system',
    locale: options.displayLocale ?? 'en-US',
    dateFormat: options.defaultDateFormat ?? DEFAULT_DATE_FORMAT,
    dateTimeFormat: options.defaultDateTimeFormat ?? DEFAULT_DATE_TIME_FORMAT,
  };
  const settle = () => {
    Object.assign(DISPLAY, display);
    setCollation(host.collate);
  };
  settle();

  function snapshotJson(): string {
    // In the index's order (Obsidian's listing), which dv.pages() keeps as Dataview does.
    const pages = index().pages;
    const ranks = collationRanks(
      pages.flatMap((page) => [page.path, page.name]),
      host.collate,
    );
    const pageIndexes = new Map(pages.map((page, i) => [page.path, i]));
    // A path's rank as the sandbox looks it up (program.ts: each page's path, then its name, into one map).
    const sandboxRanks = new Map<string, number | undefined>();
    for (const page of pages) sandboxRanks.set(page.path, ranks.get(page.path)).set(page.name, ranks.get(page.name));
    const rankOf = (i: number) => sandboxRanks.get(pages[i].path) ?? 0;
    const plainLink = (link: DvLink) => link.type === 'file' && !link.embed && link.subpath === undefined && link.display === undefined;
    const keys: SnapshotKeys = { aliases: new Map(), objectKeys: new Set() };
    const snapshotPages = pages.map((page): SnapshotPage => {
      // Neither the list items nor the raw inline fields: the sandbox asks for list items, and gets fields typed.
      const { path, name, folder, etags, ctime, mtime, day, frontmatter, size } = page;
      const inlinks = page.inlinks.map((path) => pageIndexes.get(path) ?? path);
      return {
        path,
        name,
        folder,
        etags,
        ctime,
        mtime,
        day,
        frontmatter,
        size,
        outlinks: JSON.stringify(page.outlinks.map((link) => (plainLink(link) ? (pageIndexes.get(link.path) ?? link) : link))),
        inlinks,
        inlinksSorted: sortedInlinks(inlinks, rankOf),
        // Typed from the page itself, whose row holds its inline fields (the copy sent leaves the raw ones out).
        typed: sandboxFields(index(), page, keys),
        pathRank: ranks.get(page.path),
        nameRank: ranks.get(page.name),
      };
    });
    return JSON.stringify({
      display: { locale: display.locale, dateFormat: display.dateFormat, dateTimeFormat: display.dateTimeFormat },
      aliases: [...keys.aliases].filter(([, alias]) => alias),
      objectKeys: [...keys.objectKeys],
      tagPages: [...tagPages(pages)],
      pages: snapshotPages,
    });
  }

  async function run(code: string, currentPath: string, layout: Layout): Promise<DataviewResult> {
    settle();
    // Fields reach the sandbox typed by the host (Dataview's grammar), so both engines see the same values.
    // List items and raw inline fields stay on the host: the sandbox asks for list items when a block reads them.
    sandbox ??= createSandbox(snapshotJson(), host, limits);
    const outcome = (await sandbox).run(code, currentPath);
    if (!outcome.ok) return { ok: false, ...describeFailure(outcome.failure, limits, BLOCK_FILE, BLOCK_PREFIX + code) };
    return { ok: true, html: renderBlockOutput(JSON.parse(outcome.outputJson), links(currentPath), layout) };
  }

  return {
    runJs: (code, currentPath) => run(code, currentPath, 'js'),
    async runQuery(query, currentPath) {
      settle();
      const outcome = runDql(query, currentPath, index());
      if (!outcome.ok) return outcome;
      return { ok: true, html: renderOutput(outcome.blocks, links(currentPath), 'query') };
    },
    runInline: inline,
    async runInlineJs(script, currentPath) {
      // Dataview evaluates the script with eval (its last statement's value), in an async function when it awaits.
      const body = script.includes('await') ? `(async () => { ${script}\n})()` : script;
      const result = await run(`const inlineValue = await eval(${JSON.stringify(body)});\ndv.span(inlineValue ?? null);`, currentPath, 'inline');
      return result.ok ? { ok: true, html: `<span class="dataview dataview-inline-query">${result.html}</span>` } : result;
    },
    fieldValueHtml,
    dispose() {
      void sandbox?.then((s) => s.dispose());
      sandbox = undefined;
    },
  };
}

/**
 * The order `file.inlinks.sort()` gives in the sandbox (plain links by their path's collation rank, ties as sent:
 * data-array.ts, valueOrder), so that the sandbox need not sort them (the seed block sorts every linked page's);
 * undefined when it is the order sent, or when an inlink is not a page of the snapshot.
 */
function sortedInlinks(inlinks: (number | string)[], rankOf: (page: number) => number): number[] | undefined {
  if (!inlinks.every((from) => typeof from === 'number')) return undefined;
  const sorted = (inlinks as number[]).slice().sort((a, b) => rankOf(a) - rankOf(b));
  return sorted.some((from, i) => from !== inlinks[i]) ? sorted : undefined;
}
