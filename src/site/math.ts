// The math step: every formula of a published note becomes KaTeX's HTML + MathML at build time (readable and
// copyable without script). A formula KaTeX cannot typeset keeps its TeX, shown with a notice and reported.
import katex from 'katex';
import type { Nodes, Root } from 'mdast';
import type { Lang } from '../config/config';
import { escapeHtml } from '../html/escape';
import { strings } from '../i18n/strings';
import { slotsOf } from '../markdown/code-block-slots';
import { trustedHtml } from '../safety/trusted';
import type { Diagnostic } from '../vault/types';
import { type MemoFile, reuseEach } from './note-memo';
import type { Replacement } from './steps';
import { keyWith, type TreeKey } from './tree-states';

/** Every page holding typeset math has this in its HTML, so it links KaTeX's stylesheet. */
export const MATH_MARKER = 'class="katex"';

export interface MathNote {
  id: string;
  tree: Root;
  bodyStartLine: number;
}

type MathNode = Extract<Nodes, { type: 'mathBlock' | 'mathInline' }>;
const isMath = (node: Nodes): node is MathNode => node.type === 'mathBlock' || node.type === 'mathInline';

interface MathOptions {
  lang: Lang;
  /** A note's formulas are reused while its tree is unchanged: at the dev server's next save, at the next build. */
  treeKey?: TreeKey;
  /** Where a build keeps each note's result for the next (note-memo.ts); without it, only the dev server keeps them. */
  memoFile?: MemoFile;
}

/**
 * A replacement of each formula, inside paragraphs and table cells too, by its typeset HTML (or its TeX and a notice).
 * KaTeX took half a second a build at 10,000 notes, most of it for formulas typeset the build before.
 */
export function renderMath(notes: MathNote[], options: MathOptions): { replacements: Replacement[]; diagnostics: Diagnostic[] } {
  const notice = strings(options.lang).mathFailed;
  const each = reuseEach(
    'math',
    notes,
    (note) => keyWith(options.treeKey, note, options.lang, note.bodyStartLine),
    (note) => noteMath(note, notice),
    options.memoFile,
  );
  return { replacements: each.flatMap((note) => note.replacements), diagnostics: each.flatMap((note) => note.diagnostics) };
}

function noteMath(note: MathNote, notice: string): { replacements: Replacement[]; diagnostics: Diagnostic[] } {
  const replacements: Replacement[] = [];
  const diagnostics: Diagnostic[] = [];
  // One macro table per note: `\def` in one formula holds for the note's later ones (document order), as in Obsidian.
  const macros: katex.KatexOptions['macros'] = {};
  for (const { node, path } of slotsOf(note.tree, isMath)) {
    const display = node.type === 'mathBlock' || node.display;
    const html = typeset(node.value, display, macros);
    if (typeof html === 'string') {
      // Made by KaTeX, which escapes the TeX it quotes; untrusted commands (\href, \html…) are off.
      replacements.push({ noteId: note.id, path, node: { type: 'html', value: trustedHtml(html) } });
    } else {
      diagnostics.push({
        file: note.id,
        line: (node.position?.start.line ?? 1) + note.bodyStartLine - 1,
        severity: 'warning',
        message: `math could not be typeset: ${html.error}. The page shows its TeX with a notice; use a command KaTeX supports.`,
      });
      replacements.push({ noteId: note.id, path, node: { type: 'html', value: failedHtml(node.value, node.type === 'mathBlock', display, notice) } });
    }
  }
  return { replacements, diagnostics };
}

function typeset(tex: string, displayMode: boolean, macros: katex.KatexOptions['macros']): string | { error: string } {
  try {
    // strict off: MathJax (Obsidian) accepts Unicode text in math, and KaTeX would only warn about it.
    return katex.renderToString(tex, { displayMode, output: 'htmlAndMathml', throwOnError: true, strict: false, trust: false, macros, globalGroup: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // KaTeX underlines the failing position with U+0332, which reads as noise in a build log.
    return {
      error: message
        .replace(/^KaTeX parse error: /, '')
        .replace(/\u0332/g, '')
        .split('\n')[0],
    };
  }
}

function failedHtml(tex: string, block: boolean, display: boolean, notice: string): string {
  const fence = display ? '$$' : '$';
  if (block) return `<div class="math-failed" role="note"><p class="math-notice">${notice}</p><pre><code>${escapeHtml(`$$\n${tex}\n$$`)}</code></pre></div>`;
  return `<span class="math-failed" role="note"><code>${escapeHtml(fence + tex + fence)}</code><span class="math-notice">${notice}</span></span>`;
}
