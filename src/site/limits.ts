// A note over a limit keeps its page, with a notice saying so; a note whose rendering fails all the same (a bug, or
// raw HTML nested past what the renderer's recursion takes) shows its text with a notice, and the build goes on.
import type { Html, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Lang } from '../config/config';
import { escapeHtml } from '../html/escape';
import { strings } from '../i18n/strings';
import type { Diagnostic, ParsedNote } from '../vault/types';
import type { Split } from './steps';

/** The notice put before the first block of each over-limit note's tree (an embed of the note shows it too). */
export function limitNotices(notes: ParsedNote[], lang: Lang): Split[] {
  const notice = strings(lang).noteOverLimit;
  return notes.filter((note) => note.limit).map((note) => ({ noteId: note.id, path: [0], nodes: [noticeNode(notice), ...note.tree.children.slice(0, 1)] }));
}

/** `render()`, or on failure `text()` (what the file holds, as written) under a notice, and one diagnostic. */
export function renderOrText(id: string, render: () => string, text: () => string, lang: Lang, diagnostics: Diagnostic[]): string {
  try {
    return render();
  } catch (error) {
    const reason = (error as Error).message?.split('\n')[0] ?? String(error);
    diagnostics.push({
      file: id,
      severity: 'warning',
      message: `could not be rendered (${reason}); its page shows its text with a notice. Simplify the part that nests deepest (often raw HTML), or report the file to tsunagu.`,
    });
    return `${noticeNode(strings(lang).noteNotRendered).value}<pre><code>${escapeHtml(text())}</code></pre>`;
  }
}

function noticeNode(text: string): Html {
  return { type: 'html', value: `<div class="limit-notice" role="note">${escapeHtml(text)}</div>` };
}

/** A note's text, raw HTML included as written (it is what failed to render); comments are out of the tree already. */
export function treeText(tree: Root): string {
  try {
    return toString(tree, { includeHtml: true });
  } catch {
    return '';
  }
}
