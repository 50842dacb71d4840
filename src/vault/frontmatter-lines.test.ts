import { describe, expect, it } from 'vitest';
import { frontmatterKeyLines } from './frontmatter-lines';

describe('frontmatterKeyLines', () => {
  it('gives the line of each top-level key, not of nested or list lines', () => {
    const text = ['---', 'type: term', 'aliases:', '  - digest', 'nested:', '  reading: x', 'reading: だいじぇすと', '---', 'title: in body'].join('\n');
    expect(frontmatterKeyLines(text)).toEqual({ type: 2, aliases: 3, nested: 5, reading: 7 });
  });

  it('is empty without a leading frontmatter block', () => {
    expect(frontmatterKeyLines('reading: x\n')).toEqual({});
  });
});
