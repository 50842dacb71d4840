import path from 'node:path';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { distFiles } from '../safety/dist-files';
import { type IndexMeta, indexFiles, seedMismatch } from './pagefind-meta';

const tempDir = useTempDirs('tsunagu-pagefind-meta-');

describe('indexFiles', () => {
  it('lists the metadata and every page, word and filter chunk of an index Pagefind wrote, and no other file', async () => {
    const output = path.join(tempDir(), 'pagefind');
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    try {
      // Enough words for several word chunks (Pagefind starts a chunk every 20,000 word positions).
      const words = (i: number) => Array.from({ length: 3000 }, (_, j) => `w${i}x${j}`).join(' ');
      for (let i = 0; i < 12; i++) {
        await index!.addHTMLFile({
          url: `/n${i}/`,
          content: `<html lang="en"><body><main data-pagefind-body><h1>Note ${i}</h1><p data-pagefind-filter="tag">t${i % 3}</p><p>${words(i)}</p></main></body></html>`,
        });
      }
      await index!.writeFiles({ outputPath: output });
    } finally {
      await pagefind.close();
    }
    const chunks = distFiles(output).filter((file) => /^(fragment|index|filter)\/|\.pf_meta$/.test(file));
    expect(chunks.filter((file) => file.startsWith('fragment/'))).toHaveLength(12);
    expect(chunks.filter((file) => file.startsWith('index/')).length).toBeGreaterThan(1);
    expect(chunks.filter((file) => file.startsWith('filter/'))).toHaveLength(1);
    expect([...indexFiles(output)].sort()).toEqual(chunks);
  }, 60_000);
});

describe('seedMismatch', () => {
  const meta = (pages: string[], words: [string, string, string][], filters: [string, string][]): IndexMeta[] => [
    {
      file: 'pagefind.m.pf_meta',
      pages: pages.map((hash) => `fragment/${hash}.pf_fragment`),
      words: words.map(([from, to, hash]) => ({ from, to, file: `index/${hash}.pf_index` })),
      filters: filters.map(([name, hash]) => ({ name, file: `filter/${hash}.pf_filter` })),
    },
  ];
  const last = meta(
    ['p1', 'p2'],
    [
      ['a', 'k', 'w1'],
      ['l', 'z', 'w2'],
    ],
    [['tag', 'f1']],
  );
  const seeded = new Set(['fragment/p1.pf_fragment', 'index/w1.pf_index', 'index/w2.pf_index', 'filter/f1.pf_filter']);
  const old = (file: string) => seeded.has(file);

  it('accepts old chunks listed again in the same role, beside chunks Pagefind wrote', () => {
    expect(
      seedMismatch(
        last,
        meta(
          ['p1', 'p3'],
          [
            ['a', 'k', 'w1'],
            ['l', 'z', 'w3'],
          ],
          [['tag', 'f1']],
        ),
        old,
      ),
    ).toBeUndefined();
  });

  it('refuses an old word chunk now listed for another word range, or as the chunk of a new range', () => {
    expect(
      seedMismatch(
        last,
        meta(
          ['p1'],
          [
            ['a', 'm', 'w1'],
            ['n', 'z', 'w4'],
          ],
          [],
        ),
        old,
      ),
    ).toMatch(/index\/w1\.pf_index/);
    expect(seedMismatch(last, meta(['p1'], [['a', 'k', 'w2']], []), old)).toMatch(/index\/w2\.pf_index/);
  });

  it('refuses an old filter chunk now listed for another filter', () => {
    expect(seedMismatch(last, meta(['p1'], [], [['kind', 'f1']]), old)).toMatch(/filter\/f1\.pf_filter/);
  });

  it('refuses a chunk listed twice: a changed page’s new fragment named as an unchanged page’s', () => {
    expect(seedMismatch(last, meta(['p1', 'p1'], [], []), old)).toMatch(/fragment\/p1\.pf_fragment is listed twice/);
  });

  it('refuses a kept fragment the new index does not list, and a new fragment of a page whose fragment was kept', () => {
    const pages = new Map([['fragment/p1.pf_fragment', 'a/index.html']]);
    const pageOf = (file: string) => ({ 'fragment/p3.pf_fragment': 'b/index.html', 'fragment/p4.pf_fragment': 'a/index.html' })[file];
    expect(seedMismatch(last, meta(['p1', 'p3'], [], []), old, pages, pageOf)).toBeUndefined();
    // A changed page's fragment took p1's name (and holds a's content); a's own came out different, as p4.
    expect(seedMismatch(last, meta(['p3', 'p4'], [], []), old, pages, pageOf)).toMatch(/fragment\/p1\.pf_fragment, the fragment of a\/index\.html/);
    expect(seedMismatch(last, meta(['p1', 'p4'], [], []), old, pages, pageOf)).toMatch(/fragment\/p4\.pf_fragment is a new fragment of a\/index\.html/);
  });

  it('accepts a chunk in another role when Pagefind wrote it (its file is not the seeded one)', () => {
    expect(seedMismatch(last, meta([], [['a', 'm', 'w1']], []), () => false)).toBeUndefined();
  });
});
