import { expect, test } from 'vitest';
import { rssXml, sitemapXml } from './feeds';
import type { NotePage, SiteData } from './types';

const note = (id: string, url: string, modified: string, html: string) =>
  ({ id, title: id.replace('.md', ''), url, modified, html, tags: [{ tag: 't-notes/Docker', url: '' }] }) as unknown as NotePage;
const site = {
  config: { title: 'ノート & メモ', description: '', lang: 'ja', base: '/my-notes/' },
  notes: [
    note('古い.md', '/my-notes/古い/', '2024-01-01T00:00:00.000Z', '<p>昔の <strong>本文</strong> &amp; <a href="x">リンク</a></p><p>second</p>'),
    note('新しい.md', '/my-notes/新しい/', '2025-06-01T12:00:00.000Z', '<h2>h</h2><p>新しい本文</p>'),
  ],
} as unknown as SiteData;

test('RSS: newest first, absolute links under base, first paragraph as plain text, escaped', () => {
  const rss = rssXml(site, 'https://user.github.io');
  expect(rss).toContain('<title>ノート &amp; メモ</title><link>https://user.github.io/my-notes/</link>');
  expect(rss).toContain('<atom:link href="https://user.github.io/my-notes/rss.xml"');
  expect(rss.indexOf('新しい本文')).toBeLessThan(rss.indexOf('昔の'));
  expect(rss).toContain('<link>https://user.github.io/my-notes/%E5%8F%A4%E3%81%84/</link>');
  expect(rss).toContain('<description>昔の 本文 &amp; リンク</description>');
  expect(rss).toContain('<pubDate>Sun, 01 Jun 2025 12:00:00 GMT</pubDate>');
  expect(rss).toContain('<category>t-notes/Docker</category>');
});

test('sitemap: every built page but 404, under base, percent-encoded, notes with lastmod', () => {
  // Astro's page paths are as on disk, not encoded.
  const xml = sitemapXml(['', '古い/', 'tags/', '404/', 'tags/'], site, 'https://user.github.io');
  expect(xml.match(/<loc>[^<]+<\/loc>/g)).toEqual([
    '<loc>https://user.github.io/my-notes/</loc>',
    '<loc>https://user.github.io/my-notes/%E5%8F%A4%E3%81%84/</loc>',
    '<loc>https://user.github.io/my-notes/tags/</loc>',
  ]);
  expect(xml).toContain('%E5%8F%A4%E3%81%84/</loc><lastmod>2024-01-01T00:00:00.000Z</lastmod>');
});
