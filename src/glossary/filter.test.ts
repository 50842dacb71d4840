import { describe, expect, it } from 'vitest';
import { foldForFilter, searchKeys } from './filter';

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
