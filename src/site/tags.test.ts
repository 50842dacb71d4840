import { describe, expect, test } from 'vitest';
import { tagPages, tagUrl, type TaggedNote } from './tags';

/** a.md is the newest, c.md the oldest: tag pages list newest first. */
const MODIFIED: Record<string, string> = { 'a.md': '2025-03-01T00:00:00.000Z', 'b.md': '2025-02-01T00:00:00.000Z', 'c.md': '2025-01-01T00:00:00.000Z' };
const ref = (id: string) => ({ id, title: id.replace(/\.md$/, ''), url: `/${id.replace(/\.md$/, '')}/`, modified: MODIFIED[id] ?? '2024-01-01T00:00:00.000Z' });
const note = (id: string, tags: string[]): TaggedNote => ({ ...ref(id), tags });

describe('tagPages', () => {
  const pages = tagPages(
    [note('a.md', ['t-notes/Docker']), note('b.md', ['T-Notes/docker', 't-notes', 'Docker']), note('c.md', ['t-notes/Linux/Ubuntu', 'docker'])],
    '/docs/',
  );

  test('a page for every tag and every parent, one per case-insensitive identity, sorted', () => {
    expect(pages.map((p) => [p.slug, p.tag, p.url])).toEqual([
      ['docker', 'Docker', '/docs/tags/docker/'],
      ['t-notes', 't-notes', '/docs/tags/t-notes/'],
      ['t-notes/docker', 't-notes/Docker', '/docs/tags/t-notes/docker/'],
      ['t-notes/linux', 't-notes/Linux', '/docs/tags/t-notes/linux/'],
      ['t-notes/linux/ubuntu', 't-notes/Linux/Ubuntu', '/docs/tags/t-notes/linux/ubuntu/'],
    ]);
  });

  test('each note once per page, including notes of child tags', () => {
    const notesOf = (slug: string) => pages.find((p) => p.slug === slug)!.notes;
    expect(notesOf('t-notes')).toEqual([ref('a.md'), ref('b.md'), ref('c.md')]);
    expect(notesOf('t-notes/docker')).toEqual([ref('a.md'), ref('b.md')]);
    expect(notesOf('docker')).toEqual([ref('b.md'), ref('c.md')]);
    expect(notesOf('t-notes/linux')).toEqual([ref('c.md')]);
  });

  test('children with counts, and the parent', () => {
    const root = pages.find((p) => p.slug === 't-notes')!;
    expect(root.children).toEqual([
      { tag: 't-notes/Docker', url: '/docs/tags/t-notes/docker/', count: 2 },
      { tag: 't-notes/Linux', url: '/docs/tags/t-notes/linux/', count: 1 },
    ]);
    expect(root.parent).toBeUndefined();
    const ubuntu = pages.find((p) => p.slug === 't-notes/linux/ubuntu')!;
    expect(ubuntu.parent).toEqual({ tag: 't-notes/Linux', url: '/docs/tags/t-notes/linux/' });
    expect(ubuntu.children).toEqual([]);
  });

  test('no tags, no pages', () => {
    expect(tagPages([note('a.md', [])], '/')).toEqual([]);
  });

  test('lists notes newest first, ties by id, whatever the input order', () => {
    const [page] = tagPages([note('c.md', ['x']), note('z.md', ['x']), note('a.md', ['x']), note('y.md', ['x'])], '/');
    expect(page.notes.map((n) => n.id)).toEqual(['a.md', 'c.md', 'y.md', 'z.md']);
  });
});

describe('tagUrl', () => {
  test('the tag page url, case-insensitive, encoded', () => {
    expect(tagUrl('T-Notes/Docker', '/')).toBe('/tags/t-notes/docker/');
    expect(tagUrl('技術', '/')).toBe('/tags/技術/');
  });
});
