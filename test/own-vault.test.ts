// An author's own vault with no settings file: the site is theirs alone (title from the folder, detected language,
// nothing of the sample vault anywhere), its glossary comes from its glossary note, and its publish.css themes it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLeaks, scanForMarkers } from '../src/safety/leaks';
import { nameKey } from '../src/search/names';
import { inChromium } from './helpers/browser';
import { buildVault, type BuiltSite } from './helpers/build';

const projectDir = path.resolve(import.meta.dirname, '..');
const vault = path.join(import.meta.dirname, 'fixtures/vaults/わたしのノート');
let site: BuiltSite;

beforeAll(async () => {
  // As an author runs it: `npm run build -- --vault <folder>` (TSUNAGU_VAULT, the helper's way, names the sample: the command line wins).
  site = await buildVault(path.join(projectDir, 'notes'), {}, undefined, ['--vault', vault]);
});

/** Where the glossary index sends a term. */
function termHref(title: string): string {
  const match = new RegExp(`<a class="glossary-term" href="([^"]+)">${title}</a>`).exec(site.read('glossary/'));
  expect(match, `${title} in the glossary index`).not.toBeNull();
  return match![1];
}

describe('a vault without a settings file', () => {
  it('is titled by its folder, in the language its notes are written in, and the report says so', () => {
    const home = site.read('');
    expect(home).toContain('<html lang="ja"');
    expect(home).toContain('<title>わたしのノート</title>');
    expect(home).toMatch(/<a class="site-title" href="\/">わたしのノート<\/a>/);
    expect(home).not.toContain('name="description"');
    expect(site.log).toMatch(/tsunagu: vault \S*わたしのノート, settings tsunagu\.config\.yaml, title "わたしのノート", language ja \(detected: /);
    expect(site.log).toContain('set `lang: en` in tsunagu.yaml');
  });

  it("holds no text of the sample vault or of the sample's pages, in any file", () => {
    const texts = sampleTexts();
    expect(texts.length).toBeGreaterThan(200);
    const hits = scanForMarkers(site.outDir, texts);
    expect(hits, formatLeaks(hits)).toEqual([]);
  });
});

describe('a glossary from the glossary note', () => {
  it('lists heading, list and definition-line terms beside a type: term note, each leading to its place in the note', () => {
    const note = site.read('はじめに/用語集/');
    for (const [title, id] of [
      ['鉢植え', '鉢植え'],
      ['水やり', '水やり'],
      ['灌水', 'term-灌水'],
      ['腐葉土', 'term-腐葉土'],
      ['挿し木', 'term-挿し木'],
    ]) {
      expect(decodeURI(termHref(title))).toBe(`/はじめに/用語集/#${id}`);
      expect(note).toContain(`id="${id}"`);
    }
    expect(decodeURI(termHref('ネットワーク'))).toBe('/ネットワーク/');
    expect(site.read('glossary/')).toContain('土を入れて植物を育てる容器。');
    // 灌水（かんすい）: sorted by its reading into the か row.
    expect(/id="glossary-か"[\s\S]*?<\/section>/.exec(site.read('glossary/'))?.[0]).toContain('>灌水</a>');
    // The section headed 別名 holds terms; it is no term itself. No page is made per term.
    expect(site.read('glossary/')).not.toContain('>別名<');
    expect(site.exists('鉢植え/')).toBe(false);
  });

  it('shows 用語集 in the header once there are terms', () => {
    expect(site.read('')).toMatch(/<nav class="site-nav"[^>]*><a href="\/glossary\/">用語集<\/a>/);
  });

  it('links the first mention in other notes, with the definition on hover, and not inside the glossary note', () => {
    const diary = site.read('日記/');
    const links = [...diary.matchAll(/<a class="term-link" href="([^"]+)" title="([^"]*)">([^<]+)<\/a>/g)].map((m) => [decodeURI(m[1]), m[2], m[3]]);
    expect(links).toEqual([
      ['/はじめに/用語集/#鉢植え', '鉢植え: プランター、pot とも呼ぶ。土を入れて植物を育てる容器。水やりと組み合わせて使う。', '鉢植え'],
      ['/はじめに/用語集/#水やり', '水やり: 鉢植えの土が乾いたときに水を与えること。', '水やり'],
      ['/はじめに/用語集/#term-挿し木', '挿し木: 枝を切って土に挿し、根を出させる増やし方。', '挿し木'],
      ['/はじめに/用語集/#term-灌水', '灌水: irrigation とも書く、水やりの硬い言い方。', '灌水'],
      ['/はじめに/用語集/#term-腐葉土', '腐葉土: 落ち葉を発酵させた土。', '腐葉土'],
    ]);
    expect(site.read('はじめに/用語集/')).not.toContain('class="term-link"');
    // An explicit link to the term's heading is the author's own, not doubled by an auto-link.
    expect(decodeURI(site.read('道具/'))).toContain('href="/はじめに/用語集/#水やり">水やり</a>');
  });

  it("gives the glossary note the terms' names and aliases for search, so it is found first by any of them", () => {
    const names = [...site.read('はじめに/用語集/').matchAll(/data-pagefind-filter="name">([^<]+)</g)].map((m) => m[1]);
    for (const name of ['鉢植え', 'プランター', 'pot', '灌水', 'irrigation', '挿し木']) expect(names).toContain(nameKey(name));
  });
});

describe("the vault's publish.css", () => {
  const chromium = inChromium(() => site.outDir);

  it("is served as a file after the site's CSS, and its Publish variables colour the page", async () => {
    expect(site.read('publish.css')).toBe(readFileSync(path.join(vault, 'publish.css'), 'utf8'));
    const page = await chromium.browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(new URL('道具/', chromium.server.url).href);
    const colours = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { background: body.backgroundColor, text: body.color, link: getComputedStyle(document.querySelector('a.internal-link')!).color };
    });
    expect(colours).toEqual({ background: 'rgb(250, 240, 220)', text: 'rgb(60, 30, 10)', link: 'rgb(0, 128, 64)' });
    expect(errors).toEqual([]); // no Content-Security-Policy violation
    await page.close();
  });

  it("finds a glossary note's term by its alias first, with the term's heading among the sub-results", async () => {
    const page = await chromium.browser.newPage({ bypassCSP: true });
    await page.goto(chromium.server.url);
    await page.addScriptTag({ type: 'module', content: `import * as pagefind from '/pagefind/pagefind.js'; window.pagefind = pagefind;` });
    await page.waitForFunction(() => 'pagefind' in window);
    const found = await page.evaluate(
      async ({ key }) => {
        type Result = { data(): Promise<{ url: string; filters: Record<string, string[]>; sub_results: { url: string }[] }> };
        const pagefind = (window as unknown as { pagefind: { search(q: string | null, o: object): Promise<{ results: Result[] }> } }).pagefind;
        const named = await pagefind.search(null, { filters: { name: key } });
        const ranked = await pagefind.search('プランター', {});
        const first = await named.results[0]?.data();
        const hit = await ranked.results[0]?.data();
        return { named: named.results.length, url: first?.url, kind: first?.filters.kind, subResults: hit?.sub_results.map((sub) => sub.url) ?? [] };
      },
      { key: nameKey('プランター') },
    );
    expect(found.named).toBe(1);
    expect(decodeURI(found.url ?? '')).toBe('/はじめに/用語集/');
    expect(found.kind).toEqual(['用語']);
    expect(found.subResults.map((url) => decodeURI(url))).toContain('/はじめに/用語集/#鉢植え');
    await page.close();
  });
});

/** Runs of eight or more Japanese letters from every note of the sample vault (but our UI strings), and the sample site's own words. */
function sampleTexts(): string[] {
  const uiStrings = readFileSync(path.join(projectDir, 'src/i18n/strings.ts'), 'utf8');
  const texts = new Set(['Docker ノート', 'このサイトについて', '読み方ガイド', '用語の例', 'Docker のイメージ、レイヤー']);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => (statSync(path.join(dir, entry)).isDirectory() ? walk(path.join(dir, entry)) : [path.join(dir, entry)]));
  for (const file of walk(path.join(projectDir, 'notes')).filter((f) => f.endsWith('.md'))) {
    for (const run of readFileSync(file, 'utf8').match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{8,}/gu) ?? [])
      if (!uiStrings.includes(run)) texts.add(run);
  }
  return [...texts];
}
