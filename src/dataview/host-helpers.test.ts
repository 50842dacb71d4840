import { describe, expect, test } from 'vitest';
import { collateFunction, collationRanks } from './host-helpers';

describe('collation ranks', () => {
  test('comparing ranks gives what the collator gives, equal strings sharing a rank', () => {
    const collate = collateFunction('en');
    const strings = ['b', 'a', 'B', 'ä', 'a\u0301', '\u00e1', '10', '9', 'a'];
    const ranks = collationRanks(strings, collate);
    for (const a of strings) {
      for (const b of strings) expect(Math.sign(ranks.get(a)! - ranks.get(b)!), `${a} ${b}`).toBe(collate(a, b));
    }
    expect(ranks.get('a\u0301')).toBe(ranks.get('\u00e1'));
  });
});
