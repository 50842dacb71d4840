// The mermaid step: every ```mermaid block of a published note becomes inline SVG (light and dark) at build time,
// rendered in one batch by one Chromium launch, cached by diagram hash. Without a browser, diagrams render in the
// reader's browser instead (mermaid from node_modules, loaded only by pages that have one).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { codeBlocks } from '../markdown/code-block-slots';
import type { Code, Html, Root } from 'mdast';
import type { Lang } from '../config/config';
import { escapeHtml } from '../html/escape';
import { strings } from '../i18n/strings';
import { trustedHtml } from '../safety/trusted';
import type { Diagnostic } from '../vault/types';
import type { Replacement } from './steps';
import { chromiumRenderer, MERMAID_CONFIGS, type ChromiumSearch, type MermaidTheme, type ThemedRenderer } from './mermaid-browser';

/** Marks diagrams left to the reader's browser; a page holding one loads the client renderer. */
export const CLIENT_MERMAID_MARKER = 'data-mermaid-client';

export interface MermaidNote {
  id: string;
  tree: Root;
  bodyStartLine: number;
}

export interface MermaidStepOptions {
  lang: Lang;
  /** Rendered SVGs by diagram hash; survives builds. */
  cacheDir: string;
  chromium: ChromiumSearch;
  /** Replaces the Chromium renderer (tests). */
  renderer?: ThemedRenderer;
}

type Rendered = Record<MermaidTheme, string>;
type Outcome = { kind: 'svg'; svg: Rendered } | { kind: 'failed'; reason: string } | { kind: 'client' };

const MERMAID = new Set(['mermaid']);

/** A replacement for each mermaid block of the notes' trees, and diagnostics for a missing browser and failed diagrams. */
export async function renderMermaidBlocks(
  notes: MermaidNote[],
  options: MermaidStepOptions,
): Promise<{ replacements: Replacement[]; diagnostics: Diagnostic[] }> {
  const blocks = notes.flatMap((note) => codeBlocks(note.tree, MERMAID).map((block) => ({ note, ...block, key: diagramKey(block.node.value) })));
  const replacements: Replacement[] = [];
  const diagnostics: Diagnostic[] = [];
  if (blocks.length === 0) return { replacements, diagnostics };
  const outcomes = new Map<string, Outcome>();
  const sources = new Map(blocks.map((b) => [b.key, b.node.value]));
  for (const key of sources.keys()) {
    const cached = readCache(options.cacheDir, key);
    if (cached) outcomes.set(key, { kind: 'svg', svg: cached });
  }
  const missing = [...sources.keys()].filter((key) => !outcomes.has(key));
  if (missing.length > 0) {
    const first = blocks.find((b) => missing.includes(b.key))!;
    const where = { file: first.note.id, line: fileLine(first) };
    const rendered = await renderBatch(
      missing.map((key) => sources.get(key)!),
      missing,
      options,
    ).catch((error: Error) => error);
    if (rendered instanceof Error || rendered === undefined) {
      const problem =
        rendered === undefined
          ? `no Chromium found to render mermaid diagrams at build time (looked for ${options.chromium.tried.join(', ')}). Install one with 'apt-get install chromium' (Debian/Ubuntu) or 'npx playwright install chromium', or name it with TSUNAGU_CHROMIUM=/path/to/chromium`
          : `Chromium (${options.chromium.path}) could not render mermaid diagrams: ${rendered.message.split('\n')[0]}`;
      diagnostics.push({ ...where, severity: 'warning', message: `${problem}. ${missing.length} diagram(s) will render in the reader's browser instead.` });
      for (const key of missing) outcomes.set(key, { kind: 'client' });
    } else {
      missing.forEach((key, i) => {
        outcomes.set(key, rendered[i]);
        if (rendered[i].kind === 'svg') writeCache(options.cacheDir, key, rendered[i].svg);
      });
    }
  }
  const t = strings(options.lang);
  for (const block of blocks) {
    const outcome = outcomes.get(block.key)!;
    if (outcome.kind === 'failed') {
      diagnostics.push({
        file: block.note.id,
        line: fileLine(block, outcome.reason),
        severity: 'warning',
        message: `mermaid diagram could not be rendered: ${outcome.reason}. The page shows its code with a notice; fix the diagram.`,
      });
    }
    replacements.push({ noteId: block.note.id, path: block.path, node: diagramHtml(block.node.value, outcome, t.mermaidFailed) });
  }
  return { replacements, diagnostics };
}

/** Both themes of every diagram in one browser launch; undefined when there is no browser. */
async function renderBatch(diagrams: string[], keys: string[], options: MermaidStepOptions): Promise<Outcome[] | undefined> {
  const render = options.renderer ?? (options.chromium.path ? await chromiumRenderer(options.chromium.path) : undefined);
  if (!render) return undefined;
  // Started together, so the renderer keeps one browser for both.
  const [light, dark] = await Promise.all([render(diagrams, 'light'), render(diagrams, 'dark')]);
  return keys.map((key, i): Outcome => {
    const results = { light: light[i], dark: dark[i] };
    if (results.light.status === 'rejected') return { kind: 'failed', reason: errorSummary(results.light.reason) };
    if (results.dark.status === 'rejected') return { kind: 'failed', reason: errorSummary(results.dark.reason) };
    return { kind: 'svg', svg: { light: stableIds(results.light.value, key, 'light'), dark: stableIds(results.dark.value, key, 'dark') } };
  });
}

/** The SVG's ids (its styles and markers use them) depend on its place in the batch; make them depend on the diagram only. */
function stableIds(result: { svg: string; id: string }, key: string, theme: MermaidTheme): string {
  const id = new RegExp(`${result.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`, 'g');
  return result.svg.replace(id, `mermaid-${key.slice(0, 12)}-${theme}`);
}

function diagramHtml(code: string, outcome: Outcome, failedNotice: string): Html {
  if (outcome.kind === 'svg') {
    const value = `<figure class="mermaid-diagram" data-mermaid><div class="mermaid-light">${outcome.svg.light}</div><div class="mermaid-dark">${outcome.svg.dark}</div></figure>`;
    // Rendered by the build's own mermaid (which escapes labels), so the note sanitizer must not strip the SVG.
    return { type: 'html', value: trustedHtml(value) };
  }
  if (outcome.kind === 'client') return { type: 'html', value: `<pre class="mermaid" ${CLIENT_MERMAID_MARKER}>${escapeHtml(code)}</pre>` };
  return {
    type: 'html',
    value: `<div class="mermaid-failed" data-mermaid-failed><p class="mermaid-notice" role="note">${failedNotice}</p><pre><code class="language-mermaid">${escapeHtml(code)}</code></pre></div>`,
  };
}

const mermaidVersion: string = (createRequire(import.meta.url)('mermaid/package.json') as { version: string }).version;

/** Same diagram, same mermaid, same settings: same SVG. */
function diagramKey(code: string): string {
  return createHash('sha256')
    .update(`${mermaidVersion}\0${JSON.stringify(MERMAID_CONFIGS)}\0${code}`)
    .digest('hex')
    .slice(0, 32);
}

function readCache(dir: string, key: string): Rendered | undefined {
  try {
    return { light: readFileSync(path.join(dir, `${key}-light.svg`), 'utf8'), dark: readFileSync(path.join(dir, `${key}-dark.svg`), 'utf8') };
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, key: string, svg: Rendered): void {
  mkdirSync(dir, { recursive: true });
  for (const theme of ['light', 'dark'] as const) writeFileSync(path.join(dir, `${key}-${theme}.svg`), svg[theme]);
}

/** mermaid's message: its first line and what it expected, without the excerpt it quotes. */
function errorSummary(reason: unknown): string {
  const text = reason && typeof reason === 'object' && 'message' in reason ? String(reason.message) : String(reason);
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const expecting = lines.find((line) => line.startsWith('Expecting'));
  const summary = [lines[0] ?? 'unknown error', expecting].filter(Boolean).join(' ');
  return summary.length > 200 ? `${summary.slice(0, 199)}…` : summary;
}

/** The fence's line in the file; with mermaid's 'on line N' (counted inside the diagram), that line. */
function fileLine(block: { note: MermaidNote; node: Code }, reason = ''): number {
  const fence = (block.node.position?.start.line ?? 1) + block.note.bodyStartLine - 1;
  const inDiagram = /\bon line (\d+)/.exec(reason);
  return inDiagram ? fence + Number(inDiagram[1]) : fence;
}
