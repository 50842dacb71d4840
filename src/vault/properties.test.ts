import { describe, expect, test } from 'vitest';
import {
  frontmatterAliases,
  frontmatterCssClasses,
  frontmatterTags,
  homeNoteId,
  permalinkProperty,
  property,
  propertyImageEmbeds,
  propertyLinks,
} from './properties';

describe('property', () => {
  test('matches keys case-insensitively, first listed key with a value wins', () => {
    expect(property({ Title: 'x' }, 'title')).toBe('x');
    expect(property({ tag: 'b', tags: null }, 'tags', 'tag')).toBe('b');
    expect(property({ tag: 'b', tags: 'a' }, 'tags', 'tag')).toBe('a');
    expect(property({}, 'tags')).toBeUndefined();
  });
});

describe('frontmatterTags', () => {
  test.each([
    [{ tags: ['t-notes/Docker', '#linux'] }, ['t-notes/Docker', 'linux']],
    [{ tags: 'a, #b c,,d' }, ['a', 'b', 'c', 'd']],
    [{ Tags: '#日本語' }, ['日本語']],
    [{ TAG: ['x'] }, ['x']],
    [{ tags: [2024, '', null] }, ['2024']],
    [{ tags: '' }, []],
    [{}, []],
  ])('%j → %j', (fm, tags) => {
    expect(frontmatterTags(fm)).toEqual(tags);
  });
});

describe('frontmatterAliases', () => {
  test.each([
    [{ aliases: ['Docker Compose', 'compose'] }, ['Docker Compose', 'compose']],
    [{ aliases: 'Docker Compose, compose' }, ['Docker Compose', 'compose']],
    [{ Alias: 'コンテナ' }, ['コンテナ']],
    [{ aliases: null }, []],
    [{ aliases: [null, 'x'] }, ['x']],
  ])('%j → %j', (fm, aliases) => {
    expect(frontmatterAliases(fm)).toEqual(aliases);
  });
});

describe('frontmatterCssClasses', () => {
  test.each([
    [{ cssclasses: ['wide-page', 'cards'] }, ['wide-page', 'cards']],
    [{ cssclasses: 'wide-page cards' }, ['wide-page', 'cards']],
    [{ cssclass: 'a, b, a' }, ['a', 'b']],
    [{ cssclasses: null }, []],
    [{ cssclasses: { a: 1 } }, []],
  ])('%j → %j', (fm, classes) => {
    expect(frontmatterCssClasses(fm)).toEqual(classes);
  });
});

describe('propertyLinks', () => {
  test('links in string values, lists and nested maps, in property order', () => {
    const fm = {
      author: '[[etaroid]]',
      related: ['[[Docker#Install|install]]', 'plain', '![[diagram.png]]'],
      source: { book: '[[Book]] and [[Other Book]]', year: 2024 },
      created: new Date('2025-01-01T00:00:00Z'),
    };
    expect(propertyLinks(fm, 2)).toEqual([
      { target: 'etaroid', embed: false, source: 'frontmatter', syntax: 'wikilink', line: 2 },
      { target: 'Docker', subpath: 'Install', display: 'install', embed: false, source: 'frontmatter', syntax: 'wikilink', line: 2 },
      { target: 'diagram.png', embed: true, source: 'frontmatter', syntax: 'wikilink', line: 2 },
      { target: 'Book', embed: false, source: 'frontmatter', syntax: 'wikilink', line: 2 },
      { target: 'Other Book', embed: false, source: 'frontmatter', syntax: 'wikilink', line: 2 },
    ]);
  });

  test('no links: empty', () => {
    expect(propertyLinks({ title: 'x [not] a [link]', n: 1 }, 2)).toEqual([]);
  });
});

describe('propertyImageEmbeds', () => {
  const lines = { title: 2, Cover: 3, photos: 4 };
  test('a bare vault image path is an embed at its line, as written', () => {
    expect(propertyImageEmbeds({ title: 'x', Cover: ' /img/pic.png ' }, lines)).toEqual([
      { target: 'img/pic.png', embed: true, source: 'preview', syntax: 'wikilink', line: 3, written: 'Cover: /img/pic.png' },
    ]);
  });

  test('any property, and each image of a list', () => {
    expect(propertyImageEmbeds({ photos: ['a.jpg', 3, 'b.webp'] }, lines).map((l) => [l.target, l.line])).toEqual([
      ['a.jpg', 4],
      ['b.webp', 4],
    ]);
  });

  test('no embed for a URL, a [[link]] (a property link already), a name that is no image, or no value', () => {
    expect(propertyImageEmbeds({ Cover: 'https://example.com/a.png' }, lines)).toEqual([]);
    expect(propertyImageEmbeds({ Cover: 'data:image/png;base64,x.png' }, lines)).toEqual([]);
    expect(propertyImageEmbeds({ Cover: '[[pic.png]]' }, lines)).toEqual([]);
    expect(propertyImageEmbeds({ Cover: 'A note' }, lines)).toEqual([]);
    expect(propertyImageEmbeds({ Cover: null, n: 3, nested: { a: 'x.png' } }, lines)).toEqual([]);
  });
});

describe('permalinkProperty', () => {
  test("permalink, else Digital Garden's dg-permalink, trimmed; empty or not text is none", () => {
    expect(permalinkProperty({ Permalink: ' /a/ ', 'dg-permalink': '/b/' })).toEqual({ key: 'Permalink', path: '/a/' });
    expect(permalinkProperty({ 'dg-permalink': 'b' })).toEqual({ key: 'dg-permalink', path: 'b' });
    expect(permalinkProperty({ permalink: '', 'dg-permalink': 'b' })).toEqual({ key: 'dg-permalink', path: 'b' });
    expect(permalinkProperty({ permalink: 3 })).toBeUndefined();
  });
});

describe('homeNoteId', () => {
  const note = (id: string, frontmatter: Record<string, unknown> = {}) => ({ id, frontmatter });
  test('permalink: / first, then dg-home, then the top index.md; the first by path among equals; none without', () => {
    const index = note('index.md');
    const garden = note('b/Garden.md', { 'dg-home': true });
    expect(homeNoteId([index, garden, note('z.md', { permalink: '/' }), note('a.md', { permalink: '//' })])).toBe('a.md');
    expect(homeNoteId([index, garden, note('c.md', { 'DG-Home': 'true' })])).toBe('b/Garden.md');
    expect(homeNoteId([note('sub/index.md'), index])).toBe('index.md');
    expect(homeNoteId([note('sub/index.md'), note('x.md', { 'dg-home': false, permalink: '/x/' })])).toBeUndefined();
  });
});
