import { describe, expect, it } from 'vitest';
import { edgesPath, shortLabel } from './svg';

describe('shortLabel', () => {
  it('keeps short titles and cuts long ones by code point', () => {
    expect(shortLabel('Docker', 10)).toBe('Docker');
    expect(shortLabel('【図解】Dockerの全体像を理解する', 8)).toBe('【図解】Doc…');
    expect(shortLabel('𠮷野家の牛丼を食べる', 3)).toBe('𠮷野…');
  });
});

describe('edgesPath', () => {
  it('draws each edge as a move and a line', () => {
    expect(edgesPath([{ x: 0, y: 0 }, { x: 1.5, y: 2 }, { x: 3, y: 4 }], [[0, 1], [1, 2]])).toBe('M0 0L1.5 2M1.5 2L3 4');
  });
});
