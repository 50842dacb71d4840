import { describe, expect, it } from 'vitest';
import { searchKeys } from '../glossary/filter';
import { matchesFilter } from './glossary-filter';

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
