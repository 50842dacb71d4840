import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { distFiles } from '../safety/dist-files';
import { indexSite } from './index-site';
import { PARTS_FILE } from './parts';
import { searchPage } from './search-page';

const tempDir = useTempDirs('tsunagu-index-');
const page = (text: string) =>
  `<!doctype html><html lang="en"><head><title>${text}</title></head><body><main data-pagefind-body><p>${text}</p></main></body></html>`;

function site(dist: string, pages: Record<string, string>): void {
  rmSync(dist, { recursive: true, force: true });
  writeFiles(dist, Object.fromEntries(Object.entries(pages).map(([file, text]) => [file, page(text)])));
}
const index = (dist: string) => new Map(distFiles(path.join(dist, 'pagefind')).map((f) => [f, readFileSync(path.join(dist, 'pagefind', f))]));
/** Whether a file under `dir` holds `word`, Pagefind's gzipped files read unzipped. */
const mentions = (dir: string, word: string) =>
  distFiles(dir).some((file) => {
    const bytes = readFileSync(path.join(dir, file));
    return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).includes(word);
  });
const partsOf = (dist: string) => (JSON.parse(readFileSync(path.join(dist, 'pagefind', PARTS_FILE), 'utf8')) as { parts: string[] }).parts;

describe('indexSite', () => {
  it('reuses the last index when no page changed, and indexes again when one did', async () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const cache = path.join(work, 'cache');
    const pages = { 'index.html': 'harbour lighthouse', 'a/index.html': 'container registry' };
    site(dist, pages);
    expect(await indexSite(dist, 'en', cache)).toMatchObject({ pages: 2, parts: 1, built: 1 });
    const first = index(dist);
    expect(partsOf(dist)).toEqual([]);

    site(dist, pages);
    expect(await indexSite(dist, 'en', cache)).toMatchObject({ pages: 2, parts: 1, built: 0 });
    expect(index(dist)).toEqual(first);
    // Linked from the kept part, not copied.
    expect(statSync(path.join(dist, 'pagefind', 'pagefind-entry.json')).nlink).toBe(2);

    site(dist, { ...pages, 'a/index.html': 'container image' });
    expect(await indexSite(dist, 'en', cache)).toMatchObject({ pages: 2, parts: 1, built: 1 });
    expect(index(dist)).not.toEqual(first);
  }, 60_000);

  it('splits a site into parts; after one page changes it indexes that page’s part only, and the index is a cold build’s', async () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const pages = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`notes/n${i}/index.html`, `word${i} harbour`]));
    site(dist, pages);
    const cold = await indexSite(dist, 'en', path.join(work, 'cache'), 8);
    expect(cold).toMatchObject({ pages: 24, parts: 4, built: 4 });
    const parts = partsOf(dist);
    expect(parts).toEqual(['parts/1/', 'parts/2/', 'parts/3/']);
    for (const part of parts) {
      expect(existsSync(path.join(dist, 'pagefind', part, 'pagefind-entry.json'))).toBe(true);
      // Pagefind's scripts and WebAssembly are the first part's only.
      expect(distFiles(path.join(dist, 'pagefind', part)).filter((f) => !/^(index|filter|fragment)\//.test(f) && !/\.pf_meta$/.test(f))).toEqual([
        'pagefind-entry.json',
      ]);
    }
    // Every page is in exactly one part.
    const counts = ['', ...parts].map(
      (part) =>
        (JSON.parse(readFileSync(path.join(dist, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> })
          .languages.en.page_count,
    );
    expect(counts.reduce((a, b) => a + b)).toBe(24);
    expect(counts.every((n) => n > 0)).toBe(true);

    const edited = { ...pages, 'notes/n5/index.html': 'word5 lighthouse' };
    site(dist, edited);
    expect(await indexSite(dist, 'en', path.join(work, 'cache'), 8)).toMatchObject({ pages: 24, parts: 4, built: 1 });
    const incremental = index(dist);
    site(dist, edited);
    expect(await indexSite(dist, 'en', path.join(work, 'cold-cache'), 8)).toMatchObject({ built: 4 });
    expect(incremental).toEqual(index(dist));
  }, 60_000);

  it('reads only the pages whose files changed, and a page removed leaves no trace in the index or its cache', async () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const cache = path.join(work, 'cache');
    site(dist, Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`notes/n${i}/index.html`, `word${i} harbour`])));
    expect(await indexSite(dist, 'en', cache, 8)).toMatchObject({ pages: 24, read: 24, built: 4 });
    const coldIndex = async () => {
      const cold = path.join(tempDir(), 'dist');
      cpSync(dist, cold, { recursive: true });
      await indexSite(cold, 'en', path.join(cold, '../cache'), 8);
      return index(cold);
    };

    const fragments = () =>
      new Set(distFiles(path.join(dist, 'pagefind')).flatMap((f) => (f.includes('fragment/') ? [`${f} ${statSync(path.join(dist, 'pagefind', f)).ino}`] : [])));
    const before = fragments();
    writeFiles(dist, { 'notes/n5/index.html': page('word5 lighthouse') });
    expect(await indexSite(dist, 'en', cache, 8)).toMatchObject({ pages: 24, read: 1, built: 1 });
    expect(index(dist)).toEqual(await coldIndex());
    // The edited page's part kept its other pages' fragments: the same files, not written again.
    expect([...fragments()].filter((f) => before.has(f))).toHaveLength(23);

    // A note made private: its page is gone from the output.
    expect(mentions(dist, 'word7')).toBe(true);
    rmSync(path.join(dist, 'notes/n7'), { recursive: true });
    expect(await indexSite(dist, 'en', cache, 8)).toMatchObject({ pages: 23, read: 0, built: 1 });
    expect(index(dist)).toEqual(await coldIndex());
    expect(mentions(dist, 'word7')).toBe(false);
    expect(mentions(cache, 'word7')).toBe(false);
    expect(distFiles(cache).filter((file) => file.includes('n7'))).toEqual([]);
    expect(mentions(cache, 'word8')).toBe(true);
  }, 60_000);

  it('indexes a part again from nothing when its last index holds a chunk under the name of a new, different one', async () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const cache = path.join(work, 'cache');
    site(dist, { 'index.html': 'harbour lighthouse', 'a/index.html': 'container registry', 'b/index.html': 'secret plans' });
    await indexSite(dist, 'en', cache);
    // Note b made private: the index a cold build writes, and the last index's word chunk that holds b's words.
    const after = { 'index.html': 'harbour lighthouse', 'a/index.html': 'container image' };
    const cold = path.join(work, 'cold');
    site(cold, after);
    await indexSite(cold, 'en', path.join(work, 'cold-cache'));
    const coldIndex = index(cold);
    const kept = path.join(cache, 'parts/0/pagefind');
    const secret = distFiles(kept).find((f) => f.startsWith('index/') && gunzipSync(readFileSync(path.join(kept, f))).includes('secret'));
    const renamed = [...coldIndex.keys()].find((f) => f.startsWith('index/') && !existsSync(path.join(kept, f)));
    expect(secret && renamed).toBeTruthy();
    // As if Pagefind's 7 hexadecimal digits of the new chunk's hash were the old chunk's.
    copyFileSync(path.join(kept, secret!), path.join(kept, renamed!));

    site(dist, after);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await indexSite(dist, 'en', cache)).toMatchObject({ pages: 2, built: 1 });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/indexed again without its last index/));
    } finally {
      warn.mockRestore();
    }
    expect(mentions(path.join(dist, 'pagefind'), 'secret')).toBe(false);
    expect(index(dist)).toEqual(coldIndex);
  }, 60_000);

  it('indexes what Pagefind reads of each page exactly as the whole pages', async () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    // Outside the body: the title, an h1, meta and filters in a hidden element, an image after the title, ignored
    // and excluded parts with words and filters of their own, an svg with a title; weights and ids in the body.
    const note = (i: number) =>
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page ${i}</title><script>let a = "<p>";</script><style>p>a{}</style></head>` +
      `<body><nav><a href="/">home harbour</a><h1>Site</h1></nav><div class="layout"><main id="main"><article><header>` +
      `<h1 class="note-title">Note ${i}</h1></header><div data-pagefind-ignore="all"><span data-pagefind-filter="tag">hidden</span>` +
      `<img src="/x.png" alt="excluded"></div><aside data-pagefind-ignore>aside words</aside>` +
      `<div class="note-body" data-pagefind-body><div hidden><p data-pagefind-weight="10">Note ${i}</p></div>` +
      `<h2 id="h-${i}">Heading ${i}</h2><p>lighthouse <em>keeper</em> ${i}<br>word${i}</p>${i % 2 ? '<img src="/in.png" alt="inside">' : ''}` +
      `<p id="^b${i}" data-pagefind-ignore>skipped</p><svg viewBox="0 0 1 1"><title>diagram</title><path d="M0 0"/></svg></div>` +
      `<div hidden><span data-pagefind-meta="title">Meta title ${i}</span><span data-pagefind-filter="tag">t${i % 3}</span>` +
      `<span data-pagefind-sort="date">2024-01-0${i % 9}</span></div>${i % 3 ? '' : '<img src="/after.png" alt="after">'}` +
      `<svg><title>graph</title><circle r="1"/></svg></article></main></div><footer>footer words</footer></body></html>`;
    writeFiles(dist, Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`n${i}/index.html`, note(i)])));
    for (let i = 0; i < 6; i++) expect(searchPage(note(i))?.length).toBeLessThan(note(i).length * 0.7);
    await indexSite(dist, 'en', path.join(work, 'cache'));
    const reduced = index(dist);
    await indexSite(dist, 'en', path.join(work, 'whole-cache'), undefined, true);
    expect(reduced).toEqual(index(dist));

    // A part is kept while what Pagefind reads of its pages is: not the footer, but the text of the body.
    writeFiles(dist, { 'n1/index.html': note(1).replace('footer words', 'footer changed') });
    expect(await indexSite(dist, 'en', path.join(work, 'cache'))).toMatchObject({ built: 0 });
    expect(index(dist)).toEqual(reduced);
    writeFiles(dist, { 'n1/index.html': note(1).replace('lighthouse', 'harbour') });
    expect(await indexSite(dist, 'en', path.join(work, 'cache'))).toMatchObject({ built: 1 });
    expect(index(dist)).not.toEqual(reduced);
  }, 60_000);

  it('leaves out pages without a note body, even in a part that would hold no other', async () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    site(dist, { 'a/index.html': 'harbour' });
    // Mentions the marker in its text only.
    writeFiles(dist, { 'tags/index.html': '<!doctype html><html lang="en"><body><p>data-pagefind-body lighthouse</p></body></html>' });
    expect(await indexSite(dist, 'en', path.join(work, 'cache'), 1)).toMatchObject({ pages: 1, parts: 2 });
  }, 60_000);
});
