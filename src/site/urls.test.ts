import { describe, expect, test } from 'vitest';
import { attachmentSlugs, href, noteSlugs, type PermalinkTaken, permalinkSlug, tagSlug } from './urls';

describe('a slug segment', () => {
  test.each([
    ['Docker 入門', 'docker-入門'],
    ['Hello World', 'hello-world'],
    ['全角　スペース', '全角-スペース'],
    ['C# & F#? 100%', 'c-f-100'],
    ['a  -  b', 'a-b'],
    ['Ｄｏｃｋｅｒ', 'Ｄｏｃｋｅｒ'],
    ['Ärger', 'Ärger'],
    ['v1.2 notes', 'v1.2-notes'],
    ['.hidden-', 'hidden'],
    ['#?&%', '_'],
    ['が'.normalize('NFD'), 'が'],
  ])('%j → %j', (segment, slug) => {
    expect(noteSlugs([`${segment}.md`]).get(`${segment}.md`)).toBe(slug);
  });
});

describe('noteSlugs', () => {
  test('folders kept, .md dropped, each segment slugged', () => {
    expect(noteSlugs(['Docker/Docker Compose 入門.md', 'Welcome.md'])).toEqual(
      new Map([
        ['Docker/Docker Compose 入門.md', 'docker/docker-compose-入門'],
        ['Welcome.md', 'welcome'],
      ]),
    );
  });

  test('collisions get -2, -3 in sorted id order, whatever the input order', () => {
    const ids = ['x.md', 'X.md', 'x?.md'];
    const expected = new Map([
      ['X.md', 'x'],
      ['x.md', 'x-2'],
      ['x?.md', 'x-3'],
    ]);
    expect(noteSlugs(ids)).toEqual(expected);
    expect(noteSlugs([...ids].reverse())).toEqual(expected);
  });

  test('slugs differing only in non-ASCII case are made unique (macOS and Windows file systems fold case)', () => {
    expect(noteSlugs(['Ärger.md', 'ärger.md'])).toEqual(
      new Map([
        ['Ärger.md', 'Ärger'],
        ['ärger.md', 'ärger-2'],
      ]),
    );
  });

  test('a suffix never collides with an existing slug', () => {
    expect([...noteSlugs(['a.md', 'A.md', 'a-2.md']).values()].sort()).toEqual(['a', 'a-2', 'a-3']);
  });

  test('reserved first segments get a suffix', () => {
    expect(noteSlugs(['tags/Docker.md', 'Tags.md', 'Graph/x.md', 'notes/tags.md', '404.md'], new Set(['tags', 'graph', '404']))).toEqual(
      new Map([
        ['404.md', '404-notes'],
        ['Graph/x.md', 'graph-notes/x'],
        ['Tags.md', 'tags-notes'],
        ['notes/tags.md', 'notes/tags'],
        ['tags/Docker.md', 'tags-notes/docker'],
      ]),
    );
  });
});

describe('permalinks', () => {
  test('made URL-safe as slugs are, case kept, slashes at either end ignored', () => {
    expect(permalinkSlug('/Notes/About Me/')).toBe('Notes/About-Me');
    expect(permalinkSlug('about//me?#')).toBe('about/me');
    expect(permalinkSlug('/日本語 の ページ/')).toBe('日本語-の-ページ');
    expect(permalinkSlug('/')).toBe('');
  });

  test('claim their slugs first; the other notes get unique slugs around them', () => {
    const permalinks = new Map([
      ['z/Me.md', '/Notes/About Me/'],
      ['x.md', 'a'],
    ]);
    expect(noteSlugs(['a.md', 'notes/about me.md', 'x.md', 'z/Me.md'], new Set(), permalinks)).toEqual(
      new Map([
        ['a.md', 'a-2'],
        ['notes/about me.md', 'notes/about-me-2'],
        ['x.md', 'a'],
        ['z/Me.md', 'Notes/About-Me'],
      ]),
    );
  });

  test('one already taken, by an earlier permalink (case-folded) or a site path, is told; its note keeps its slug', () => {
    const taken: PermalinkTaken[] = [];
    const permalinks = new Map([
      ['a.md', '/shared/'],
      ['b.md', 'Shared'],
      ['c.md', '/Tags/c/'],
      ['d.md', '/'],
      ['e.md', '/'],
      ['private.md', '/mine/'],
    ]);
    expect(noteSlugs(['a.md', 'b.md', 'c.md', 'd.md', 'e.md'], new Set(['tags']), permalinks, (t) => taken.push(t))).toEqual(
      new Map([
        ['a.md', 'shared'],
        ['b.md', 'b'],
        ['c.md', 'c'],
        ['d.md', ''],
        ['e.md', 'e'],
      ]),
    );
    // `/` is the home page: the first note claiming it is served there.
    expect(taken).toEqual([
      { id: 'b.md', slug: 'Shared', heldBy: { id: 'a.md' } },
      { id: 'c.md', slug: 'Tags/c', heldBy: { path: 'tags/' } },
      { id: 'e.md', slug: '', heldBy: { id: 'd.md' } },
    ]);
  });
});

describe('attachmentSlugs', () => {
  test('keeps the extension, lowercased', () => {
    expect(attachmentSlugs(['画像/Screen Shot 1.PNG', '.config'])).toEqual(
      new Map([
        ['画像/Screen Shot 1.PNG', '画像/screen-shot-1.png'],
        ['.config', 'config'],
      ]),
    );
  });

  test('colliding names get a suffix before the extension, whatever the input order', () => {
    const expected = new Map([
      ['Pic.png', 'pic.png'],
      ['a b.png', 'a-b.png'],
      ['a-b.png', 'a-b-2.png'],
      ['pic.png', 'pic-2.png'],
    ]);
    expect(attachmentSlugs(['pic.png', 'a-b.png', 'Pic.png', 'a b.png'])).toEqual(expected);
    expect(attachmentSlugs(['a b.png', 'Pic.png', 'pic.png', 'a-b.png'])).toEqual(expected);
  });
});

describe('tagSlug', () => {
  test('case-insensitive identity, nested parts kept', () => {
    expect(tagSlug('t-notes/Docker')).toBe('t-notes/docker');
    expect(tagSlug('T-Notes/docker')).toBe('t-notes/docker');
    expect(tagSlug('技術/コンテナ')).toBe('技術/コンテナ');
    expect(tagSlug('Ärger/Ｄｏｃｋｅｒ')).toBe(tagSlug('ärger/ｄｏｃｋｅｒ'));
  });
});

describe('href', () => {
  test('keeps visible non-ASCII, percent-encodes what must be, and adds the base', () => {
    expect(href('/', 'docker/docker-compose-入門')).toBe('/docker/docker-compose-入門/');
    expect(href('/docs/', 'a b/c')).toBe('/docs/a%20b/c/');
    expect(href('/', 'á😀/100%?#"\'<>`\\')).toBe("/á😀/100%25%3F%23%22'%3C%3E%60%5C/");
    // Invisible: no-break and ideographic spaces, a zero-width joiner, a right-to-left override, a C1 control.
    expect(href('/', '\u00a0\u3000\u200d\u202e\u0085')).toBe('/%C2%A0%E3%80%80%E2%80%8D%E2%80%AE%C2%85/');
    expect(href('/docs/', '')).toBe('/docs/');
    expect(href('/', 'attachments/pic.png', { page: false })).toBe('/attachments/pic.png');
  });
});
