import { describe, expect, it } from 'vitest';
import { parseCanvas } from './model';
import { type CardContent, renderBoard } from './render';

const strings = { label: 'Board', zoomIn: 'in', zoomOut: 'out', fit: 'fit', unavailable: 'not published', unreadable: 'unreadable', help: 'help' };
const content: CardContent = {
  text: (id) => `<p>text of ${id}</p>`,
  file: (node) =>
    node.file === 'secret.md'
      ? { kind: 'unavailable' }
      : node.file.endsWith('.png')
        ? { kind: 'image', name: 'a.png', href: '/attachments/a.png' }
        : { kind: 'note', title: 'Note', href: '/note/', html: '<p>note body</p>' },
  image: (path) => (path === 'bg.png' ? '/attachments/bg.png' : undefined),
};
const board = (nodes: unknown[], edges: unknown[] = []) => parseCanvas('b.canvas', JSON.stringify({ nodes, edges })).canvas;

describe('renderBoard', () => {
  const canvas = board(
    [
      { id: 'g', type: 'group', x: 0, y: 0, width: 400, height: 300, label: 'G & <b>', background: 'bg.png', color: '3' },
      { id: 't', type: 'text', text: '', x: 20, y: 20, width: 100, height: 50 },
      { id: 'n', type: 'file', file: 'note.md', x: 200, y: 20, width: 100, height: 50 },
      { id: 's', type: 'file', file: 'secret.md', x: 20, y: 200, width: 100, height: 50 },
      { id: 'l', type: 'link', url: 'javascript:alert(1)', x: 200, y: 200, width: 100, height: 50 },
    ],
    [{ id: 'e', fromNode: 't', toNode: 'n', label: 'to <note>' }],
  );

  it('draws every card at its box, escapes what the author wrote, names nothing unpublished', () => {
    const html = renderBoard(canvas, content, { id: 'c', strings, mode: 'page' });
    expect(html).toContain('<foreignObject x="20" y="20" width="100" height="50"><div class="canvas-card canvas-text" data-node="t">');
    expect(html).toContain('<div class="canvas-group-label">G &amp; &lt;b&gt;</div>');
    expect(html).toContain('background-image:url(&quot;/attachments/bg.png&quot;)');
    expect(html).toContain('<span>to &lt;note&gt;</span>');
    expect(html).toContain('<p>note body</p>');
    expect(html).toMatch(/canvas-unavailable" data-node="s"><span class="visually-hidden">not published<\/span><\/div>/);
    // A URL that is not http(s) is never a link.
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<span class="canvas-link-url">javascript:alert(1)</span>');
    // The board's own words, for search: text cards, labels, titles; never the unpublished card.
    expect(html).toMatch(/<div hidden><p>G &amp; &lt;b&gt;<\/p><p>to &lt;note&gt;<\/p><p>text of t<\/p><p>Note<\/p><p>javascript:alert\(1\)<\/p><\/div>/);
  });

  it('previews note cards by title, without search text', () => {
    const preview = renderBoard(canvas, { ...content, file: () => ({ kind: 'note', title: 'Note', href: '/note/' }) }, { id: 'p', strings, mode: 'preview' });
    expect(preview).toContain('<a class="canvas-note-title" href="/note/">Note</a>');
    expect(preview).toContain('class="canvas-board canvas-preview" id="p"');
    expect(preview).not.toContain('<div hidden>');
  });

  it('shows a notice for a file it could not read', () => {
    const unreadable = parseCanvas('x.canvas', '{').canvas;
    expect(renderBoard(unreadable, content, { id: 'u', strings, mode: 'page' })).toBe(
      '<div class="canvas-board is-unreadable" role="note"><p>unreadable</p></div>',
    );
  });
});
