import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ParsedNote } from '../vault/types';
import { limitNotices, renderOrText, treeText } from './limits';
import { applyReplacement } from './steps';

describe('notes over a limit and renders that fail', () => {
  it('a note with a limit gets the notice, in the site language, at the top of its tree', () => {
    const code = { type: 'code' as const, value: 'text' };
    const tree: Root = { type: 'root', children: [code] };
    const empty: Root = { type: 'root', children: [] };
    const notes = [
      { id: 'deep.md', tree, limit: { limit: 'depth', line: 1, found: 101 } },
      { id: 'big.md', tree: empty, limit: { limit: 'noteSize', line: 1, found: 2e7 } },
      { id: 'fine.md', tree: { type: 'root', children: [] } },
    ] as unknown as ParsedNote[];
    const splits = limitNotices(notes, 'en');
    expect(splits.map((split) => split.noteId)).toEqual(['deep.md', 'big.md']);
    for (const split of splits) applyReplacement(notes.find((note) => note.id === split.noteId)!.tree, split);
    const notice = { type: 'html', value: expect.stringMatching(/^<div class="limit-notice" role="note">This note is too large/) };
    expect(tree.children).toEqual([notice, code]);
    expect(empty.children).toEqual([notice]);
  });

  it('a render that throws: the text, escaped, under a notice, and one diagnostic naming the file', () => {
    const diagnostics: Diagnostic[] = [];
    const tree: Root = { type: 'root', children: [{ type: 'html', value: '<div><div>x' }] };
    const html = renderOrText(
      'n.md',
      () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      () => treeText(tree),
      'ja',
      diagnostics,
    );
    expect(html).toContain('class="limit-notice"');
    expect(html).toContain('<pre><code>&lt;div&gt;&lt;div&gt;x</code></pre>');
    expect(diagnostics).toEqual([{ file: 'n.md', severity: 'warning', message: expect.stringContaining('(Maximum call stack size exceeded)') }]);
    expect(
      renderOrText(
        'n.md',
        () => '<p>ok</p>',
        () => '',
        'ja',
        diagnostics,
      ),
    ).toBe('<p>ok</p>');
  });
});
