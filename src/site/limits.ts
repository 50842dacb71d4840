// A note over a limit keeps its page, with a notice saying so; a note whose rendering fails all the same (a bug, or
// raw HTML nested past what the renderer's recursion takes) shows its text with a notice, and the build goes on.
import type { Html, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Lang } from '../config/config';
import { escapeHtml } from '../html/escape';
import { strings } from '../i18n/strings';
import type { Diagnostic, ParsedNote } from '../vault/types';

/** Puts the notice at the top of each over-limit note's tree (an embed of the note shows it too). */
export function addLimitNotices(notes: ParsedNote[], lang: Lang): void {
  const t = strings(lang);
  for (const note of notes) if (note.limit) note.tree.children.unshift(noticeNode(t.noteOverLimit));
}

/** `render()`, or on failure the tree's text under a notice, and one diagnostic. */
export function renderOrText(note: ParsedNote, render: () => string, lang: Lang, diagnostics: Diagnostic[]): string {
  try {
    return render();
  } catch (error) {
    const reason = (error as Error).message?.split('\n')[0] ?? String(error);
    diagnostics.push({
      file: note.id,
      severity: 'warning',
      message: `could not be rendered (${reason}); its page shows its text with a notice. Simplify the part of the note that nests deepest (often raw HTML), or report the note to tsunagu.`,
    });
    return `${noticeNode(strings(lang).noteNotRendered).value}<pre><code>${escapeHtml(textOf(note.tree))}</code></pre>`;
  }
}

function noticeNode(text: string): Html {
  return { type: 'html', value: `<div class="limit-notice" role="note">${escapeHtml(text)}</div>` };
}

/** Raw HTML included, as written: it is what failed to render. */
function textOf(tree: Root): string {
  try {
    return toString(tree, { includeHtml: true });
  } catch {
    return '';
  }
}
