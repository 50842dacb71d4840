// One build of a vault holding every payload of the XSS corpus (in note bodies, frontmatter and dataviewjs output);
// every page of the output is read with a real HTML parser and must hold nothing that runs.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

const payloads = readFileSync(path.resolve(import.meta.dirname, 'fixtures/xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.replaceAll('\\n', '\n'));

const PAYLOAD_WORDS = /alert|evil\.example|xss/i;
const SCRIPT_URL = /^(javascript|vbscript|data:text\/html)/;
const NEVER_IN_OUTPUT = new Set(['object', 'embed', 'form', 'frame', 'frameset', 'isindex', 'applet', 'base']);

let site: BuiltSite;

function writeVault(): string {
  const vault = mkdtempSync(path.join(tmpdir(), 'tsunagu-xss-'));
  for (const [i, payload] of payloads.entries()) {
    writeFileSync(path.join(vault, `p${String(i + 1).padStart(3, '0')}.md`), `# Payload ${i + 1}\n\n${payload}\n\nafter\n`);
  }
  mkdirSync(path.join(vault, 'meta'));
  writeFileSync(
    path.join(vault, 'meta/Frontmatter.md'),
    [
      '---',
      'title: "<img src=x onerror=alert(1)> xss title"',
      'aliases: ["<script>alert(1)</script>", "javascript:alert(1)"]',
      'tags: ["<svg onload=alert(1)>", xss]',
      'homepage: "javascript:alert(1)"',
      'note: "[xss](javascript:alert(1)) <b onclick=alert(1)>b</b>"',
      'description: "\\"><script>alert(1)</script>"',
      '---',
      'Links to [[p001]].',
    ].join('\n'),
  );
  writeFileSync(
    path.join(vault, 'meta/Dataview.md'),
    [
      '```dataviewjs',
      'dv.paragraph("<img src=x onerror=alert(1)> xss");',
      'dv.el("div", "<script>alert(1)</script><a href=\\"javascript:alert(1)\\">xss</a>");',
      'dv.span("<svg onload=alert(1)>");',
      'dv.list(["<iframe srcdoc=\\"<script>alert(1)</script>\\"></iframe>"]);',
      'dv.table(["<b onmouseover=alert(1)>h</b>"], [["<a href=javascript:alert(1)>xss</a>"]]);',
      // The element path: dv.container and what dv.el returns, built with Obsidian's helpers.
      'const box = dv.container.createDiv({ cls: "xss", attr: { onclick: "alert(1)", style: "background: url(javascript:alert(1))" } });',
      'box.innerHTML = "<img src=x onerror=alert(1)><svg onload=alert(1)></svg><a href=\\"javascript:alert(1)\\">xss</a><iframe srcdoc=\\"<script>alert(1)</script>\\"></iframe>";',
      'box.createEl("a", { text: "xss", href: "javascript:alert(1)", attr: { onmouseover: "alert(1)" } });',
      'box.createEl("script", { text: "alert(1)" });',
      'box.createEl("iframe", { attr: { src: "javascript:alert(1)" } });',
      'box.createEl("img", { attr: { src: "x", onerror: "alert(1)" } });',
      'box.createEl("style", { text: "body { background: url(javascript:alert(1)) }" });',
      'dv.el("span", "xss", { attr: { "data-x": "\\"><script>alert(1)</script>" } }).style.cssText = "width: expression(alert(1))";',
      'const t = dv.el("p", "xss"); t.innerHTML = "<object data=javascript:alert(1)></object><form action=javascript:alert(1)><button>xss</button></form>";',
      '```',
    ].join('\n'),
  );
  return vault;
}

/** What in one parsed page could run: scripts that are not the site's own, handlers, script URLs, srcdoc, objects. */
function dangers(tree: Nodes): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const tag = node.tagName;
    if (NEVER_IN_OUTPUT.has(tag)) found.push(`<${tag}>`);
    if (tag === 'script') {
      const src = node.properties.src;
      const text = node.children.map((c) => ('value' in c ? c.value : '')).join('');
      if ((typeof src === 'string' && !src.startsWith('/')) || PAYLOAD_WORDS.test(text)) found.push(`<script> ${String(src ?? text).slice(0, 60)}`);
    }
    if (tag === 'meta' && String(node.properties.httpEquiv ?? '').toLowerCase() === 'refresh') found.push('<meta http-equiv=refresh>');
    if (tag === 'style' && /javascript|expression|evil\.example/i.test(JSON.stringify(node.children))) found.push('<style> with payload');
    for (const [key, value] of Object.entries(node.properties)) {
      if (key.toLowerCase().startsWith('on')) found.push(`<${tag} ${key}>`);
      if (key === 'srcDoc') found.push(`<${tag} srcdoc>`);
      const text = (Array.isArray(value) ? value.join(' ') : String(value)).replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
      // "pression(": an expression() split by comments (ex/**/pression) is still one to old browsers.
      if (SCRIPT_URL.test(text) || (key === 'style' && /javascript:|pression\(/.test(text))) found.push(`<${tag} ${key}="${text.slice(0, 40)}">`);
    }
  });
  return found;
}

beforeAll(async () => {
  site = await buildVault(writeVault());
});

describe('XSS corpus, built and parsed', () => {
  it('has at least 50 payloads, each published as a page', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
    for (let i = 1; i <= payloads.length; i++) expect(site.exists(`p${String(i).padStart(3, '0')}/`), `payload ${i}`).toBe(true);
  });

  it('no page of the output holds a script, handler, script URL, srcdoc, object, embed or form from a note', () => {
    const problems = site
      .files()
      .filter((f) => f.endsWith('.html'))
      .flatMap((file) => dangers(fromHtml(site.read(file))).map((d) => `${file}: ${d}`));
    expect(problems).toEqual([]);
  });

  it('ran the dataviewjs block, so its payloads reached the page through the element path', () => {
    const page = site.read('meta/dataview/');
    expect(page).toContain('<div class="xss">');
    expect(page).not.toContain('dataview-notice-reason');
  });

  it('keeps the text around each payload', () => {
    expect(site.read('p001/')).toContain('after');
    expect(site.read('meta/frontmatter/')).toContain('xss title');
  });
});
