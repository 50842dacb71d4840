// The build's steps, in order: each reads the model and earlier steps' outputs and gives its own (see steps.ts).
import path from 'node:path';
import type { SiteConfig } from '../config/config';
import { readClock } from '../config/clock';
import { linkGraph, type NoteLinks } from '../graph/links';
import { graphSections, type NoteGraphSections } from '../graph/sections';
import type { FileKind } from '../kinds/kind';
import { takeParseAhead } from '../kinds/note/parse-ahead';
import { loadVault, type Vault } from '../vault/load';
import { openParseCache } from '../vault/parse-cache';
import { PARSE_CACHE_DIR } from '../vault/parse-keys';
import { openReadMemo } from '../vault/read-memo';
import { runBases } from './bases';
import { canvasCardTrees, onCanvases } from './canvas-cards';
import { computesAgain } from './computes-again';
import { runDataviewBlocks } from './dataview';
import { applyGlossary, type GlossaryStepResult } from './glossary';
import { highlightCodeBlocks } from './code-highlight';
import { renderMath } from './math';
import { limitNotices } from './limits';
import { findChromium } from './mermaid-browser';
import { renderMermaidBlocks } from './mermaid';
import { publishedFiles, type Published } from './publish';
import { pageHref } from './render-context';
import { dataviewLinkedUrls, shownSections } from './repeated-sections';
import type { MemoFile } from './note-memo';
import type { BuildStep } from './steps';
import type { TreeKey } from './tree-states';
import { tagUrl } from './tags';
import { href } from './urls';

/** Rendered diagrams survive builds here, keyed by diagram hash. */
const MERMAID_CACHE = path.join(process.cwd(), 'node_modules/.cache/tsunagu/mermaid');
/** Highlighted code, keyed by (language, code, themes, Shiki version). */
const CODE_CACHE = path.join(process.cwd(), 'node_modules/.cache/tsunagu/code');
/** Where a build keeps its steps' per-note results for the next build (note-memo.ts): a file per vault and step. */
const memoFileOf = (config: SiteConfig): MemoFile => ({
  cacheDir: path.join(process.cwd(), 'node_modules/.cache/tsunagu/memo'),
  vaultDir: config.vaultDir,
  projectDir: process.cwd(),
});

/** What the build knows: what it was given, then each step's output under the step's name. */
export interface SiteModel {
  config: SiteConfig;
  kinds: readonly FileKind[];
  reserved: ReadonlySet<string>;
  /** A note's tree as it stands now, as a key (tree-states.ts). */
  treeKey: TreeKey;
  /** Scan, read each file by its kind, resolve links (Obsidian's rules). */
  load: Vault;
  publish: Published;
  limitNotices: undefined;
  graph: Map<string, NoteLinks>;
  dataview: undefined;
  bases: undefined;
  mermaid: undefined;
  math: undefined;
  code: undefined;
  glossary: GlossaryStepResult;
  /** Each published note's related lists, outgoing links and local graph. */
  sections: Map<string, NoteGraphSections>;
}

export const GIVEN = ['config', 'kinds', 'reserved', 'treeKey'] as const;

// Steps that rewrite note trees run before any note is rendered (a note may be embedded in another); mermaid, math,
// code and the glossary walk the text cards of published canvases too (canvas-cards.ts). The glossary
// reads the trees after the code blocks were replaced, so it never links a term inside a query's source.
export const BUILD_STEPS: readonly BuildStep<SiteModel>[] = [
  {
    name: 'load',
    needs: ['config', 'kinds'],
    run: ({ config, kinds }) => {
      // Started by the integration when the build started (builds only).
      const ahead = takeParseAhead(config.vaultDir);
      const parseCache = openParseCache({
        vaultDir: config.vaultDir,
        cacheDir: PARSE_CACHE_DIR,
        projectDir: process.cwd(),
        keepInMemory: computesAgain(),
        ...(ahead ? { ahead } : {}),
      });
      const memo = computesAgain() ? openReadMemo(config.vaultDir) : undefined;
      let output: Vault;
      try {
        output = loadVault({ ...config, kinds, parse: parseCache.parse, ...(memo ? { memo } : {}) });
      } finally {
        ahead?.close();
      }
      parseCache.save();
      return { output };
    },
  },
  {
    name: 'publish',
    needs: ['load', 'config', 'kinds', 'reserved', 'treeKey'],
    run: ({ load, config, kinds, reserved, treeKey }) => {
      const output = publishedFiles(load, { base: config.base, lang: config.lang, strictLineBreaks: config.strictLineBreaks, kinds, reserved, treeKey });
      return { output, diagnostics: output.diagnostics };
    },
  },
  {
    name: 'limitNotices',
    needs: ['publish', 'trees'],
    // A notice at the top of each note that went over a limit (an embed of it shows the notice too).
    run: ({ publish }) => ({ output: undefined, replacements: limitNotices(publish.notes, publish.lang) }),
  },
  { name: 'graph', needs: ['load', 'publish'], run: ({ load, publish }) => ({ output: linkGraph(load.links, publish.ids) }) },
  {
    name: 'dataview',
    needs: ['load', 'publish', 'config', 'trees'],
    run: async ({ load, publish, config }) => ({
      output: undefined,
      ...(await runDataviewBlocks(load, publish.notes, {
        ...config.dataview,
        lang: publish.lang,
        hrefFor: (id, subpath) => pageHref(publish.index, id, subpath),
        hrefForTag: (tag) => tagUrl(tag, config.base),
        renderContext: publish.kindSite.renderContext,
      })),
    }),
  },
  {
    name: 'bases',
    needs: ['load', 'publish', 'config', 'trees'],
    // Replaces embeds and ```base blocks (the code step must not see them) and fills each base page's body: that body
    // is the base file's data, not a note tree a replacement reaches, so this step still writes in place.
    rewritesTrees: true,
    run: ({ load, publish, config }) => ({
      output: undefined,
      ...runBases(load, publish.notes, {
        lang: publish.lang,
        clock: () => readClock('bases'),
        hrefFor: (id) => publish.kindSite.href(id),
        hrefForTag: (tag) => tagUrl(tag, config.base),
        attachments: new Map([...publish.index.attachmentSlugs.keys()].map((id) => [id, load.files.get(id)!.file])),
      }),
    }),
  },
  {
    name: 'mermaid',
    needs: ['publish', 'config', 'trees'],
    run: async ({ publish }) => {
      const cards = canvasCardTrees(publish.pageEntries);
      const result = await renderMermaidBlocks([...publish.notes, ...cards], { lang: publish.lang, cacheDir: MERMAID_CACHE, chromium: findChromium() });
      return { output: undefined, ...onCanvases(result, cards) };
    },
  },
  {
    name: 'math',
    needs: ['publish', 'config', 'trees', 'treeKey'],
    run: ({ publish, config, treeKey }) => {
      const cards = canvasCardTrees(publish.pageEntries);
      const math = renderMath([...publish.notes, ...cards], { lang: publish.lang, treeKey, memoFile: memoFileOf(config) });
      return { output: undefined, ...onCanvases(math, cards) };
    },
  },
  {
    name: 'code',
    needs: ['publish', 'trees', 'dataview', 'bases', 'mermaid'],
    run: async ({ publish }) => ({
      output: undefined,
      ...(await highlightCodeBlocks([...publish.notes, ...canvasCardTrees(publish.pageEntries)], { cacheDir: CODE_CACHE })),
    }),
  },
  {
    name: 'glossary',
    needs: ['load', 'publish', 'config', 'dataview', 'mermaid', 'math', 'code', 'trees', 'treeKey'],
    // Links term mentions inside text nodes: splits of the text around each link.
    run: ({ load, publish, config, treeKey }) => {
      const { output, replacements } = applyGlossary(load, publish.notes, canvasCardTrees(publish.pageEntries), {
        ...config.glossary,
        locale: publish.lang,
        hrefFor: (id) => pageHref(publish.index, id)!,
        treeKey,
        memoFile: memoFileOf(config),
      });
      return { output, replacements, diagnostics: output.diagnostics };
    },
  },
  {
    name: 'sections',
    // `dataview` and `trees`: a note's own dataview output can make a built-in section a repetition (config `sections`).
    needs: ['publish', 'graph', 'config', 'dataview', 'trees'],
    run: ({ publish, graph, config }) => {
      const sectionsOf = graphSections(
        publish.notes.map((n) => ({ id: n.id, tags: n.tags, modified: n.modified.getTime() })),
        graph,
        { depth: config.graph.depth, locale: publish.lang },
      );
      const urlOf = (id: string) => href(config.base, publish.index.pageSlugs.get(id)!);
      return {
        output: new Map(publish.notes.map((note) => [note.id, shownSections(sectionsOf(note.id), config.sections, dataviewLinkedUrls(note.tree), urlOf)])),
      };
    },
  },
];
