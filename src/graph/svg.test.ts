import { describe, expect, it } from 'vitest';
import { edgesPath, shortLabel } from './svg';

describe('shortLabel', () => {
  it('keeps titles that fit, counting full-width characters double', () => {
    expect(shortLabel('docker push', 20)).toBe('docker push');
    expect(shortLabel('コンテナイメージとは', 20)).toBe('コンテナイメージとは');
  });

  it('cuts longer titles by code point and marks the cut', () => {
    expect(shortLabel('本番環境にはイメージを渡す', 20)).toBe('本番環境にはイメー…');
    expect(shortLabel('【図解】Dockerの全体像', 12)).toBe('【図解】Doc…');
    expect(shortLabel('𠮷野家の牛丼を食べる', 6)).toBe('𠮷野…');
  });
});

describe('edgesPath', () => {
  it('draws each edge as a move and a line', () => {
    expect(
      edgesPath(
        [
          { x: 0, y: 0 },
          { x: 1.5, y: 2 },
          { x: 3, y: 4 },
        ],
        [
          [0, 1],
          [1, 2],
        ],
      ),
    ).toBe('M0 0L1.5 2M1.5 2L3 4');
  });
});
