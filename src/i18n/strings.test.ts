import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, strings } from './strings';

describe('UI strings', () => {
  const ja = strings('ja') as unknown as Record<string, unknown>;
  const en = strings('en') as unknown as Record<string, unknown>;

  it('every string exists in Japanese and English, as text or as a function giving text', () => {
    // A group of strings (the bases' summary names) is checked like the table itself.
    const check = (jaTable: Record<string, unknown>, enTable: Record<string, unknown>) => {
      expect(Object.keys(enTable).sort()).toEqual(Object.keys(jaTable).sort());
      for (const [key, value] of Object.entries(jaTable)) {
        if (typeof value === 'object' && value) {
          check(value as Record<string, unknown>, enTable[key] as Record<string, unknown>);
          continue;
        }
        for (const v of [value, enTable[key]]) {
          const samples = typeof v === 'function' ? [0, 1, 2, 'タイトル'].map((arg) => (v as (a: unknown, b?: unknown) => unknown)(arg, arg)) : [v];
          for (const sample of samples) expect(typeof sample === 'string' && sample.trim().length > 0, key).toBe(true);
        }
      }
    };
    check(ja, en);
  });

  it('the notices of notes over a limit differ by language', () => {
    expect(strings('ja').noteOverLimit).not.toBe(strings('en').noteOverLimit);
    expect(strings('ja').noteNotRendered).toContain('テキスト');
  });

  it('formats dates in the reader’s language, in UTC', () => {
    expect(formatDate('2024-03-01T23:30:00Z', 'ja')).toBe('2024年3月1日');
    expect(formatDate('2024-03-01T23:30:00Z', 'en')).toBe('Mar 1, 2024');
    expect(formatDateTime('2024-03-01T23:30:00Z', 'en')).toMatch(/^Mar 1, 2024, 11:30\sPM$/);
    expect(formatDateTime('2024-03-01T23:30:00Z', 'ja')).toMatch(/^2024年3月1日 23:30$/);
  });
});
