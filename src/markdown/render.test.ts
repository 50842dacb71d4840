import { describe, expect, it, vi } from 'vitest';
import { parseBody } from './parse';
import { renderTree } from './render';
import { fakeContext } from '../../test/helpers/markdown';

const notes = { 'Home.md': '', 'folder/Other.md': '# Part\n\ntext' };
const attachments = ['pic.png', 'sound.mp3', 'clip.mp4', 'doc.pdf', 'data.zip'];

function render(markdown: string, ctx = fakeContext('Home.md', notes, attachments)): string {
  return renderTree(parseBody(markdown, 1).tree, ctx);
}

describe('renderTree: links and tags', () => {
  it('renders resolved wikilinks as internal links with Obsidian display text', () => {
    expect(render('[[Other]] [[Other|shown *raw*]] [[Other#Part]] [[#Part]]')).toBe(
      '<p><a class="internal-link" href="/n/folder/Other.md">Other</a> <a class="internal-link" href="/n/folder/Other.md">shown *raw*</a> ' +
        '<a class="internal-link" href="/n/folder/Other.md#Part">Other > Part</a> <a class="internal-link" href="/n/Home.md#Part">Part</a></p>',
    );
  });

  it('renders unresolved links as marked text without href', () => {
    expect(render('[[Missing]] and [gone](Gone.md)')).toBe(
      '<p><span class="internal-link is-unresolved">Missing</span> and <span class="internal-link is-unresolved">gone</span></p>',
    );
  });

  it('resolves markdown links into the vault and leaves external ones alone', () => {
    expect(render('[o](folder/Other.md#Part) [w](https://example.com/#x)')).toBe(
      '<p><a class="internal-link" href="/n/folder/Other.md#Part">o</a> <a href="https://example.com/#x">w</a></p>',
    );
  });

  it('links tags to their tag page', () => {
    expect(render('#Tools/Docker')).toBe('<p><a class="tag" href="/tags/tools/docker/">#Tools/Docker</a></p>');
  });
});

describe('renderTree: attachments', () => {
  it('renders image embeds with alt, width and height, lazily', () => {
    expect(render('![[pic.png]] ![[pic.png|300]] ![[pic.png|A cat|100x145]]')).toBe(
      '<p><img src="/n/pic.png" alt="pic.png" loading="lazy"> <img src="/n/pic.png" alt="pic.png" loading="lazy" width="300"> ' +
        '<img src="/n/pic.png" alt="A cat" loading="lazy" width="100" height="145"></p>',
    );
  });

  it('keeps the fragment of an image link and renders markdown images in the vault', () => {
    expect(render('![[pic.png#frag]] ![alt](pic.png)')).toBe(
      '<p><img src="/n/pic.png#frag" alt="pic.png" loading="lazy"> <img src="/n/pic.png" alt="alt" loading="lazy"></p>',
    );
  });

  it('renders remote images lazily from their own URL', () => {
    expect(render('![r](https://x.com/a.png)')).toBe('<p><img src="https://x.com/a.png" alt="r" loading="lazy"></p>');
  });

  it('sizes remote images written with a size after the last |, as Obsidian does', () => {
    expect(render('![cover|50](https://x.com/a.png) ![a|b|100x145](https://x.com/b.png) ![|200](https://x.com/c.png)')).toBe(
      '<p><img src="https://x.com/a.png" alt="cover" loading="lazy" width="50"> ' +
        '<img src="https://x.com/b.png" alt="a|b" loading="lazy" width="100" height="145"> ' +
        '<img src="https://x.com/c.png" alt="" loading="lazy" width="200"></p>',
    );
    // A size alone is a size, not alt text (Obsidian's help: `![250](https://…)`); read from the text, never fetched.
    const fetch = vi.spyOn(globalThis, 'fetch');
    expect(render('![300](https://x.com/d.png) ![100x145](https://x.com/e.png)')).toBe(
      '<p><img src="https://x.com/d.png" alt="" loading="lazy" width="300"> <img src="https://x.com/e.png" alt="" loading="lazy" width="100" height="145"></p>',
    );
    expect(render('![250](pic.png)')).toBe('<p><img src="/n/pic.png" alt="pic.png" loading="lazy" width="250"></p>');
    expect(fetch).not.toHaveBeenCalled();
    fetch.mockRestore();
  });

  it('picks audio, video, PDF frame or a link by extension', () => {
    const html = render('![[sound.mp3]]\n\n![[clip.mp4]]\n\n![[doc.pdf]]\n\n![[data.zip]]');
    expect(html).toContain('<audio controls preload="metadata" src="/n/sound.mp3"><a href="/n/sound.mp3">sound.mp3</a></audio>');
    expect(html).toContain('<video controls preload="metadata" src="/n/clip.mp4">');
    expect(html).toContain('<div class="pdf-embed"><iframe src="/n/doc.pdf" title="doc.pdf" loading="lazy"></iframe>');
    expect(html).toContain('<a class="internal-link" href="/n/data.zip">data.zip</a>');
  });

  it('shows an unresolved embed as text', () => {
    expect(render('![[nope.png]]')).toBe('<p><span class="internal-link is-unresolved">nope.png</span></p>');
  });

  it('shows a missing embed by its file name or the text written for it, never by its size', () => {
    const missing = (html: string) => [...html.matchAll(/is-unresolved">([^<]*)</g)].map((m) => m[1]);
    const html = render(
      '![[nope.png|100]] ![[nope.png#outline|100x145]] ![250](gone.png) ![[Gone#Part]] ![[nope.png|A cat|100]] ![Alt|100](gone.png) ![[Gone|alias]]',
    );
    expect(missing(html)).toEqual(['nope.png', 'nope.png', 'gone.png', 'Gone > Part', 'A cat', 'Alt', 'alias']);
    // In a table the size is written after `\|`.
    expect(missing(render('| a | b |\n| - | - |\n| x | ![[nope.png\\|200]] |'))).toEqual(['nope.png']);
  });
});

describe('renderTree: blocks', () => {
  it('never shows Dataview source; other code stays code', () => {
    const dataview = render('```dataviewjs\ndv.pages("secret")\n```');
    expect(dataview).toContain('<div class="dataview-placeholder" data-section="dataview">');
    expect(dataview).not.toContain('secret');
    expect(render('```js\nx\n```')).toBe('<pre><code class="language-js">x\n</code></pre>');
  });

  it('keeps raw HTML but drops HTML comments, also inside raw blocks', () => {
    expect(render('<div class="x">a <!-- hidden --> b</div>\n\n<!-- gone -->\n\ntext <!-- inline --> end')).toBe('<div class="x">a  b</div>\n<p>text  end</p>');
  });

  it('renders highlights, heading ids, block ids and callouts', () => {
    expect(render('## Intro\n\n==hi== there ^blk')).toBe('<h2 id="intro">Intro</h2>\n<p id="^blk"><mark>hi</mark> there</p>');
    expect(render('> [!tip]- Title\n> Body')).toBe(
      '<details class="callout callout-tip" data-callout="tip">\n<summary class="callout-title">Title</summary>\n<div class="callout-content"><p>Body</p></div>\n</details>',
    );
    expect(render('> [!note]\n> Body')).toBe(
      '<div class="callout callout-note" data-callout="note" role="note">\n<div class="callout-title">Note</div>\n<div class="callout-content"><p>Body</p></div>\n</div>',
    );
  });
});

describe('renderTree: footnotes', () => {
  it('labels the footnotes and their back links in the site language', () => {
    const markdown = 'A[^1] and again[^1].\n\n[^1]: The note.';
    const ja = render(markdown, { ...fakeContext('Home.md', notes), lang: 'ja' });
    expect(ja).toContain('<h2 class="sr-only" id="footnote-label">脚注</h2>');
    expect(ja).toContain('aria-label="脚注 1 の参照元に戻る"');
    expect(ja).toContain('aria-label="脚注 1 の 2 つ目の参照元に戻る"');
    expect(ja).not.toContain('Back to reference');
    const en = render(markdown);
    expect(en).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
    expect(en).toContain('aria-label="Back to reference 1-2"');
  });
});
