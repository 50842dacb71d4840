import { describe, expect, it } from 'vitest';
import { foldForFilter, searchKeys } from './filter';
import { matchesFilter } from './filter-query';

describe('foldForFilter', () => {
  it('folds width, katakana and Latin case together', () => {
    expect(foldForFilter('ﾀﾞｲｼﾞｪｽﾄ')).toBe('だいじぇすと');
    expect(foldForFilter('ダイジェスト')).toBe('だいじぇすと');
    expect(foldForFilter('ＤｏｃｋｅｒＨｕｂ')).toBe('dockerhub');
    expect(foldForFilter('ベースイメージ')).toBe('べーすいめーじ');
  });

  it('runs on its own, as the client script inlines its source', () => {
    const inlined = new Function(`return ${foldForFilter.toString()}`)() as (s: string) => string;
    expect(inlined('ﾀﾞｲｼﾞｪｽﾄ Digest')).toBe('だいじぇすと digest');
  });
});

describe('searchKeys', () => {
  const digest = { title: 'ダイジェスト', reading: 'だいじぇすと', aliases: ['digest', 'Digest', 'ダイジェスト値'] };

  it('folds title, reading and aliases, each once', () => {
    expect(searchKeys(digest)).toEqual(['だいじぇすと', 'digest', 'だいじぇすと値']);
  });

  it('lets a hiragana, half-width or Latin query find the term', () => {
    const matches = (query: string) => searchKeys(digest).some((key) => key.includes(foldForFilter(query)));
    expect(matches('だいじぇ')).toBe(true);
    expect(matches('ﾀﾞｲｼﾞｪ')).toBe(true);
    expect(matches('DIGE')).toBe(true);
    expect(matches('イメージ')).toBe(false);
  });
});

const digest = searchKeys({ title: 'ダイジェスト', reading: 'だいじぇすと', aliases: ['digest', 'Digest', 'イメージダイジェスト'] });
const engine = searchKeys({ title: 'Docker Engine', reading: 'どっかーえんじん', aliases: [] });

describe('matchesFilter', () => {
  it('finds ダイジェスト from its English alias, hiragana, katakana, half width and upper case', () => {
    for (const query of ['digest', 'だいじぇすと', 'ダイジェスト', 'ﾀﾞｲｼﾞｪｽﾄ', 'ＤＩＧＥＳＴ', 'じぇす', ' dig '])
      expect(matchesFilter(digest, query)).toBe(true);
  });

  it('rejects a query no key contains', () => {
    expect(matchesFilter(digest, 'タグ')).toBe(false);
    expect(matchesFilter(engine, 'digest')).toBe(false);
  });

  it('keeps everything for an empty query, and needs every word of a longer one', () => {
    expect(matchesFilter(engine, '')).toBe(true);
    expect(matchesFilter(engine, '　')).toBe(true);
    expect(matchesFilter(engine, 'engine　docker')).toBe(true);
    expect(matchesFilter(engine, 'engine podman')).toBe(false);
  });
});
