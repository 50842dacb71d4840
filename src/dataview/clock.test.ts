// Every read of the time by a query or a block goes through the build's clock (src/config/clock.ts).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createDataviewEngine } from './index';
import { page, testLinks } from './test-vault';

const engine = () => createDataviewEngine([page('a.md', { frontmatter: { due: '2020-01-01' } })], testLinks);
const PINNED_MS = 1_700_000_000_000;

function recordInto(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-dv-clock-')), 'facts.json');
  vi.stubEnv('TSUNAGU_BUILD_FACTS', file);
  vi.stubEnv('SOURCE_DATE_EPOCH', '');
  return file;
}
const readers = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).clockReaders : []);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("dataviewjs blocks read the build's clock", () => {
  test.each([
    ['new Date().getTime()', String(PINNED_MS)],
    ['Date.now()', String(PINNED_MS)],
    ['typeof Date()', 'string'],
    ["dv.date('now').toMillis()", String(PINNED_MS)],
    ['DateTime.now().toMillis()', String(PINNED_MS)],
    // Dates of given times and the Date type itself are untouched.
    ['new Date(0).getTime()', '0'],
    ['new Date() instanceof Date && new Date().constructor === Date', 'true'],
    ['Date.UTC(2024, 0, 1) === Date.parse("2024-01-01T00:00:00Z")', 'true'],
  ])('%s', async (expression, shown) => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(PINNED_MS / 1000));
    const code = expression.startsWith('DateTime')
      ? `const { DateTime } = dv.luxon; dv.paragraph(String(${expression}))`
      : `dv.paragraph(String(${expression}))`;
    const result = await engine().runJs(code, 'a.md');
    expect(result).toMatchObject({ ok: true, html: `<p><span>${shown}</span></p>` });
  });

  test('a block reading the live clock is recorded; one that does not is not', async () => {
    const file = recordInto();
    expect(await engine().runJs('dv.paragraph(dv.current().due)', 'a.md')).toMatchObject({ ok: true });
    expect(readers(file)).toEqual([]);
    expect(await engine().runJs("dv.paragraph(String(dv.date('today') > dv.current().due))", 'a.md')).toMatchObject({ ok: true });
    expect(readers(file)).toEqual(['dataviewjs']);
  });
});

describe("DQL's date shorthands read the build's clock", () => {
  test('date(today) is recorded; a query without one is not', async () => {
    const file = recordInto();
    expect(await engine().runQuery('LIST WHERE due < date("2021-01-01")', 'a.md')).toMatchObject({ ok: true });
    expect(readers(file)).toEqual([]);
    expect(await engine().runQuery('LIST WHERE due < date(today)', 'a.md')).toMatchObject({ ok: true });
    expect(readers(file)).toEqual(['dataview']);
  });

  test('SOURCE_DATE_EPOCH pins it', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(PINNED_MS / 1000));
    const result = await engine().runQuery('TABLE WITHOUT ID date(today).year AS y WHERE file.name = "a"', 'a.md');
    expect(result).toMatchObject({ ok: true, html: expect.stringContaining('2023') });
  });
});
