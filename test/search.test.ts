// Search over the sample vault, built with `astro build` (which runs Pagefind) under a sub-path base, in Chromium:
// the index through Pagefind's own JS API, and the query set and the keyboard through the header's search.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagefindWeb } from '../src/search/pagefind-web';
import { indexSite, PART_PAGES } from '../src/search/index-site';
import { PARTS_FILE } from '../src/search/parts';
import { searchPage } from '../src/search/search-page';
import { distFiles } from '../src/safety/dist-files';
import { SEARCH_CASES } from '../src/search/query-set';
import { RESULTS_PAGE, SEARCH_RANKING } from '../src/search/ranking';
import { buildVault, type BuiltSite } from './helpers/build';
import { launchChromium, serveStatic, type StaticServer } from './helpers/browser';

const projectDir = path.resolve(import.meta.dirname, '..');
const BASE = '/tsunagu-search/';
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
/** Note id → its URL path (with base). */
let urlOf: Map<string, string>;

beforeAll(async () => {
  const config = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-search-')), 'tsunagu.config.yaml');
  writeFileSync(config, `title: テスト\nlang: ja\nbase: ${BASE}\n`);
  site = await buildVault(path.join(projectDir, 'notes'), { TSUNAGU_CONFIG: config });
  server = await serveStatic(site.outDir, BASE);
  browser = await launchChromium();
  const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string; url: string }[] };
  urlOf = new Map(graph.notes.map((note) => [note.id, note.url]));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Hit {
  url: string;
  title: string;
  excerpt: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  subResults: { url: string; title: string }[];
}

/** Runs each query in a fresh page through pagefind.js, its parts merged; the top `limit` results of each. */
async function search(queries: { query: string; filters?: Record<string, string> }[], limit = 3, at = server): Promise<Hit[][]> {
  const page = await browser.newPage({ bypassCSP: true });
  await page.goto(at.url);
  // A module script of the page imports it: vitest would rewrite an import() inside evaluate().
  await page.addScriptTag({ type: 'module', content: `import * as pagefind from '${BASE}pagefind/pagefind.js'; window.pagefind = pagefind;` });
  await page.waitForFunction(() => 'pagefind' in window);
  const hits = await page.evaluate(
    async ({ base, queries, limit, ranking, partsFile }) => {
      const pagefind = (window as unknown as { pagefind: PagefindWeb }).pagefind;
      await pagefind.options({ baseUrl: base, ranking });
      const { parts } = (await (await fetch(`${base}pagefind/${partsFile}`)).json()) as { parts: string[] };
      for (const part of parts) await pagefind.mergeIndex(`${base}pagefind/${part}`, { baseUrl: base, ranking });
      const all = [];
      for (const { query, filters } of queries) {
        const found = await pagefind.search(query, { filters: filters ?? {} });
        const top = await Promise.all(found.results.slice(0, limit).map((result) => result.data()));
        all.push(
          top.map((d) => ({
            url: decodeURI(d.url),
            title: d.meta.title,
            excerpt: d.excerpt,
            filters: d.filters,
            meta: d.meta,
            subResults: d.sub_results.map((s) => ({ url: decodeURI(s.url), title: s.title })),
          })),
        );
      }
      return all;
    },
    { base: BASE, queries, limit, ranking: SEARCH_RANKING, partsFile: PARTS_FILE },
  );
  await page.close();
  return hits;
}

const pathOf = (id: string) => decodeURI(urlOf.get(id) ?? `(${id} is not published)`);

describe('the Pagefind index of the sample vault', () => {
  it('is written by the build, which reports its time and size', () => {
    expect(site.exists('pagefind/pagefind.js')).toBe(true);
    expect(site.log).toMatch(/Pagefind: \d+ pages indexed in [\d.]+ s; index \d+ KB/);
  });

  it('is the index Pagefind writes from the whole pages, byte for byte; every note page is read in part', async () => {
    const whole = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-whole-')), 'dist');
    cpSync(site.outDir, whole, { recursive: true });
    await indexSite(whole, 'ja', path.join(whole, '../cache'), PART_PAGES, true);
    const files = (dir: string) => new Map(distFiles(path.join(dir, 'pagefind')).map((file) => [file, readFileSync(path.join(dir, 'pagefind', file))]));
    expect(files(site.outDir)).toEqual(files(whole));
    const bodies = distFiles(site.outDir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => site.read(file))
      .filter((html) => html.includes('data-pagefind-body'));
    expect(bodies.length).toBeGreaterThan(50);
    expect(bodies.filter((html) => searchPage(html) === undefined)).toEqual([]);
  }, 60_000);

  it('indexes the note body only: words of navigation and computed lists find no note page', async () => {
    // バックリンク heads a section of every note page (only the guide and about notes write it in their text);
    // この用語が出てくるノート heads the where-used list of every term page.
    const [backlinks, usedIn] = await search([{ query: 'バックリンク' }, { query: 'この用語が出てくるノート' }], 100);
    expect(backlinks.map((hit) => hit.url).sort()).toEqual([`${BASE}about/`, `${BASE}guide/`]);
    // Only the about note, whose own text has both この and ノート.
    expect(usedIn.filter((hit) => hit.filters.kind).map((hit) => hit.url)).toEqual([`${BASE}about/`]);
  });

  it('gives each result its title, modified date, kind and tags, and sub-results by heading', async () => {
    const [hits] = await search([{ query: '命名規則' }]);
    const lesson = hits.find((hit) => hit.url === pathOf(IMAGE_LESSON_ID))!;
    expect(lesson).toMatchObject({
      title: 'Dockerイメージとは',
      meta: { modified: '2025-08-05' },
      filters: { kind: ['ノート'], tag: expect.arrayContaining(['t-notes/Docker', 't-notes/Docker/レッスン']) },
    });
    expect(lesson.excerpt).toContain('<mark>');
    expect(lesson.subResults).toContainEqual({ url: `${pathOf(IMAGE_LESSON_ID)}#イメージの命名規則`, title: 'イメージの命名規則' });
  });

  it('filters by kind and by tag', async () => {
    const [terms, notes, tagged] = await search(
      [
        { query: 'イメージ', filters: { kind: '用語' } },
        { query: 'イメージ', filters: { kind: 'ノート' } },
        { query: 'イメージ', filters: { tag: 't-notes/Docker/レッスン' } },
      ],
      100,
    );
    expect(terms.length).toBeGreaterThan(10);
    expect(terms.every((hit) => hit.filters.kind[0] === '用語')).toBe(true);
    expect(notes.map((hit) => hit.url).sort()).toEqual([...NOTE_IDS].map(pathOf).sort());
    expect(tagged.map((hit) => hit.url).sort()).toEqual([IMAGE_LESSON_ID, 'Docker/レッスン/Dockerイメージとコンテナ.md'].map(pathOf).sort());
  });
});

const IMAGE_LESSON_ID = 'Docker/レッスン/Dockerイメージとは.md';
const PRODUCTION_ID = 'Docker/本番環境にはイメージを渡す.md';
/** The sample vault's notes that are not glossary terms. */
const NOTE_IDS = [
  'Docker/本番環境にはイメージを渡す.md',
  IMAGE_LESSON_ID,
  'Docker/レッスン/Dockerイメージとコンテナ.md',
  'Clippings/【図解】Dockerの全体像を理解する -前編-.md',
  'Clippings/コンテナイメージとは.md',
  // The sample's about and guide notes mention terms whose aliases hold イメージ (イメージタグ, イメージビルド).
  'about.md',
  'guide.md',
  'Docker/イメージを学ぶ順番.md',
  '用語集の表.md',
];

/** Opens the search with `/` on a note page. */
async function openSearch(at = server): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  // Playwright's own 30 s per wait, not the tests' 120 s: a filtered query on a loaded machine took longer once.
  page.setDefaultTimeout(100_000);
  await page.goto(new URL(urlOf.get(IMAGE_LESSON_ID)!, at.url).href);
  await page.keyboard.press('/');
  await page.locator('[data-search-input]').waitFor({ state: 'visible' });
  return page;
}

/** Types the query into the open search and waits for its results: the result links, in order (paths). */
async function ask(page: Page, query: string): Promise<string[]> {
  await page.locator('[data-search-input]').fill(query);
  await page.waitForFunction((q) => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return (
      document.querySelector<HTMLInputElement>('[data-search-input]')?.value === q &&
      /件|見つかりません/.test(status) &&
      !document.querySelector('[data-search-results]')?.getAttribute('aria-busy')
    );
  }, query);
  return page.locator('.search-hit-link').evaluateAll((links) => links.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
}

/** As `ask`, then 「さらに表示」 until every result is shown: all the result links, in order. */
async function askAll(page: Page, query: string): Promise<string[]> {
  let shown = await ask(page, query);
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-hit').length > n, shown.length);
    shown = await page.locator('.search-hit-link').evaluateAll((links) => links.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
  }
  return shown;
}

// Each query waits for Pagefind's chunks and the header search's per-word narrowing: past 30 s on a loaded machine.
describe('the header search', { timeout: 120_000 }, () => {
  it('puts the expected page first for every query of the set', async () => {
    const page = await openSearch();
    const table = [];
    for (const c of SEARCH_CASES) {
      const got = await ask(page, c.query);
      table.push({ query: c.query, expected: pathOf(c.expected), got: got[0] ?? '(nothing)', then: got[1] ?? '' });
    }
    await page.close();
    const failed = table.filter((row) => row.got !== row.expected);
    console.log(`${SEARCH_CASES.length - failed.length}/${SEARCH_CASES.length} queries put the expected page first`);
    console.table(table);
    expect(failed).toEqual([]);
  });

  it('fetches no search script or index until the reader opens it; one query then loads under 100 KB of index', async () => {
    const page = await browser.newPage();
    // Each body is awaited before the checks (and before the page closes): a body still arriving would be left out
    // of the sum, and one read after close() rejects.
    const fetching: Promise<{ url: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      const url = decodeURI(new URL(response.url()).pathname);
      if (/\/(pagefind|scripts)\//.test(url)) fetching.push(response.body().then((body) => ({ url, bytes: body.length })));
    });
    await page.goto(new URL(urlOf.get(PRODUCTION_ID)!, server.url).href);
    await page.waitForLoadState('networkidle');
    expect(fetching).toEqual([]);
    await page.keyboard.press('Control+k');
    await page.locator('[data-search-input]').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.matches('[data-search-input]'))).toBe(true);
    expect(await ask(page, 'イメージ')).not.toEqual([]);
    await page.waitForLoadState('networkidle');
    const fetched = await Promise.all(fetching);
    expect(fetched.map((f) => f.url)).toEqual(expect.arrayContaining([`${BASE}scripts/search.js`, `${BASE}pagefind/pagefind.js`]));
    const index = fetched.filter((f) => /\.pf_(meta|index|filter|fragment)$/.test(f.url));
    expect(index.reduce((sum, f) => sum + f.bytes, 0)).toBeLessThan(100 * 1024);
    await page.close();
  });

  it('is used with the keyboard: highlighted results, ↓/↑ through them, Enter opens the page', async () => {
    const page = await openSearch();
    await ask(page, 'digest');
    expect(await page.locator('.search-hit').first().locator('mark').first().textContent()).toMatch(/digest/i);
    const focusedHref = () => page.evaluate(() => decodeURI(document.activeElement?.getAttribute('href') ?? document.activeElement?.tagName ?? ''));
    await page.keyboard.press('ArrowDown');
    expect(await focusedHref()).toBe(pathOf('用語集/ダイジェスト.md'));
    await page.keyboard.press('ArrowDown');
    const second = await focusedHref();
    expect(second).not.toBe(pathOf('用語集/ダイジェスト.md'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedHref()).toBe('INPUT');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => decodeURI(url.pathname) === pathOf('用語集/ダイジェスト.md'));
    await page.close();
  });

  it('closes with Esc and gives focus back to the button that opened it, even before its script has loaded', async () => {
    const page = await browser.newPage();
    // The dialog's script never arrives: Esc and focus must not depend on it.
    await page.route('**/scripts/search.js', (route) => route.abort());
    await page.goto(new URL(urlOf.get(PRODUCTION_ID)!, server.url).href);
    await page.locator('[data-search-open]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-search-input]').waitFor({ state: 'visible' });
    await page.keyboard.type('レイヤー');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-search-dialog]').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-search-open]'))).toBe(true);
    await page.close();
  });

  it('narrows the results by kind and by tag', async () => {
    const page = await openSearch();
    expect(await ask(page, 'イメージ')).toHaveLength(RESULTS_PAGE);
    expect(await page.getByRole('button', { name: 'さらに表示' }).isVisible()).toBe(true);
    const count = async () => Number(/\d+/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[0]);
    const all = await count();
    expect(await page.locator('.search-hit-kind').count()).toBeGreaterThan(0);
    // Notes only: fewer results, and no glossary term among them (the results are marked busy until redrawn).
    await page.getByRole('radio', { name: 'ノート' }).check();
    await page.waitForFunction(() => !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy'));
    expect(await count()).toBeGreaterThan(0);
    expect(await count()).toBeLessThan(all);
    expect(await page.locator('.search-hit-kind').count()).toBe(0);
    await page.getByRole('checkbox', { name: /t-notes\/Docker\/レッスン/ }).check();
    await page.waitForFunction(() => document.querySelectorAll('.search-hit').length === 2);
    const urls = await page.locator('.search-hit-link').evaluateAll((links) => links.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
    expect(urls.sort()).toEqual([IMAGE_LESSON_ID, 'Docker/レッスン/Dockerイメージとコンテナ.md'].map(pathOf).sort());
    await page.close();
  });
});

/** The pages of each part of the index in `dist` (URL path without the base, and title), read from the parts' page chunks. */
function pagesByPart(dist: string): { url: string; title: string }[][] {
  const { parts } = JSON.parse(readFileSync(path.join(dist, 'pagefind', PARTS_FILE), 'utf8')) as { parts: string[] };
  return ['', ...parts].map((part) => {
    const dir = path.join(dist, 'pagefind', part, 'fragment');
    return readdirSync(dir).map((file) => {
      // Gzipped JSON after Pagefind's 12-byte signature.
      const page = JSON.parse(
        gunzipSync(readFileSync(path.join(dir, file)))
          .subarray(12)
          .toString(),
      ) as { url: string; meta: { title: string } };
      return { url: decodeURI(page.url), title: page.meta.title };
    });
  });
}

describe('the index in parts', { timeout: 180_000 }, () => {
  let split: StaticServer;
  let splitDir: string;
  let byPart: { url: string; title: string }[][];

  beforeAll(async () => {
    // The sample vault's output, indexed again with a part size that splits its ~100 pages into several parts.
    splitDir = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-parts-')), 'dist');
    cpSync(site.outDir, splitDir, { recursive: true });
    expect(await indexSite(splitDir, 'ja', path.join(splitDir, '../cache'), 30)).toMatchObject({ parts: 4, built: 4 });
    split = await serveStatic(splitDir, BASE);
    byPart = pagesByPart(splitDir);
  });
  afterAll(() => split?.close());

  it('holds every page of the one index once, and finds every page it finds for every query of the set', async () => {
    const urlsOf = (parts: { url: string }[][]) =>
      parts
        .flat()
        .map((page) => page.url)
        .sort();
    expect(urlsOf(byPart)).toEqual(urlsOf(pagesByPart(site.outDir)));
    expect(byPart.every((pages) => pages.length > 0)).toBe(true);
    const queries = SEARCH_CASES.map((c) => ({ query: c.query }));
    const [one, parts] = [await search(queries, 1000), await search(queries, 1000, split)];
    // Pagefind matches a query word in each part alone: a part without the word ignores it (or matches a shorter
    // word it starts with), so the parts can find pages the one index does not (README, Search).
    const extra = queries.map(({ query }, i) => ({
      query,
      one: one[i].length,
      extra: parts[i].filter((hit) => !one[i].some((o) => o.url === hit.url)).length,
    }));
    console.table(extra.filter((row) => row.extra > 0));
    for (const [i, hits] of one.entries()) expect(parts[i].map((hit) => hit.url)).toEqual(expect.arrayContaining(hits.map((hit) => hit.url)));
  });

  it('finds, through the header search, the pages one index finds and no others, but where a part falls back to a shorter word', async () => {
    // Japanese and English queries, single words and several (a Japanese query is split into words). Pagefind's own
    // merged search gives extra pages for 14 of them (the test above); the header search narrows them (run-query.ts).
    const [one, parts] = [await openSearch(), await openSearch(split)];
    const differ = [];
    for (const { query } of SEARCH_CASES) {
      const [fromOne, fromParts] = [(await askAll(one, query)).sort(), (await askAll(parts, query)).sort()];
      expect(fromOne.length).toBeGreaterThan(0);
      expect(fromParts).toEqual(expect.arrayContaining(fromOne));
      if (fromParts.join('\n') !== fromOne.join('\n')) differ.push(query);
    }
    await Promise.all([one.close(), parts.close()]);
    // A part with no word that starts with a query word matches the longest of its words the query word starts with
    // instead; one index has such a word in another part, so it does not (README, Incremental builds).
    expect(differ).toEqual(['実行インスタンス', 'daemon off', 'キャッシュ']);
  });

  it('finds, through the header search, pages of every part, Japanese queries too', async () => {
    const page = await openSearch(split);
    for (const pages of byPart) {
      // The part's page with the longest title, by its title.
      const wanted = pages.reduce((a, b) => (b.title.length > a.title.length ? b : a));
      expect(await ask(page, wanted.title)).toContain(`${BASE.slice(0, -1)}${wanted.url}`);
    }
    expect((await ask(page, '料理キット'))[0]).toBe(pathOf(PRODUCTION_ID));
    await page.close();
  });

  it('ranks by each part’s own word counts: the query set, as the header search orders it', async () => {
    const page = await openSearch(split);
    const moved = [];
    for (const c of SEARCH_CASES) {
      const got = await ask(page, c.query);
      if (got[0] !== pathOf(c.expected)) moved.push({ query: c.query, expected: pathOf(c.expected), got: got[0], at: got.indexOf(pathOf(c.expected)) + 1 });
    }
    await page.close();
    console.log(`in ${byPart.length} parts, ${SEARCH_CASES.length - moved.length}/${SEARCH_CASES.length} queries put the expected page first`);
    console.table(moved);
    expect(moved.every((row) => row.at > 0)).toBe(true);
  });
});
