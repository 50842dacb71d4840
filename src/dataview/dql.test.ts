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
