// Math (KaTeX) and code (Shiki) rendered at build time: one fixture vault, one real build.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildVault(path.resolve(import.meta.dirname, 'fixtures/vaults/math-code'));
});

/** The note's rendered body. */
function body(page: string): string {
  const html = site.read(page);
  return html.slice(html.indexOf('class="note-body"'), html.indexOf('class="prev-next'));
}

function stylesheets(page: string): string[] {
  return [...site.read(page).matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
}

describe('math', () => {
  it('renders inline and display math as KaTeX HTML with MathML', () => {
    const html = body('math/');
    expect(html).toMatch(/<p>Euler: <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/);
    expect(html).toContain('<annotation encoding="application/x-tex">e^{2i\\pi} = 1</annotation>');
    expect(html).toContain('<annotation encoding="application/x-tex">\\begin{vmatrix}a &#x26; b\\\\ c &#x26; d\\end{vmatrix}=ad-bc</annotation>');
    expect(html.match(/class="katex-display"/g)).toHaveLength(3); // the determinant, the one-line sum, the callout's
  });

  it('leaves prices and escaped dollars as text, and $#1$ is no tag', () => {
    const html = body('math/');
    expect(html).toContain('<p>Prices stay text: $5 と $10.</p>');
    expect(html).toContain('<p>An escaped $ is a dollar, and so is $x$.</p>');
    expect(html).not.toContain('/tags/1/');
    expect(site.exists('tags/1/')).toBe(false);
  });

  it('shows a formula KaTeX rejects as its TeX with a notice, and reports it once with file and line', () => {
    expect(body('math/')).toMatch(
      /<span class="math-failed" role="note"><code>\$\$\\require\{cancel\}\\cancel\{x\}\$\$<\/code><span class="math-notice">この数式は/,
    );
    const reported = site.log.split('\n').filter((line) => line.includes('\\require'));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain('math.md:23');
  });

  it('renders math inside a callout, a table cell, a list, a footnote and an embed', () => {
    const html = body('math/');
    expect(html).toMatch(/<div class="callout-content"><p>Inside a callout: <span class="katex">/);
    expect(html).toMatch(/<div class="callout-content">[\s\S]*?<span class="katex-display">[\s\S]*?a\^2 \+ b\^2 = c\^2/);
    expect(html).toMatch(/<td><span class="katex">[\s\S]*?\\alpha \+ \\beta/);
    expect(html).toMatch(/<li>a list item with <span class="katex">/);
    expect(html).toMatch(/The footnote holds <span class="katex">/);
    expect(html).toMatch(/data-embed-of="embedded.md"><p>An embedded formula: <span class="katex">/);
  });

  it('keeps highlights, strikethrough and emphasis next to Japanese punctuation', () => {
    expect(body('math/')).toContain('<mark>highlight</mark> and <del>strike</del> and <strong>「強調」</strong>を keep working.');
  });

  it("links KaTeX's stylesheet (shipped in dist/ with its fonts) only from pages with math", () => {
    const katex = stylesheets('math/').filter((href) => href.includes('katex'));
    expect(katex).toHaveLength(1);
    const css = site.read(katex[0].slice(1));
    const fonts = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(10);
    for (const font of fonts) expect(site.exists(new URL(font, `http://site${katex[0]}`).pathname.slice(1)), font).toBe(true);
    for (const page of ['plain/', 'code/', ''])
      expect(
        stylesheets(page).some((href) => href.includes('katex')),
        page,
      ).toBe(false);
    expect(stylesheets('embedded/').some((href) => href.includes('katex'))).toBe(true);
  });
});

describe('code', () => {
  it('highlights ts, dockerfile and yaml with light and dark colours in one copy', () => {
    const html = body('code/');
    const blocks = [...html.matchAll(/<pre class="shiki[^"]*"[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) => m[1]);
    expect(blocks).toHaveLength(3);
    for (const [block, word] of blocks.map((b, i) => [b, ['const', 'FROM', 'services'][i]])) {
      expect(block).toMatch(new RegExp(`<span style="--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}">${word}`, 'i'));
    }
  });

  it('shows an unknown language and a fence without one as plain code, and inline code as before', () => {
    const html = body('code/');
    expect(html).toContain('<pre><code class="language-nosuchlanguage">plain &#x3C;text> &#x26; more\n</code></pre>');
    expect(html).toContain('<pre><code>no language at all\n</code></pre>');
    expect(html).toContain('<p>Inline <code>code</code> stays as it was.</p>');
  });

  it('ships no script before interaction: the copy button script is imported on first use', () => {
    const page = site.read('code/');
    expect(page).not.toMatch(/<script[^>]+src=/);
    expect(page).toMatch(/const src = "\/scripts\/code-copy.js"[\s\S]*?addEventListener\('pointerover', firstUse\)/);
    expect(site.exists('scripts/code-copy.js')).toBe(true);
    expect(site.read('plain/')).not.toContain('code-copy.js');
  });
});
