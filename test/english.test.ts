// The site in English by configuration: <html lang>, every UI string and dates from the English table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

let site: BuiltSite;

beforeAll(async () => {
  const config = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-en-')), 'tsunagu.config.yaml');
  writeFileSync(config, 'title: English notes\nlang: en\n');
  site = await buildVault(path.resolve(import.meta.dirname, 'fixtures/site-vault'), { TSUNAGU_CONFIG: config });
});

describe('lang: en', () => {
  it('sets <html lang="en"> and English UI strings on every kind of page', () => {
    for (const page of ['', 'welcome/', 'tags/t-notes/', '404.html']) {
      const html = site.read(page);
      expect(html, page).toContain('<html lang="en"');
      expect(html, page).toContain('Skip to content');
      expect(html, page).not.toContain('本文へスキップ');
    }
    const note = site.read('welcome/');
    expect(note).toContain('Backlinks');
    expect(note).not.toMatch(/バックリンク|関連ノート|作成|更新/);
  });

  it('formats dates for English readers', () => {
    expect(site.read('welcome/')).toMatch(/<time datetime="2025-03-04T10:30:00.000Z">Mar 4, 2025<\/time>/);
  });
});
