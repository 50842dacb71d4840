import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../markdown/parse';
import { renderTree } from '../markdown/render';
import { fakeContext } from '../../test/helpers/markdown';
import { trustedHtml } from './trusted';

const render = (markdown: string) =>
  renderTree(parseBody(markdown, 1).tree, fakeContext('Note.md', { 'Note.md': markdown, 'Other.md': '# Other\n\ntext ^blk' }));

/** A tree holding build output, as the mermaid step leaves it: an mdast html node. */
function withHtml(markdown: string, html: string): Root {
  const tree = parseBody(markdown, 1).tree;
  tree.children.push({ type: 'html', value: html });
  return tree;
}

describe('rehypeSanitizeNote in the renderer', () => {
  it('removes scripts, event handlers and script URLs from the author’s HTML', () => {
    const html = render(
      '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n<a href="javascript:alert(3)">a</a> <a href="data:text/html,x">b</a>\n\n<iframe srcdoc="<script>alert(4)</script>"></iframe>',
    );
    expect(html).not.toMatch(/script|onerror|javascript:|data:text|srcdoc|alert/i);
    expect(html).toContain('<img src="x.png">');
  });

  it('drops forms, objects, embeds and <style> with its text', () => {
    const html = render('<form action="/x"><input name="q"></form><object data="x.swf"></object><embed src="x.swf">\n\n<style>body{display:none}</style>text');
    expect(html).not.toMatch(/<form|<object|<embed|<style|display:none|action=/);
    expect(html).toMatch(/^<input name="user-content-q" disabled type="checkbox">/); // inputs become inert checkboxes, as for task lists
    expect(html).toContain('text');
  });

  it('keeps harmless HTML that Obsidian shows', () => {
    const source =
      '<details><summary>More</summary><kbd>Ctrl</kbd> x<sup>2</sup> H<sub>2</sub>O <mark>m</mark> <span class="c" style="color: red">s</span></details>\n\n<div class="box"><video src="v.mp4" controls width="320"></video><audio src="a.mp3" controls></audio></div>\n\n<table><tr><td>cell</td></tr></table>';
    const html = render(source);
    for (const kept of [
      '<details><summary>More</summary>',
      '<kbd>Ctrl</kbd>',
      '<sup>2</sup>',
      '<sub>2</sub>',
      '<mark>m</mark>',
      '<span class="c" style="color: red">s</span>',
      '<div class="box">',
      '<video src="v.mp4" controls width="320">',
      '<audio src="a.mp3" controls>',
      '<td>cell</td>',
    ]) {
      expect(html).toContain(kept);
    }
  });

  it('keeps what the renderer emits: internal links, callouts, heading and block ids without prefix, lazy images', () => {
    const html = render(
      '# Title\n\n> [!tip]- Folded|meta\n> body\n\n[[Other]] [[Other#^blk]] ![remote](https://example.com/a.png)\n\nA line ^mine\n\nfoot[^1]\n\n[^1]: note',
    );
    expect(html).toContain('<h1 id="title">');
    expect(html).toMatch(/<details class="callout[^"]*" data-callout="tip"[^>]*>/);
    expect(html).toContain('<a class="internal-link" href="/n/Other.md">');
    expect(html).toMatch(/id="\^?mine"|id="[^"]*mine"/);
    expect(html).toContain('loading="lazy"');
    expect(html).not.toContain('user-content-title');
    expect(html).toMatch(/href="#user-content-fn-1" id="user-content-fnref-1"/);
  });

  it('keeps build output wrapped by trustedHtml as it is, without the wrapper', () => {
    const svg = '<svg viewBox="0 0 10 10"><style>#d{fill:red}</style><g id="d"><rect width="5" height="5"></rect></g></svg>';
    const html = renderTree(withHtml('text', `<figure class="mermaid-diagram">${trustedHtml(svg)}</figure>`), fakeContext('Note.md', {}));
    expect(html).toContain(`<figure class="mermaid-diagram">${svg}</figure>`);
    expect(html).not.toContain('tsunagu-');
  });

  it('does not trust a wrapper or slot the author wrote', () => {
    const html = render('<tsunagu-trusted data-nonce="guess"><img src=x onerror=alert(1)></tsunagu-trusted><tsunagu-slot data-slot="guess:0"></tsunagu-slot>');
    expect(html).not.toMatch(/onerror|tsunagu-/);
  });

  it('does not let a half-written author tag take the wrapper’s nonce', () => {
    const tree = withHtml('x', '<p><tsunagu-trusted onclick="alert(1)" tabindex="0" x=');
    tree.children.push({ type: 'html', value: trustedHtml('<b>ok</b>') });
    const html = renderTree(tree, fakeContext('Note.md', {}));
    expect(html).not.toMatch(/onclick|alert|tsunagu-/);
  });

  it('drops inline styles that try to run script, keeps the others', () => {
    const html = render(
      '<span style="color: red">a</span><span style="background:url(JAVA\\53 cript:alert(1))">b</span><span style="width: ex/**/pression(alert(1))">c</span>',
    );
    expect(html).toBe('<p><span style="color: red">a</span><span>b</span><span>c</span></p>');
  });

  it('renames author name attributes so they cannot clobber document properties', () => {
    expect(render('<img src="a.png" name="getElementById">')).toContain('name="user-content-getElementById"');
  });
});
