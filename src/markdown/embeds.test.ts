import { describe, expect, it } from 'vitest';
import { parseBody } from './parse';
import { renderTree } from './render';
import { fakeContext } from '../../test/helpers/markdown';

function render(noteId: string, notes: Record<string, string>, attachments: string[] = []): string {
  return renderTree(parseBody(notes[noteId], 1).tree, fakeContext(noteId, notes, attachments));
}

describe('note embeds', () => {
  it('embeds the whole note with the same rules, its ids namespaced per embed', () => {
    const html = render('A.md', { 'A.md': '![[B]]\n\n![[B]]', 'B.md': '# Title\n\nHello #tag ^b1' });
    expect(html).toBe(
      '<div class="internal-embed" data-embed-of="B.md"><h1 id="embed-1-title">Title</h1>\n<p id="embed-1-^b1">Hello <a class="tag" href="/tags/tag/">#tag</a></p></div>\n' +
        '<div class="internal-embed" data-embed-of="B.md"><h1 id="embed-2-title">Title</h1>\n<p id="embed-2-^b1">Hello <a class="tag" href="/tags/tag/">#tag</a></p></div>',
    );
  });

  it('keeps footnotes of embedded content pointing inside the embed', () => {
    const html = render('A.md', { 'A.md': 'host[^1]\n\n![[B]]\n\n[^1]: host note', 'B.md': 'text[^1]\n\n[^1]: embedded note' });
    expect(html).toContain(
      '<a href="#embed-1-user-content-fn-1" id="embed-1-user-content-fnref-1" data-footnote-ref="" aria-describedby="embed-1-footnote-label">',
    );
    expect(html).toContain('<li id="embed-1-user-content-fn-1">');
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">');
  });

  it('embeds the whole callout named by a ^id line right after it', () => {
    const notes = { 'A.md': '![[B#^tip]]', 'B.md': 'Intro\n\n> [!tip] Hint\n> Use aliases.\n^tip\n\nOutro' };
    expect(render('A.md', notes)).toBe(
      '<div class="internal-embed" data-embed-of="B.md"><div class="callout callout-tip" data-callout="tip" role="note" id="embed-1-^tip">\n' +
        '<div class="callout-title">Hint</div>\n<div class="callout-content"><p>Use aliases.</p></div>\n</div></div>',
    );
  });

  it('embeds a heading section up to the next heading of the same level', () => {
    const notes = { 'A.md': '![[B#Part two]]', 'B.md': '# Part one\n\none\n\n# Part Two\n\ntwo\n\n## Sub\n\nsub\n\n# Part three\n\nthree' };
    const html = render('A.md', notes);
    expect(html).toContain('two');
    expect(html).toContain('sub');
    expect(html).not.toContain('one');
    expect(html).not.toContain('three');
  });

  it('embeds one block, a list item as a list', () => {
    const notes = { 'A.md': '![[B#^item]]\n\n![[B#^para]]', 'B.md': 'Intro ^para\n\n- first\n- second ^item' };
    expect(render('A.md', notes)).toBe(
      '<div class="internal-embed" data-embed-of="B.md"><ul>\n<li id="embed-1-^item">second</li>\n</ul></div>\n<div class="internal-embed" data-embed-of="B.md"><p id="embed-2-^para">Intro</p></div>',
    );
  });

  it('splits a paragraph around an embed instead of nesting a div in a p', () => {
    expect(render('A.md', { 'A.md': 'before ![[B]] after ^p', 'B.md': 'b' })).toBe(
      '<p id="^p">before </p>\n<div class="internal-embed" data-embed-of="B.md"><p>b</p></div>\n<p> after</p>',
    );
  });

  it('shows a missing section as unresolved text', () => {
    expect(render('A.md', { 'A.md': '![[B#Nowhere]]', 'B.md': 'text' })).toBe('<p><span class="internal-link is-unresolved">B > Nowhere</span></p>');
  });

  it('stops cycles and self-embeds with a notice', () => {
    const cycle = render('A.md', { 'A.md': '![[B]]', 'B.md': 'in B ![[A]]' });
    expect(cycle).toContain('in B');
    expect(cycle).toContain('<div class="embed-cycle" role="note">“A” is not embedded again here');
    expect(render('A.md', { 'A.md': 'x ![[A]]' })).toContain('class="embed-cycle"');
  });

  it('stops at the depth limit: embeds nest five deep', () => {
    const MAX_EMBED_DEPTH = 5;
    const notes: Record<string, string> = {};
    for (let n = 0; n <= MAX_EMBED_DEPTH + 2; n++) notes[`N${n}.md`] = `level ${n} ![[N${n + 1}]]`;
    const html = render('N0.md', notes);
    expect(html).toContain(`level ${MAX_EMBED_DEPTH}`);
    expect(html).not.toContain(`level ${MAX_EMBED_DEPTH + 1}`);
    expect(html).toContain('too many embeds');
  });

  it('resolves links inside an embed from the embedded note', () => {
    const ctx = fakeContext('A.md', { 'A.md': '![[sub/B]]', 'sub/B.md': '[[#Here]] [[C]]', 'C.md': '' });
    const html = renderTree(parseBody('![[sub/B]]', 1).tree, ctx);
    expect(ctx.calls.map((call) => [call.target, call.from])).toEqual([
      ['sub/B', 'A.md'],
      ['', 'sub/B.md'],
      ['C', 'sub/B.md'],
    ]);
    expect(html).toContain('href="/n/sub/B.md#Here"');
  });
});
