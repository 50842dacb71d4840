import { describe, expect, it } from 'vitest';
import { queryTerms } from './query-terms';

describe('queryTerms', () => {
  it('splits a Japanese query into words, as Pagefind does, and drops punctuation', () => {
    expect(queryTerms('実行インスタンス', 'ja')).toEqual(['実行', 'インスタンス']);
    expect(queryTerms('「Docker Hub」からの image', 'ja')).toEqual(['docker', 'hub', 'から', 'の', 'image']);
    expect(queryTerms('multi-stage build', 'ja')).toEqual(['multi', 'stage', 'build']);
  });

  it('splits an English query at spaces only: a hyphenated word is one word', () => {
    expect(queryTerms('Multi-stage  build', 'en')).toEqual(['multistage', 'build']);
    expect(queryTerms('  ', 'en')).toEqual([]);
  });
});
