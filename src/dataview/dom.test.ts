// dv.container and the elements dv.el returns, run in the sandbox: what vault scripts build with Obsidian's helpers,
// rendered through the host's allow-lists.
import { describe, expect, test } from 'vitest';
import type { RenderTarget } from '../markdown/render';
import { buildNonce } from '../safety/trusted';
import { blockStyleClass } from './block-style';
import { createDataviewEngine } from './index';
import { page, testLinks } from './test-vault';

const engine = createDataviewEngine([page('a.md', { frontmatter: { rating: 4 } }), page('b.md')], testLinks);

async function html(code: string): Promise<string> {
  const result = await engine.runJs(code, 'a.md');
  if (!result.ok) throw new Error(result.reason);
  return result.html;
}

describe('dv.container', () => {
  test('createEl, createDiv, createSpan with text, cls, attr; in call order with dv output', async () => {
    expect(
      await html(`
        dv.paragraph("first");
        const box = dv.container.createDiv({ cls: "cards", attr: { "data-n": 2, role: "list" } });
        box.createEl("h3", { text: "Rating " + dv.current().rating });
        box.createSpan("tag").setText("<b>not markup</b>");
        dv.list([1]);`),
    ).toBe(
      '<p><span>first</span></p><div class="cards" data-n="2" role="list"><h3>Rating 4</h3><span class="tag">&lt;b&gt;not markup&lt;/b&gt;</span></div>' +
        '<div><ul class="dataview list-view-ul"><li>1</li></ul></div>',
    );
  });

  test('this.container is dv.container; lastChild.remove() takes output away; textContent and innerText set text', async () => {
    expect(
      await html(`
        dv.header(2, "gone");
        dv.table(["h"], []);
        this.container.lastChild.remove();
        this.container.lastChild.remove();
        const p = dv.container.createEl("p");
        p.textContent = "one";
        p.innerText += " two";`),
    ).toBe('<p>one two</p>');
  });

  test('tables built by hand, links out, and images keep only what is safe', async () => {
    expect(
      await html(`
        const table = dv.container.createEl("table");
        const row = table.createEl("tr");
        row.createEl("td", { text: "x", attr: { colspan: 2, onclick: "alert(1)" } });
        row.createEl("td").createEl("a", { text: "site", href: "https://example.org/" });
        row.createEl("td").createEl("a", { text: "bad", href: "javascript:alert(1)" });
        dv.container.createEl("img", { attr: { src: "https://example.org/i.png", alt: "i", onerror: "alert(1)" } });`),
    ).toBe(
      '<table><tr><td colspan="2">x</td><td><a href="https://example.org/" target="_blank" rel="noopener">site</a></td><td><a>bad</a></td></tr></table>' +
        '<img src="https://example.org/i.png" alt="i">',
    );
  });

  test('innerHTML is parsed and filtered by the same lists: no script, handler or script URL survives', async () => {
    expect(
      await html(`
        const d = dv.container.createDiv();
        d.innerHTML = '<b class="x" onclick="alert(1)">bold</b><script>alert(1)</script><a href="javascript:alert(1)">a</a>' +
          '<img src=x onerror=alert(1)><iframe srcdoc="<script>alert(1)</script>"></iframe><span style="color: blue; background: url(https://evil.example/)">s</span>';`),
    ).toBe('<div><b class="x">bold</b><a>a</a><span style="color: blue">s</span></div>');
  });

  test('style: display, colours and sizes kept; positions and URLs not; hide() renders hidden', async () => {
    expect(
      await html(`
        const d = dv.container.createDiv();
        d.style.color = "red";
        d.style.position = "fixed";
        d.style.backgroundImage = "url(https://evil.example/x.png)";
        d.style.setProperty("width", "50%");
        d.style.fontWeight = "bold; background: url(x)";
        dv.container.createDiv().hide();`),
    ).toBe('<div style="color: red; width: 50%"></div><div style="display: none"></div>');
  });
});

describe('what dv.el returns', () => {
  test('an element: classes and children added later show; container option nests', async () => {
    expect(
      await html(`
        const p = dv.paragraph("Due: ");
        p.addClass("due");
        p.createEl("strong", { text: "soon" });
        const wrap = dv.el("div", "", { cls: "wrap" });
        dv.span(dv.current().file.link, { container: wrap });`),
    ).toBe(
      '<p class="due"><span>Due:</span><strong>soon</strong></p><div class="wrap"><span></span><span><span><a class="internal-link" href="/a/">a</a></span></span></div>',
    );
  });

  test('tab buttons: one notice, listeners ignored, the default tab renders', async () => {
    const out = await html(`
      const tabs = ["One", "Two"];
      tabs.forEach((name) => dv.el("button", name).addEventListener("click", () => { throw new Error("clicked"); }));
      const panel = dv.container.createDiv({ cls: "panel" });
      panel.createEl("button", { text: "More" }).onclick = () => {};
      dv.el("p", "Tab One", { container: panel });`);
    expect(out.match(/works only inside Obsidian/g)).toHaveLength(1);
    expect(out).toContain('<div class="panel"><p><span>Tab One</span></p></div>');
    expect(out).not.toContain('<button');
  });

  test('querySelector finds what the block made', async () => {
    expect(
      await html(`
        const list = dv.container.createEl("ul");
        ["a", "b"].forEach((t) => list.createEl("li", { text: t, cls: "item" }));
        dv.container.querySelectorAll("ul .item")[1].addClass("last");
        dv.container.querySelector("li.last").setText("B");`),
    ).toBe('<ul><li class="item">a</li><li class="item last">B</li></ul>');
  });

  test('inline JavaScript shows the value of what dv.span would show', async () => {
    expect(await engine.runInlineJs('dv.current().rating * 2', 'a.md')).toEqual({
      ok: true,
      html: '<span class="dataview dataview-inline-query"><span>8</span></span>',
    });
  });
});

describe('elements as values (Dataview renders an HTMLElement by appending it: it moves)', () => {
  test('dv.span, dv.paragraph and dv.el take an element: it moves out of the container into the new element', async () => {
    expect(
      await html(`
        const b = dv.el("b", "bold");
        dv.span(b);
        dv.paragraph(createEl("em", { text: "made apart" }));
        dv.el("div", document.createTextNode("text node"));`),
    ).toBe('<span><b><span>bold</span></b></span><p><em>made apart</em></p><div>text node</div>');
  });

  test('dv.list and dv.table cells render elements (and fragments as their children); a moved element is not shown twice', async () => {
    expect(
      await html(`
        const cell = dv.el("span", "cell", { cls: "pill" });
        const frag = createFragment((f) => { f.createEl("i", { text: "a" }); f.appendText("b"); });
        dv.list([createEl("strong", { text: "item" }), frag]);
        dv.table(["h"], [[cell], [createEl("a", { text: "x", href: "https://example.org/" })]]);`),
    ).toBe(
      '<div><ul class="dataview list-view-ul"><li><strong>item</strong></li><li><i>a</i>b</li></ul></div>' +
        '<div><table class="dataview table-view-table"><thead class="table-view-thead"><tr class="table-view-tr-header">' +
        '<th class="table-view-th"><span>h</span><span class="dataview small-text">2</span></th></tr></thead><tbody class="table-view-tbody">' +
        '<tr><td><span class="pill"><span>cell</span></span></td></tr>' +
        '<tr><td><a href="https://example.org/" target="_blank" rel="noopener">x</a></td></tr></tbody></table></div>',
    );
  });

  test('an element value goes through the same allow-lists: no script, handler or script URL', async () => {
    const out = await html(`
      const bad = createEl("a", { text: "x", href: "javascript:alert(1)", attr: { onclick: "alert(1)" } });
      bad.innerHTML = '<img src=x onerror=alert(1)><script>alert(2)</script>ok';
      dv.span(bad);`);
    expect(out).toBe('<span><a>ok</a></span>');
  });
});

describe('links and images to vault files, resolved as the site resolves a link from the note', () => {
  // The site's resolver: published notes and used attachments only (secret.md is a private note: never resolved).
  const targets: Record<string, RenderTarget> = {
    b: { href: '/b/', kind: 'note', id: 'b.md', title: 'b' },
    'Folder/Two words': { href: '/folder/two-words/', kind: 'note', id: 'Folder/Two words.md', title: 'Two words' },
    'cat.png': { href: '/attachments/cat.png', kind: 'attachment', id: 'img/cat.png', title: 'cat.png' },
  };
  const site = createDataviewEngine([page('a.md'), page('b.md')], {
    ...testLinks,
    renderContext: (noteId) => ({
      noteId,
      lang: 'en',
      resolve: (link) => {
        const target = targets[link.target.replace(/\.md$/, '')];
        return target && link.subpath ? { ...target, href: `${target.href}#${link.subpath}` } : target;
      },
      tagHref: () => '',
      embedTree: () => undefined,
    }),
  });
  const run = async (code: string) => {
    const result = await site.runJs(code, 'a.md');
    if (!result.ok) throw new Error(result.reason);
    return result.html;
  };

  test("createEl('a') and dv.el('a') with a note's path or link text are Obsidian's internal links; a web link still leaves the site", async () => {
    expect(
      await run(`
        dv.container.createEl("a", { text: "B", href: "b" });
        dv.el("a", "two", { attr: { href: "Folder/Two%20words.md#Part" }, cls: "pill" });
        createEl("a", { text: "open", href: "obsidian://open?vault=v&file=b" });
        dv.container.append(createEl("a", { text: "web", href: "https://example.org/" }));`),
    ).toBe(
      '<a href="/b/" class="internal-link">B</a>' +
        '<a class="internal-link pill" href="/folder/two-words/#Part"><span>two</span></a>' +
        '<a href="https://example.org/" target="_blank" rel="noopener">web</a>',
    );
  });

  test('a private or missing note, a script URL or a relative URL is no link: the text stays, without href', async () => {
    expect(
      await run(`
        dv.container.createEl("a", { text: "private", href: "secret" });
        dv.container.createEl("a", { text: "missing", href: "nowhere.md" });
        dv.container.createEl("a", { text: "js", href: "javascript:alert(1)" });
        dv.container.createEl("a", { text: "data", href: "data:text/html,x" });`),
    ).toBe('<a>private</a><a>missing</a><a>js</a><a>data</a>');
  });

  test('an image from a vault path shows the published attachment; a note or an unknown file as src is dropped', async () => {
    expect(
      await run(`
        dv.container.createEl("img", { attr: { src: "cat.png", alt: "cat", width: "50" } });
        const img = document.createElement("img");
        img.src = "b";
        img.setAttribute("src", "b");
        dv.container.appendChild(img);
        dv.span(createEl("img", { attr: { src: "unknown.png" } }));
        dv.el("div", "", { cls: "x" }).innerHTML = '<img src="cat.png" onerror="alert(1)">';`),
    ).toBe('<img src="/attachments/cat.png" alt="cat" width="50"><span></span><div class="x"><img src="/attachments/cat.png"></div>');
  });
});

describe("a block's own <style>", () => {
  const trusted = (html: string) => `<tsunagu-trusted data-nonce="${buildNonce()}">${html}</tsunagu-trusted>`;
  test("dv.el('style'), createEl('style') and a <style> in innerHTML are kept, scoped to the block's output", async () => {
    const a = '.tab { color: red }';
    const b = 'p { margin: 0 }';
    expect(
      await html(`
        dv.el("style", ${JSON.stringify(a)});
        dv.container.createEl("style", { text: ${JSON.stringify(b)} });
        dv.el("div", "").innerHTML = "<style>${b}</style><span class='tab'>x</span>";
        dv.paragraph("after");`),
    ).toBe(
      `<div class="${blockStyleClass(a)} ${blockStyleClass(b)}">` +
        trusted(`<style>.${blockStyleClass(a)} {\n${a}\n}</style>`) +
        trusted(`<style>.${blockStyleClass(b)} {\n${b}\n}</style>`) +
        `<div>${trusted(`<style>.${blockStyleClass(b)} {\n${b}\n}</style>`)}<span class="tab">x</span></div><p><span>after</span></p></div>`,
    );
  });

  test('a style that could leave the block is dropped, and the output is not wrapped', async () => {
    expect(await html('dv.el("style", "} body { display: none }"); dv.span("x")')).toBe('<span><span>x</span></span>');
  });
});

describe("Obsidian's DOM globals", () => {
  test('document.createElement, createTextNode, fragments and the global createEl build elements the block appends', async () => {
    expect(
      await html(`
        const d = document.createElement("DIV");
        d.className = "box";
        d.appendChild(document.createTextNode("a"));
        const f = createFragment((frag) => { frag.createSpan({ text: "b" }); frag.appendText("c"); });
        d.append(f, createEl("em", { text: "d" }), createDiv("inner"));
        dv.container.appendChild(d);
        createSpan({ text: "never appended" });
        dv.paragraph(String(document.querySelector("div")) + " " + getComputedStyle(d).display);`),
    ).toBe('<div class="box">a<span>b</span>c<em>d</em><div class="inner"></div></div><p><span>null block</span></p>');
  });

  test("a layout library that waits for the document and measures columns runs (as the vault's imagegrid view does)", async () => {
    expect(
      await html(`
        for (let i = 0; i < 2; i++) dv.el("div", "", { cls: "grid-col" });
        const item = dv.container.createDiv({ cls: "grid-item", text: "x" });
        const ready = (fn) => (document.readyState == "complete" ? fn() : document.addEventListener("DOMContentLoaded", fn));
        ready(() => {
          const columns = Array.from(dv.container.querySelectorAll(".grid-col")).filter((c) => getComputedStyle(c).display != "none");
          columns[0].appendChild(item);
          item.colcadeGUID = 1;
        });`),
    ).toBe('<div class="grid-col"><span></span><div class="grid-item">x</div></div><div class="grid-col"><span></span></div>');
  });
});

test('a container the block styled is one div around its output, so the view CSS that targets it applies', async () => {
  expect(await html('dv.container.className += " imagegrid"; dv.container.style.display = "flex"; dv.list([1]); dv.span("x")')).toBe(
    '<div class="imagegrid" style="display: flex"><div><ul class="dataview list-view-ul"><li>1</li></ul></div><span><span>x</span></span></div>',
  );
});
