import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ParsedNote } from '../vault/types';
import { addLimitNotices, renderOrText, treeText } from './limits';

describe('notes over a limit and renders that fail', () => {
  it('a note with a limit gets the notice, in the site language, at the top of its tree', () => {
    const tree: Root = { type: 'root', children: [{ type: 'code', value: 'text' }] };
    const notes = [{ tree, limit: { limit: 'depth', line: 1, found: 101 } }, { tree: { type: 'root', children: [] } }] as unknown as ParsedNote[];
    addLimitNotices(notes, 'en');
    expect(tree.children[0]).toEqual({ type: 'html', value: expect.stringMatching(/^<div class="limit-notice" role="note">This note is too large/) });
    expect(notes[1].tree.children).toEqual([]);
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
