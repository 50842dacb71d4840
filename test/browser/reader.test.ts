// The sample vault, built once under a sub-path base, read in Chromium as a reader would: links, themes, diagrams,
// glossary filter, hover previews, small screens, keyboard, and axe-core on each kind of page.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from '../helpers/build';
import { launchChromium, serveStatic, type StaticServer } from '../helpers/browser';

const projectDir = path.resolve(import.meta.dirname, '../..');
const BASE = '/tsunagu-test/';
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let urlOf: (noteId: string) => string;

beforeAll(async () => {
  const config = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-browser-')), 'tsunagu.config.yaml');
  writeFileSync(config, `title: テスト\nlang: ja\nsite: https://example.org\nbase: ${BASE}\n`);
  site = await buildVault(path.join(projectDir, 'notes'), { TSUNAGU_CONFIG: config });
  server = await serveStatic(site.outDir, BASE);
  browser = await launchChromium();
  const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string; url: string }[] };
  urlOf = (id) => {
    const note = graph.notes.find((n) => n.id === id);
    if (!note) throw new Error(`${id} is not published`);
    return new URL(note.url, server.url).href;
  };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, options: { width?: number; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    bypassCSP: options.bypassCSP,
  });
  await page.goto(url);
  return page;
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(253, 253, 252)';
const DARK_BG = 'rgb(22, 24, 29)';

describe('links', () => {
  it('a wikilink to a heading lands on that heading, below the sticky header', async () => {
    const page = await open(urlOf('Docker/本番環境にはイメージを渡す.md'));
    await page.getByRole('link', { name: '前の料理の例え' }).click();
    await page.waitForURL(/#/);
    expect(new URL(page.url()).pathname).toBe(new URL(urlOf('Clippings/コンテナイメージとは.md')).pathname);
    const target = await page.evaluate(() => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      return el && { tag: el.tagName, text: el.textContent, top: el.getBoundingClientRect().top, headerBottom: header.bottom };
    });
    expect(target).toMatchObject({ tag: expect.stringMatching(/^H[1-6]$/), text: expect.stringContaining('コンテナイメージとは何か') });
    expect(target!.top).toBeGreaterThanOrEqual(target!.headerBottom);
    expect(target!.top).toBeLessThan(200);
    await page.close();
  });
});

describe('themes', () => {
  it('follows the system preference', async () => {
    const page = await open(server.url, { colorScheme: 'dark' });
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
    await page.close();
  });

  it('the toggle switches the theme, and the choice survives a reload', async () => {
    const page = await open(server.url, { colorScheme: 'dark' });
    await page.getByRole('button', { name: 'ライト／ダークの切り替え' }).click();
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
    await page.reload();
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
    await page.getByRole('button', { name: 'ライト／ダークの切り替え' }).click();
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await page.close();
  });
});

describe('mermaid', () => {
  it('shows each diagram as an SVG drawn at build time, in the theme of the page', async () => {
    const page = await open(urlOf('Docker/レッスン/Dockerイメージとコンテナ.md'));
    const diagrams = page.locator('.mermaid-diagram');
    expect(await diagrams.count()).toBe(3);
    await expect.poll(() => diagrams.first().locator('.mermaid-light svg').isVisible()).toBe(true);
    expect(await diagrams.first().locator('.mermaid-dark svg').isVisible()).toBe(false);
    expect(await diagrams.first().locator('.mermaid-light svg').textContent()).toContain('書き込み可能レイヤー');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await diagrams.first().locator('.mermaid-dark svg').isVisible()).toBe(true);
    expect(await diagrams.first().locator('.mermaid-light svg').isVisible()).toBe(false);
    expect(await page.locator('pre.mermaid, [data-mermaid-failed]').count()).toBe(0);
    await page.close();
  });
});

describe('code and math', () => {
  const LESSON = 'Docker/レッスン/Dockerイメージとコンテナ.md';
  /** The colour of the lesson Dockerfile's `FROM`, and how many elements hold it (one copy for both themes). */
  const dockerfileFrom = (page: Page) =>
    page.evaluate(() => {
      const spans = [...document.querySelectorAll('.note-body pre.shiki span')].filter((s) => s.children.length === 0 && s.textContent === 'FROM');
      return { copies: spans.length, color: spans[0] && getComputedStyle(spans[0]).color };
    });

  it('colours code by the theme from one copy of its HTML, in the system theme and with the toggle', async () => {
    const light = await open(urlOf(LESSON));
    const dark = await open(urlOf(LESSON), { colorScheme: 'dark' });
    const [inLight, inDark] = [await dockerfileFrom(light), await dockerfileFrom(dark)];
    expect(inLight.copies).toBe(1);
    expect(inDark.copies).toBe(1);
    expect(inLight.color).not.toBe(inDark.color);
    await light.locator('[data-theme-toggle]').click();
    expect((await dockerfileFrom(light)).color).toBe(inDark.color);
    // The theme's colour, not the page's text colour: the token is highlighted.
    expect(inLight.color).not.toBe(await light.evaluate(() => getComputedStyle(document.querySelector('.note-body p')!).color));
    await light.close();
    await dark.close();
  });

  it('adds a copy button when the reader first hovers a code block, loading its script only then', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(urlOf(LESSON));
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.locator('.note-body pre.shiki').first().hover();
    const button = page.locator('.code-block .code-copy').first();
    await button.waitFor({ state: 'visible' });
    expect(scripts.some((url) => /code-copy/.test(url))).toBe(true);
    expect(await button.textContent()).toBe('コピー');
    await page.close();
  });

  it('typesets math with KaTeX fonts, its MathML kept for screen readers but not shown twice', async () => {
    const page = await open(urlOf('用語集/ダイジェスト.md'));
    await page.evaluate(() => document.fonts.ready);
    const math = await page.evaluate(() => {
      const katex = document.querySelector('.note-body .katex')!;
      const mathml = katex.querySelector('.katex-mathml')!;
      return {
        mathmlClipped: getComputedStyle(mathml).position === 'absolute',
        font: getComputedStyle(katex.querySelector('.mord.text') ?? katex).fontFamily,
        fontsLoaded: document.fonts.check('1em KaTeX_Main'),
      };
    });
    expect(math).toEqual({ mathmlClipped: true, font: expect.stringContaining('KaTeX_Main'), fontsLoaded: true });
    await page.close();
  });
});

describe('glossary filter', () => {
  for (const query of ['digest', 'だいじぇすと', 'ダイジェスト']) {
    it(`"${query}" leaves ダイジェスト visible and hides the other terms`, async () => {
      const page = await open(new URL('glossary/', server.url).href);
      await page.locator('#glossary-query').fill(query);
      const visible = page.locator('.glossary-term:visible');
      await expect.poll(() => visible.allTextContents()).toEqual(['ダイジェスト']);
      expect(await page.locator('.glossary-term').count()).toBeGreaterThan(50);
      await page.close();
    });
  }
});

describe('note pages', () => {
  it('load no script before interaction; a hover fetches the preview script and shows the linked note', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(urlOf('Docker/本番環境にはイメージを渡す.md'));
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.locator('.note-body').getByRole('link', { name: '前の料理の例え' }).hover();
    const preview = page.locator('.hover-preview');
    await preview.waitFor({ state: 'visible' });
    expect(scripts.some((url) => /preview/.test(url))).toBe(true);
    expect(await preview.textContent()).toContain('コンテナイメージとは何か');
    await page.mouse.move(5, 5);
    await preview.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('shows properties with resolved links, a table of contents and the next note of the folder', async () => {
    const page = await open(urlOf('Docker/レッスン/Dockerイメージとコンテナ.md'));
    expect(await page.locator('.properties dt').allTextContents()).toContain('mission');
    const toc = page.locator('nav.toc');
    expect(await toc.locator('a').count()).toBeGreaterThanOrEqual(3);
    const first = toc.locator('a').first();
    await first.click();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(decodeURIComponent((await first.getAttribute('href'))!));
    expect(await page.locator('.prev-next a').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('starts with a skip link to the content, with a visible focus ring', async () => {
    const page = await open(urlOf('Docker/本番環境にはイメージを渡す.md'));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, top: el.getBoundingClientRect().top, outline: style.outlineStyle };
    });
    expect(focused).toMatchObject({ text: '本文へスキップ', outline: 'solid' });
    expect(focused.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('bases', () => {
  it('sorts and filters a base table once the reader hovers it, loading its script only then', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(urlOf('用語集の表.md'));
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    const table = page.locator('.base-view[data-view="用語の一覧"] table.base-table');
    const names = () => table.locator('tbody tr td:first-child').allTextContents();
    const before = await names();
    expect(before.length).toBeGreaterThan(3);
    await table.hover();
    const filter = page.locator('.base-view[data-view="用語の一覧"] .base-filter');
    await filter.waitFor({ state: 'visible' });
    expect(scripts.some((url) => /base-table/.test(url))).toBe(true);
    // Sorted by reading in the base; the name column sorts both ways, empty cells last.
    await table.getByRole('button', { name: '用語' }).click();
    expect(await table.locator('th[aria-sort="ascending"]').count()).toBe(1);
    const ascending = await names();
    expect(ascending).toEqual([...before].sort(new Intl.Collator('ja', { numeric: true }).compare));
    await table.getByRole('button', { name: '用語' }).click();
    expect(await names()).toEqual([...ascending].reverse());
    await filter.fill(before[0]);
    expect(await table.locator('tbody tr:visible td:first-child').allTextContents()).toContain(before[0]);
    expect(await table.locator('tbody tr:visible').count()).toBeLessThan(before.length);
    await filter.fill('');
    expect(await table.locator('tbody tr:visible').count()).toBe(before.length);
    await page.close();
  });
});

describe('small screens (360 px)', () => {
  for (const [name, url] of [
    ['home', () => server.url],
    ['a note', () => urlOf('Docker/レッスン/Dockerイメージとコンテナ.md')],
    ['the glossary', () => new URL('glossary/', server.url).href],
  ] as const) {
    it(`${name} does not scroll sideways`, async () => {
      const page = await open(url(), { width: 360 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.close();
    });
  }
});

describe('feeds', () => {
  it('writes rss.xml and sitemap.xml with absolute URLs under base', () => {
    expect(site.read('rss.xml')).toContain(`<link>https://example.org${BASE}</link>`);
    const sitemap = site.read('sitemap.xml');
    expect(sitemap).toContain(`<loc>https://example.org${BASE}about/</loc>`);
    expect(sitemap).toContain(`<loc>https://example.org${BASE}glossary/</loc>`);
    expect(sitemap).not.toContain('404');
  });
});

describe('canvas', () => {
  const CANVAS = 'Docker/レッスン/イメージのライフサイクル.canvas';
  /** On-screen width of one card: the board's scale, whatever moves it (viewBox, fit to the column). */
  const cardWidth = (page: Page) => page.locator('[data-node="a1f0c2d4e6b80012"]').evaluate((el) => el.getBoundingClientRect().width);

  it('draws the whole board without script, scaled to the column, and fetches no script before interaction', async () => {
    const scripts: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(urlOf(CANVAS));
    const board = await page.locator('.canvas-viewport').boundingBox();
    const svg = await page.locator('.canvas-svg').boundingBox();
    expect(svg!.width).toBeLessThanOrEqual(board!.width + 1);
    expect(await page.locator('.canvas-card').count()).toBeGreaterThan(10);
    expect(await cardWidth(page)).toBeGreaterThan(100);
    expect(scripts).toEqual([]);
    await page.close();
  });

  it('zooms in and out with the buttons and keys, and fits the board again', async () => {
    const page = await open(urlOf(CANVAS));
    const initial = await cardWidth(page);
    await page.getByRole('button', { name: '拡大' }).click();
    await expect.poll(() => page.locator('.canvas-board.is-interactive').count()).toBe(1);
    await expect.poll(() => cardWidth(page)).toBeGreaterThan(initial * 1.1);
    const zoomedIn = await cardWidth(page);
    await page.getByRole('button', { name: '縮小' }).click();
    await page.getByRole('button', { name: '縮小' }).click();
    expect(await cardWidth(page)).toBeLessThan(zoomedIn / 1.4);
    await page.locator('.canvas-viewport').focus();
    const beforeKey = await cardWidth(page);
    await page.keyboard.press('+');
    expect(await cardWidth(page)).toBeGreaterThan(beforeKey * 1.1);
    await page.getByRole('button', { name: '全体を表示' }).click();
    // Fit: the whole board in the viewport.
    const fitted = await page.evaluate(() => {
      const frame = document.querySelector('.canvas-viewport')!.getBoundingClientRect();
      const cards = [...document.querySelectorAll('.canvas-card')].map((el) => el.getBoundingClientRect());
      return cards.every((c) => c.left >= frame.left - 1 && c.right <= frame.right + 1 && c.top >= frame.top - 1 && c.bottom <= frame.bottom + 1);
    });
    expect(fitted).toBe(true);
    await page.close();
  });

  it('pans by dragging without following the link under the pointer', async () => {
    const page = await open(urlOf(CANVAS));
    await page.getByRole('button', { name: '拡大' }).click();
    await expect.poll(() => page.locator('.canvas-board.is-interactive').count()).toBe(1);
    const card = page.locator('[data-node="a1f0c2d4e6b80012"]');
    const before = (await card.boundingBox())!;
    const frame = (await page.locator('.canvas-viewport').boundingBox())!;
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await page.mouse.down();
    await page.mouse.move(frame.x + frame.width / 2 - 120, frame.y + frame.height / 2 - 40, { steps: 5 });
    await page.mouse.up();
    const after = (await card.boundingBox())!;
    expect(before.x - after.x).toBeGreaterThan(100);
    expect(new URL(page.url()).pathname).toBe(new URL(urlOf(CANVAS)).pathname);
    await page.close();
  });

  it('follows links on cards: a note card label and a wikilink in a text card', async () => {
    const page = await open(urlOf(CANVAS));
    await page.locator('.canvas-file-label', { hasText: 'レジストリ' }).first().click();
    await page.waitForURL((url) => url.pathname === new URL(urlOf('用語集/レジストリ.md')).pathname);
    await page.goBack();
    await page.locator('[data-node="a1f0c2d4e6b80013"] a.internal-link', { hasText: 'タグ' }).click();
    await page.waitForURL((url) => url.pathname === new URL(urlOf('用語集/タグ.md')).pathname);
    // The term lists the canvas among the pages that link to it.
    expect(await page.locator('[data-section="backlinks"] a', { hasText: 'イメージのライフサイクル' }).count()).toBe(1);
    await page.close();
  });

  it('fits the embedded board into its frame in the lesson, with a link to the canvas page', async () => {
    const page = await open(urlOf('Docker/レッスン/Dockerイメージとコンテナ.md'), { width: 390 });
    const embed = page.locator('.canvas-embed .canvas-viewport');
    const frame = (await embed.boundingBox())!;
    const svg = (await page.locator('.canvas-embed .canvas-svg').boundingBox())!;
    expect(svg.width).toBeLessThanOrEqual(frame.width + 1);
    await page.getByRole('link', { name: 'キャンバス「イメージのライフサイクル」を開く' }).click();
    await page.waitForURL((url) => url.pathname === new URL(urlOf(CANVAS)).pathname);
    await page.close();
  });

  it('scrolls both ways on a narrow screen instead of shrinking the text away', async () => {
    const page = await open(urlOf(CANVAS), { width: 390 });
    const sizes = await page.locator('.canvas-viewport').evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    await page.close();
  });
});

describe('accessibility (axe-core)', () => {
  const axeSource = readFileSync(path.join(projectDir, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const pages: [string, () => string][] = [
    ['home', () => server.url],
    ['a note', () => urlOf('Docker/レッスン/Dockerイメージとコンテナ.md')],
    ['a tag page', () => new URL('tags/t-notes/docker/', server.url).href],
    ['the glossary', () => new URL('glossary/', server.url).href],
    ['the about page', () => new URL('about/', server.url).href],
    ['a canvas', () => urlOf('Docker/レッスン/イメージのライフサイクル.canvas')],
  ];
  for (const [name, url] of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${name} (${colorScheme}) has no violations`, async () => {
        // The site's CSP rightly refuses inline scripts it does not know, axe included.
        const page = await open(url(), { colorScheme, bypassCSP: true });
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return result.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
        });
        expect(violations).toEqual([]);
        await page.close();
      });
    }
  }
});
