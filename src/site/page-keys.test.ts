import { describe, expect, test } from 'vitest';
import { folderTree } from './folders';
import { folderPageKey, notePageKey, tagPageKey } from './page-keys';
import type { NotePage, SiteData } from './types';

const note = (id: string, title: string, modified = '2025-01-01T00:00:00.000Z') => ({ id, title, url: `/${id}/`, modified, folder: id.split('/')[0] });

function site(notes: ReturnType<typeof note>[], title = 'Site'): SiteData {
  return {
    config: { title, description: '', lang: 'en', base: '/', site: undefined },
    notes: [],
    pages: [],
    tags: [],
    folders: folderTree(notes, '/'),
    attachments: [],
    graph: { notes: [] },
    graphView: {} as SiteData['graphView'],
    glossary: { groups: [] },
    report: {} as SiteData['report'],
  } as SiteData;
}

describe('page cache keys', () => {
  const tag = { tag: 't', slug: 't', url: '/tags/t/', notes: [], children: [] };
  const base = [note('A/a.md', 'a'), note('B/b.md', 'b')];

  test('change with what the page shows: the site title, a note title in the sidebar, its own list', () => {
    const key = tagPageKey(site(base), tag);
    expect(tagPageKey(site(base), tag)).toBe(key);
    expect(tagPageKey(site(base, 'Other'), tag)).not.toBe(key);
    expect(tagPageKey(site([note('A/a.md', 'renamed'), base[1]]), tag)).not.toBe(key);
    expect(tagPageKey(site(base), { ...tag, notes: [{ ...base[0] }] })).not.toBe(key);
  });

  test('stay when something the page does not show changes: a date in a sidebar, another folder’s notes', () => {
    const folders = (s: SiteData) => s.folders.folders;
    const before = site(base);
    const after = site([note('A/a.md', 'a', '2026-01-01T00:00:00.000Z'), base[1]]);
    expect(tagPageKey(after, tag)).toBe(tagPageKey(before, tag));
    expect(folderPageKey(after, folders(after)[1])).toBe(folderPageKey(before, folders(before)[1]));
    expect(folderPageKey(after, folders(after)[0])).not.toBe(folderPageKey(before, folders(before)[0]));
  });
});

describe('note page keys', () => {
  // What the head's link previews show beside the body (the body enters by its bodyKey).
  test('change with the note’s own description and preview image, and with the site URL', () => {
    const page = (preview: NotePage['preview']) =>
      ({ ...note('A/a.md', 'a'), slug: 'a/a', tags: [], headings: [], aliases: [], bodyKey: 'k', preview }) as unknown as NotePage;
    const s = site([note('A/a.md', 'a')]);
    const key = notePageKey(s, page({}));
    expect(notePageKey(s, page({}))).toBe(key);
    expect(notePageKey(s, page({ description: 'd' }))).not.toBe(key);
    expect(notePageKey(s, page({ image: '/attachments/a.png' }))).not.toBe(key);
    expect(notePageKey({ ...s, config: { ...s.config, site: 'https://example.com' } }, page({}))).not.toBe(key);
  });
});
