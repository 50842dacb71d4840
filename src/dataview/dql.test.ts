// DQL end to end through the engine: Dataview's parser, the host evaluator and the renderer.
import { describe, expect, test } from 'vitest';
import { createDataviewEngine } from './index';
import { link, page, testLinks } from './test-vault';

const engine = createDataviewEngine(
  [
    page('Docker/a.md', { etags: ['lang/go'], outlinks: [link('Docker/b.md')], frontmatter: { rating: 3, status: 'done' } }),
    page('Docker/b.md', { etags: ['lang/rust'], inlinks: ['Docker/a.md'], frontmatter: { rating: 1, status: 'open' } }),
    page('Docker/c.md', { etags: ['lang'], frontmatter: { rating: 2 } }),
    page('x.md', { frontmatter: { rating: 5 } }),
  ],
  testLinks,
);

const anchor = (name: string) => `<span><a class="internal-link" href="/Docker/${name}/">${name}</a></span>`;

describe('DQL', () => {
  test('LIST FROM a tag, WHERE, SORT desc, LIMIT: the list sits directly in the block', async () => {
    expect(await engine.runQuery('LIST\nFROM #lang\nWHERE rating >= 2\nSORT rating DESC\nLIMIT 5', 'x.md')).toEqual({
      ok: true,
      html: `<ul class="dataview list-view-ul"><li>${anchor('a')}</li><li>${anchor('c')}</li></ul>`,
    });
  });

  test('LIST with an expression shows "link: value"', async () => {
    expect(await engine.runQuery('LIST status FROM "Docker" WHERE contains(file.tags, "#lang/go")', 'x.md')).toEqual({
      ok: true,
      html: `<ul class="dataview list-view-ul"><li>${anchor('a')}: <span>done</span></li></ul>`,
    });
  });

  test('TABLE with File column, aliases, null cells and the result count', async () => {
    expect(await engine.runQuery('TABLE rating AS "Score", status FROM #lang SORT file.name ASC', 'x.md')).toEqual({
      ok: true,
      html:
        '<table class="dataview table-view-table"><thead class="table-view-thead"><tr class="table-view-tr-header">' +
        '<th class="table-view-th"><span>File</span><span class="dataview small-text">3</span></th>' +
        '<th class="table-view-th"><span>Score</span></th><th class="table-view-th"><span>status</span></th></tr></thead>' +
        `<tbody class="table-view-tbody"><tr><td>${anchor('a')}</td><td>3</td><td><span>done</span></td></tr>` +
        `<tr><td>${anchor('b')}</td><td>1</td><td><span>open</span></td></tr>` +
        `<tr><td>${anchor('c')}</td><td>2</td><td><span>-</span></td></tr></tbody></table>`,
    });
  });

  test('TABLE WITHOUT ID, functions, and/or, negation', async () => {
    const result = await engine.runQuery(
      'TABLE WITHOUT ID file.name, length(file.inlinks) FROM [[b]] or #lang/rust WHERE !(rating > 2) or file.name = "a"',
      'x.md',
    );
    expect(result.ok && result.html).toContain('<tr><td><span>a</span></td><td>0</td></tr><tr><td><span>b</span></td><td>1</td></tr></tbody>');
    expect(await engine.runQuery('LIST WITHOUT ID link("b").rating FROM "x"', 'x.md')).toEqual({
      ok: true,
      html: '<ul class="dataview list-view-ul"><li>1</li></ul>',
    });
  });

  test('a query Dataview cannot parse names the line and what was expected; an unknown function fails every row', async () => {
    const parse = await engine.runQuery('LIST\nWHERE rating >', 'x.md');
    expect(parse).toMatchObject({ ok: false, line: 2 });
    expect(!parse.ok && parse.reason).toContain('cannot read "WHERE rating >"');
    expect(await engine.runQuery('LIST WHERE nofn(1)', 'x.md')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Every row during operation 'where' failed with an error; first 3: Unrecognized function name 'nofn'"),
    });
  });
});

describe('DQL views and the snapshot index', () => {
  const dated = createDataviewEngine(
    [
      page('2024-03-05.md', { frontmatter: { aliases: 'one, two' } }),
      page('Log/b.md', { frontmatter: { date: '2024-03-20T10:00', tags: 'x' }, outlinks: [link('2024-03-05.md')] }),
      page('Log/c.md', {
        frontmatter: { site: 'https://example.com' },
        fields: [
          ['Due Date', '2024-04-01'],
          ['due date', '2024-04-02'],
        ],
      }),
      page('Log.md'),
    ],
    { ...testLinks, timeZone: 'UTC' },
  );
  const html = async (query: string) => {
    const result = await dated.runQuery(query, 'Log/b.md');
    if (!result.ok) throw new Error(result.reason);
    return result.html;
  };

  test('CALENDAR: one month grid per month with results; weeks start on Sunday', async () => {
    const grid = await html('CALENDAR file.day');
    expect(grid).toContain('<caption>March 2024</caption>');
    // March 1st, 2024 is a Friday.
    expect(grid).toContain('<tr><td></td><td></td><td></td><td></td><td></td><td><span class="dataview-calendar-day">1</span></td>');
    expect(grid.match(/dataview-calendar-dot/g)).toHaveLength(2);
    expect(grid).toContain('href="/2024-03-05/" title="2024-03-05"');
  });

  test('CALENDAR: month captions and weekday heads in the site language', async () => {
    const japanese = createDataviewEngine([page('2024-03-05.md')], { ...testLinks, timeZone: 'UTC', displayLocale: 'ja' });
    const result = await japanese.runQuery('CALENDAR file.day', 'x.md');
    if (!result.ok) throw new Error(result.reason);
    expect(result.html).toContain('<caption>2024年3月</caption>');
    expect(result.html).toContain('<thead><tr><th>日</th><th>月</th><th>火</th><th>水</th><th>木</th><th>金</th><th>土</th></tr></thead>');
    expect(await html('CALENDAR file.day')).toContain('<thead><tr><th>Sun</th><th>Mon</th>');
  });

  test('file.day from the file name or a date field; aliases from a comma list; raw keys sharing an alias both feed it', async () => {
    expect(await html('TABLE WITHOUT ID file.day, file.aliases, due-date FROM "2024-03-05" or "Log/c"')).toContain(
      '<tr><td>March 05, 2024</td><td><ul class="dataview dataview-ul dataview-result-list-ul"><li class="dataview-result-list-li"><span>one</span></li><li class="dataview-result-list-li"><span>two</span></li></ul></td><td><span>-</span></td></tr>',
    );
    expect(await html('LIST WITHOUT ID due-date FROM "Log/c"')).toContain('April 01, 2024');
  });

  test('folder sources: a folder includes its notes (and wins over a note of the same path), a path names the note itself', async () => {
    expect(await html('LIST WITHOUT ID file.name FROM "Log"')).toBe('<ul class="dataview list-view-ul"><li><span>b</span></li><li><span>c</span></li></ul>');
    expect(await html('LIST WITHOUT ID file.name FROM "Log.md"')).toBe('<ul class="dataview list-view-ul"><li><span>Log</span></li></ul>');
    expect(await html('LIST WITHOUT ID file.name FROM outgoing([[b]])')).toContain('2024-03-05');
    expect(await html('LIST WITHOUT ID file.name FROM outgoing([[Nope]])')).toContain('No results');
    expect(await html('LIST WITHOUT ID file.name FROM [[2024-03-05]]')).toContain('<span>b</span>');
  });

  test('external links render as Dataview draws them', async () => {
    expect(await html('LIST WITHOUT ID elink(site, "ex") FROM "Log/c"')).toContain(
      '<a class="external-link" href="https://example.com" target="_blank" rel="noopener">ex</a>',
    );
    expect(await html('LIST WITHOUT ID elink("javascript:alert(1)", "bad") FROM "Log/c"')).toBe('<ul class="dataview list-view-ul"><li>bad</li></ul>');
  });
});
