// Dates and durations as Dataview renders them: its defaultDateFormat / defaultDateTimeFormat settings, formatted
// with Luxon in the app's locale (renderMinimalDate: `toFormat(format, { locale })`), in DQL and in dataviewjs alike.
import { describe, expect, test } from 'vitest';
import { createDataviewEngine } from './index';
import type { DataviewOptions } from './types';
import { page, testLinks } from './test-vault';

const pages = [page('a.md', { frontmatter: { due: '2021-08-05', at: '2021-02-26T15:15' } })];
const engineWith = (options: Partial<DataviewOptions>) => createDataviewEngine(pages, { ...testLinks, timeZone: 'UTC', ...options });

async function both(options: Partial<DataviewOptions>, expression: string, js: string) {
  const engine = engineWith(options);
  const dql = engine.runInline(expression, 'a.md');
  const script = await engine.runInlineJs(js, 'a.md');
  engine.dispose();
  const text = (r: { ok: boolean; html?: string; reason?: string }) => (r.ok ? r.html!.replace(/<[^>]+>/g, '') : `error: ${r.reason}`);
  return [text(dql), text(script)];
}

describe('Dataview defaults (English)', () => {
  test('a date at midnight: MMMM dd, yyyy; with a time: h:mm a - MMMM dd, yyyy', async () => {
    expect(await both({}, 'this.due', 'dv.current().due')).toEqual(['August 05, 2021', 'August 05, 2021']);
    expect(await both({}, 'this.at', 'dv.current().at')).toEqual(['3:15 PM - February 26, 2021', '3:15 PM - February 26, 2021']);
  });
});

describe('the site in Japanese: Luxon with locale ja, as a Japanese Obsidian shows it', () => {
  const ja = { displayLocale: 'ja' };
  test("month names are their numbers and AM/PM is 午前/午後 (Intl's parts for ja)", async () => {
    expect(await both(ja, 'this.due', 'dv.current().due')).toEqual(['8 05, 2021', '8 05, 2021']);
    expect(await both(ja, 'this.at', 'dv.current().at')).toEqual(['3:15 午後 - 2 26, 2021', '3:15 午後 - 2 26, 2021']);
  });

  test('durations: Luxon toHuman in Japanese', async () => {
    expect(await both(ja, 'dur(1 day 12 hours)', 'dv.duration("1 day 12 hours")')).toEqual(['1 日、12 時間', '1 日、12 時間']);
  });

  test("scripts' toFormat names months, weekdays and the meridiem in the locale", async () => {
    expect(await both(ja, 'dateformat(this.at, "MMM EEE EEEE a")', 'dv.current().at.toFormat("MMM EEE EEEE a")')).toEqual([
      '2 金 金曜日 午後',
      '2 金 金曜日 午後',
    ]);
  });
});

describe('the formats are settings (dataview.defaultDateFormat / defaultDateTimeFormat)', () => {
  const custom = { displayLocale: 'ja', defaultDateFormat: 'yyyy年M月d日', defaultDateTimeFormat: 'yyyy-MM-dd HH:mm' };
  test('DQL, dataviewjs and values in lists use them', async () => {
    expect(await both(custom, 'this.due', 'dv.current().due')).toEqual(['2021年8月5日', '2021年8月5日']);
    expect(await both(custom, 'this.at', 'dv.current().at')).toEqual(['2021-02-26 15:15', '2021-02-26 15:15']);
    expect(await both(custom, '"due " + this.due', 'dv.markdownList([dv.current().due])')).toEqual(['due 2021年8月5日', '- 2021年8月5日']);
  });

  test('two engines with different settings do not see each other’s', async () => {
    const english = engineWith({});
    const custom2 = engineWith(custom);
    expect(custom2.runInline('this.due', 'a.md')).toMatchObject({ html: expect.stringContaining('2021年8月5日') });
    expect(english.runInline('this.due', 'a.md')).toMatchObject({ html: expect.stringContaining('August 05, 2021') });
  });
});
