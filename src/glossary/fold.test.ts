import { describe, expect, it } from 'vitest';
import { foldForFilter } from './filter';
import { foldForMatch } from './fold';

describe('foldForMatch', () => {
  it('folds like foldForFilter', () => {
    for (const s of ['Docker Hubのイメージ', 'ﾀﾞｲｼﾞｪｽﾄ', 'か\u3099ぱ', 'Ｄｏｃｋｅｒ', '㍿とCafe\u0301', '𠮷野家のｲﾒｰｼﾞ']) {
      expect(foldForMatch(s).text).toBe(foldForFilter(s));
    }
  });

  it('maps each folded unit back to the original characters it came from', () => {
    const folded = foldForMatch('aｶﾞb');
    expect(folded.text).toBe('aがb');
    expect(folded.start).toEqual([0, 1, 3]);
    expect(folded.end).toEqual([1, 3, 4]);
  });

  it('maps an expansion back to the one character it came from', () => {
    const folded = foldForMatch('㍿x');
    expect(folded.text).toBe('株式会社x');
    expect(folded.start).toEqual([0, 0, 0, 0, 1]);
    expect(folded.end).toEqual([1, 1, 1, 1, 2]);
  });

  it('keeps surrogate pairs whole, and a supplementary combining mark with its base', () => {
    const folded = foldForMatch('𠮷a');
    expect(folded.start).toEqual([0, 0, 2]);
    expect(folded.end).toEqual([2, 2, 3]);
    expect(foldForMatch('a\u{1D165}b').end).toEqual([3, 3, 3, 4]);
  });
});
