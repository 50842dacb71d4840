// Dataview's API inside the sandbox: sources, page objects, DataArray, links and dates.
import { describe, expect, test } from 'vitest';
import { createDataviewEngine } from './index';
import { link, page, testLinks } from './test-vault';
import type { DvPageInput } from './types';

const vault: DvPageInput[] = [
  page('Docker/a.md', { etags: ['lang/go', 'draft'], outlinks: [link('Docker/b.md'), link('x.md')], frontmatter: { rating: 3, 'Due Date': '2025-07-08' } }),
  page('Docker/b.md', { etags: ['lang/rust'], inlinks: ['Docker/a.md', 'x.md'], frontmatter: { rating: 1 } }),
  page('Docker/sub/c.md', { etags: ['lang'], frontmatter: { rating: 3, related: '[[b]]' } }),
  page('x.md', { etags: ['Draft'], outlinks: [link('Docker/b.md', { subpath: 'Top', type: 'header' }), link('Docker/b.md')] }),
];

/** Runs a block that prints a JSON answer as char codes (so no markdown applies); returns the parsed answer. */
async function evaluate(expression: string, current = 'Docker/a.md'): Promise<unknown> {
  const engine = createDataviewEngine(vault, testLinks);
  const result = await engine.runJs(`dv.paragraph(Array.from(JSON.stringify(${expression}), c => c.charCodeAt(0)).join(" "))`, current);
  if (!result.ok) throw new Error(result.reason);
  const codes = /^<p><span>([\d ]*)<\/span><\/p>$/.exec(result.html)![1];
  return JSON.parse(String.fromCharCode(...codes.split(' ').map(Number)));
}

const paths = (source: string) => evaluate(`dv.pagePaths(${JSON.stringify(source)}).array()`);

describe('sources', () => {
  test('tags match subtags, case-insensitively, never the parent of a tag alone', async () => {
    expect(await paths('#lang')).toEqual(['Docker/a.md', 'Docker/b.md', 'Docker/sub/c.md']);
    expect(await paths('#lang/go')).toEqual(['Docker/a.md']);
    expect(await paths('#DRAFT')).toEqual(['Docker/a.md', 'x.md']);
  });

  test('folders include subfolders; a file path names one page; an unknown folder is empty', async () => {
    expect(await paths('"Docker"')).toEqual(['Docker/a.md', 'Docker/b.md', 'Docker/sub/c.md']);
    expect(await paths('"Docker/sub"')).toEqual(['Docker/sub/c.md']);
    expect(await paths('"Docker/b"')).toEqual(['Docker/b.md']);
    expect(await paths('"Nope"')).toEqual([]);
  });

  test('[[link]] is the pages linking to it, outgoing([[link]]) the pages it links to', async () => {
    expect(await paths('[[b]]')).toEqual(['Docker/a.md', 'x.md']);
    expect(await paths('outgoing([[a]])')).toEqual(['Docker/b.md', 'x.md']);
  });

  test('and, or, negation and parentheses', async () => {
    expect(await paths('#lang and "Docker/sub"')).toEqual(['Docker/sub/c.md']);
    expect(await paths('#lang/go or #draft')).toEqual(['Docker/a.md', 'x.md']);
    expect(await paths('#lang and -#lang/go')).toEqual(['Docker/b.md', 'Docker/sub/c.md']);
    expect(await paths('"Docker" and -(#draft or #lang/rust)')).toEqual(['Docker/sub/c.md']);
    expect(await paths('')).toHaveLength(4);
  });

  test('a malformed source is an error naming the query', async () => {
    await expect(paths('#a and')).rejects.toThrow(/Failed to parse query/);
  });
});

describe('pages', () => {
  test('file fields, tags expanded nearest-first, frontmatter as top-level (and canonical) fields', async () => {
    expect(
      await evaluate(
        '(() => { const p = dv.page("Docker/a"); return [p.file.name, p.file.folder, p.file.path, p.file.ext, p.file.tags.array(), p.file.etags.array(), p.rating, p["due-date"].toISODate()]; })()',
      ),
    ).toEqual(['a', 'Docker', 'Docker/a.md', 'md', ['#lang/go', '#lang', '#draft'], ['#lang/go', '#draft'], 3, '2025-07-08']);
  });

  test('page fields keep the row: frontmatter, inline fields and canonical aliases, in order, typed as the host typed them', async () => {
    const fields = createDataviewEngine(
      [
        page('f.md', {
          frontmatter: { Rating: 3, tags: ['a', 'b'], Up: '[[g]]', 'Due Date': '2025-07-08', 'due  date': 'soon', file: 'x', position: { line: 1 } },
          fields: [
            ['Rating', '4'],
            ['Mood', 'calm'],
            ['position', 'here'],
          ],
        }),
        page('g.md'),
      ],
      { ...testLinks, timeZone: 'UTC' },
    );
    const result = await fields.runJs(
      'const p = dv.current(); dv.paragraph(Object.keys(p).map((k) => k + "=" + JSON.stringify(p[k] && p[k].path ? p[k].path : p[k])).join("; "))',
      'f.md',
    );
    expect(result).toEqual({
      ok: true,
      html:
        '<p><span>file="f.md"; Rating=[3,4]; tags=["a","b"]; Up="g.md"; Due Date="2025-07-08T00:00:00.000+00:00"; ' +
        'due  date="soon"; Mood="calm"; position="here"; rating=[3,4]; up="g.md"; ' +
        'due-date=["2025-07-08T00:00:00.000+00:00","soon"]; mood="calm"</span></p>',
    });
  });

  test('dv.page takes a path with or without .md, a unique name or a link, and returns undefined otherwise', async () => {
    expect(
      await evaluate('[dv.page("Docker/a.md").file.name, dv.page("c").file.path, dv.page(dv.fileLink("b")).file.path, dv.page("missing") === undefined]'),
    ).toEqual(['a', 'Docker/sub/c.md', 'Docker/b.md', true]);
  });

  test('a page not in the snapshot cannot be reached by any means', async () => {
    expect(
      await evaluate(
        '[dv.page("Secret") === undefined, dv.pages("[[Secret]]").length, dv.pages().file.name.includes("Secret"), typeof globalThis.__dvSnapshot]',
      ),
    ).toEqual([true, 0, false, 'undefined']);
    const leaky = createDataviewEngine([page('A.md', { inlinks: ['Private/Diary.md'] })], testLinks);
    expect(await leaky.runJs('dv.list(dv.current().file.inlinks)', 'A.md')).toEqual({ ok: true, html: '<div><ul class="dataview list-view-ul"></ul></div>' });
  });

  test('outlinks keep duplicates and sections; inlinks are links', async () => {
    expect(await evaluate('dv.page("x").file.outlinks.map(l => [l.path, l.type, l.subpath ?? null]).array()')).toEqual([
      ['Docker/b.md', 'header', 'Top'],
      ['Docker/b.md', 'file', null],
    ]);
    expect(await evaluate('dv.page("b").file.inlinks.map(l => l.markdown()).array()')).toEqual(['[[Docker/a.md|a]]', '[[x.md|x]]']);
  });

  test("a page's link is one object wherever it is read; inlinks sort in collation order, not as sent", async () => {
    // Sent in code-unit order ('B' < 'a'); the host gives the sandbox the order sort() has to give ('a' before 'B').
    const pages = [page('B.md', { outlinks: [link('t.md')] }), page('a.md', { outlinks: [link('t.md')] }), page('t.md', { inlinks: ['B.md', 'a.md'] })];
    const engine = createDataviewEngine(pages, { ...testLinks, collationLocale: 'en' });
    const run = async (code: string) => engine.runJs(code, 't.md');
    const inlinks = 'dv.current().file.inlinks';
    expect(
      await run(`dv.paragraph([${inlinks}.path.join(), ${inlinks}.sort().path.join(), ${inlinks}.sort(undefined, "desc").path.join()].join(" "))`),
    ).toEqual({
      ok: true,
      html: '<p><span>B.md, a.md a.md, B.md B.md, a.md</span></p>',
    });
    expect(await run(`dv.paragraph(String(${inlinks}[1] === dv.page("a").file.link && dv.page("a").file.outlinks[0] === dv.current().file.link))`)).toEqual({
      ok: true,
      html: '<p><span>true</span></p>',
    });
    // Listed, a page's own link renders as any link to it does.
    expect(await run(`dv.list(${inlinks}.sort()); dv.list([dv.fileLink("B.md")])`)).toEqual({
      ok: true,
      html:
        '<div><ul class="dataview list-view-ul"><li><span><a class="internal-link" href="/a/">a</a></span></li><li><span><a class="internal-link" href="/B/">B</a></span></li></ul></div>' +
        '<div><ul class="dataview list-view-ul"><li><span><a class="internal-link" href="/B/">B</a></span></li></ul></div>',
    });
  });

  test('frontmatter [[links]] become links; dates are Luxon-like', async () => {
    expect(await evaluate('[dv.page("c").related.path, dv.page("a")["Due Date"].toFormat("yyyy/MM/dd EEE"), dv.page("a").file.mtime.ts]')).toEqual([
      'Docker/b.md',
      '2025/07/08 Tue',
      0,
    ]);
  });

  test('unsupported page data says so instead of answering wrongly', async () => {
    await expect(evaluate('dv.current().file.size')).rejects.toThrow('file.size is not supported by tsunagu');
    const sized = createDataviewEngine([page('S.md', { size: 123 })], testLinks);
    expect(await sized.runJs('dv.paragraph(dv.current().file.size)', 'S.md')).toEqual({ ok: true, html: '<p><span>123</span></p>' });
    expect(await evaluate('dv.current().file.tasks.length')).toBe(0);
  });
});

describe('DataArray', () => {
  test('swizzling flattens arrays of each page', async () => {
    expect(await evaluate('dv.pages("#lang").file.etags.array()')).toEqual(['#lang/go', '#draft', '#lang/rust', '#lang']);
    expect(await evaluate('dv.pages("#lang").rating.array()')).toEqual([3, 1, 3]);
  });

  test('sort is stable, asc and desc; links sort by path', async () => {
    expect(await evaluate('dv.pages("#lang").sort(p => p.rating, "desc").file.name.array()')).toEqual(['a', 'c', 'b']);
    expect(await evaluate('dv.pages("#lang").sort(p => p.rating).file.name.array()')).toEqual(['b', 'a', 'c']);
    expect(await evaluate('dv.array([dv.fileLink("b.md"), dv.sectionLink("a.md", "H"), dv.fileLink("a.md")]).sort().map(l => l.markdown()).array()')).toEqual([
      '[[a.md|a]]',
      '[[a.md#H|a > H]]',
      '[[b.md|b]]',
    ]);
  });

  test('groupBy yields {key, rows} sorted by key', async () => {
    expect(await evaluate('dv.pages("#lang").groupBy(p => p.rating).map(g => [g.key, g.rows.file.name.array()]).array()')).toEqual([
      [1, ['b']],
      [3, ['a', 'c']],
    ]);
  });

  test('the rest of the array API', async () => {
    expect(
      await evaluate(`(() => {
      const a = dv.array([3, 1, 3, 2]);
      return [a.length, a.first(), a.last(), a.distinct().array(), a.limit(2).array(), a.slice(1, 3).array(),
        a.concat([9]).array(), a.flatMap(x => [x, x]).length, a.some(x => x > 2), a.every(x => x > 2), a.includes(2),
        a.join(" "), [...a], a.values, Array.isArray(a), dv.isArray(a), a.map(x => x * 2).filter(x => x > 4).array()];
    })()`),
    ).toEqual([4, 3, 2, [1, 2, 3], [3, 1], [1, 3], [3, 1, 3, 2, 9], 8, true, false, true, '3 1 3 2', [3, 1, 3, 2], [3, 1, 3, 2], true, true, [6, 6]]);
  });
});

describe('rendering', () => {
  const run = (code: string) => createDataviewEngine(vault, testLinks).runJs(code, 'Docker/a.md');

  test('tables, with the result count in the first header', async () => {
    expect(await run('dv.table(["Name", "Rating"], dv.pages("#lang/go").map(p => [p.file.link, p.rating]))')).toEqual({
      ok: true,
      html:
        '<div><table class="dataview table-view-table"><thead class="table-view-thead"><tr class="table-view-tr-header">' +
        '<th class="table-view-th"><span>Name</span><span class="dataview small-text">1</span></th><th class="table-view-th"><span>Rating</span></th>' +
        '</tr></thead><tbody class="table-view-tbody"><tr><td><span><a class="internal-link" href="/Docker/a/">a</a></span></td><td>3</td></tr></tbody></table></div>',
    });
  });

  test('text renders as markdown through the one pipeline: HTML sanitized, [[links]] by Obsidian rules, unresolved links stay text', async () => {
    expect(await run('dv.paragraph("x <b onclick=\\"evil()\\">bold</b><script>alert(1)</script> *em* `a<b` [[b|Bee]] [[Secret]] ~~s~~")')).toEqual({
      ok: true,
      html:
        '<p><span>x <b>bold</b> <em>em</em> <code>a&#x3C;b</code> <a class="internal-link" href="/Docker/b/">Bee</a> ' +
        '<span class="internal-link is-unresolved">Secret</span> <del>s</del></span></p>',
    });
  });

  test('dv.el keeps safe classes, attributes and style properties only, and refuses unsafe elements', async () => {
    expect(
      await run(
        'dv.el("div", 5, { cls: ["note", "x\\"y"], attr: { title: "t", onclick: "evil()", style: "color:red; position: fixed; background-color: url(x)" } })',
      ),
    ).toEqual({
      ok: true,
      html: '<div class="note x&quot;y" title="t" style="color: red"><span>5</span></div>',
    });
    expect(await run('dv.el("script", "alert(1)")')).toEqual({
      ok: false,
      reason: "dv.el('script') is not supported by tsunagu: only text elements are",
      line: 1,
    });
  });

  test('values: dates, nested arrays, objects, null', async () => {
    expect(await run('dv.list([dv.date("2025-07-08"), dv.date("2025-07-08T13:05"), [1, [2]], {a: null}])')).toEqual({
      ok: true,
      html:
        '<div><ul class="dataview list-view-ul"><li>July 08, 2025</li><li>1:05 PM - July 08, 2025</li>' +
        '<li><ul class="dataview dataview-ul dataview-result-list-ul"><li class="dataview-result-list-li">1</li><li class="dataview-result-list-li">' +
        '<ul class="dataview dataview-ul dataview-result-list-ul"><li class="dataview-result-list-li">2</li></ul></li></ul></li>' +
        '<li><ul class="dataview dataview-ul dataview-result-object-ul"><li class="dataview dataview-li dataview-result-object-li">a: <span>-</span></li></ul></li></ul></div>',
    });
  });
});

describe('dv.view, dv.io and Obsidian helpers', () => {
  const files: Record<string, string> = {
    'views/hello.js': 'dv.paragraph("hello " + input.name); return "returned";',
    'views/styled/view.js': 'const t = await dv.io.load("data/notes.txt"); dv.span(t.trim());',
    'views/styled/view.css': '.x { color: red; background: url(https://evil.example/x.png); } @import "https://evil.example/a.css";',
    'data/notes.txt': 'loaded text\n',
    'data/table.csv': 'name,score\n# comment\nA,3\n"B, b",5\n',
  };
  const viewEngine = createDataviewEngine([page('Docker/a.md')], { ...testLinks, readFile: (path) => files[path] });

  test('dv.view runs name.js with input, and renders a truthy return value', async () => {
    const result = await viewEngine.runJs('await dv.view("views/hello", { name: "world" })', 'Docker/a.md');
    expect(result).toEqual({ ok: true, html: '<p><span>hello world</span></p><span><span>returned</span></span>' });
  });

  test('dv.view loads name/view.js and its view.css; the CSS loads nothing remote', async () => {
    const result = await viewEngine.runJs('await dv.view("views/styled")', 'Docker/a.md');
    expect(result.ok && result.html).toContain('<style>.x { color: red; background: none; } </style>');
    expect(result.ok && result.html).toContain('<span><span>loaded text</span></span>');
    expect(result.ok && result.html).not.toContain('evil');
  });

  test('a missing view names both paths Dataview tried', async () => {
    expect(await viewEngine.runJs('await dv.view("nope")', 'Docker/a.md')).toMatchObject({
      ok: false,
      reason: "Dataview: custom view not found for 'nope.js' or 'nope/view.js'.",
    });
  });

  test('dv.io.load gives undefined for files the host does not publish; dv.io.csv types cells', async () => {
    const run = async (code: string) => viewEngine.runJs(`dv.paragraph(JSON.stringify(${code}))`, 'Docker/a.md');
    expect(await run('await dv.io.load("secret.md") === undefined')).toMatchObject({ html: '<p><span>true</span></p>' });
    expect(await run('(await dv.io.csv("data/table.csv")).array()')).toMatchObject({
      html: '<p><span>[{"name":"A","score":3},{"name":"B, b","score":5}]</span></p>',
    });
  });

  test("Obsidian's contains/first/last on arrays and strings", async () => {
    const result = await viewEngine.runJs('dv.paragraph([[1, 2].contains(2), "abc".contains("b"), [1, 2].first(), [1, 2].last()].join(" "))', 'Docker/a.md');
    expect(result).toEqual({ ok: true, html: '<p><span>true true 1 2</span></p>' });
  });
});

describe('dv.query, dv.execute, task lists, markdown export, Luxon', () => {
  const tasksEngine = createDataviewEngine(
    [
      page('T.md', {
        frontmatter: { rating: 2, spent: '2 hours' },
        lists: [
          { line: 0, lineCount: 1, text: 'open one', symbol: '-', status: ' ', list: 0, tags: [], outlinks: [], fields: [] },
          { line: 1, lineCount: 1, text: 'done child', symbol: '-', status: 'x', parent: 0, list: 0, tags: [], outlinks: [], fields: [] },
          { line: 2, lineCount: 1, text: 'closed', symbol: '-', status: 'x', list: 0, tags: [], outlinks: [], fields: [] },
          { line: 3, lineCount: 1, text: 'moved on', symbol: '-', status: '>', list: 0, tags: [], outlinks: [], fields: [] },
        ],
      }),
    ],
    testLinks,
  );
  const js = async (code: string) => {
    const result = await tasksEngine.runJs(code, 'T.md');
    if (!result.ok) throw new Error(result.reason);
    return result.html;
  };

  test("dv.query gives Dataview's result object; tryQuery throws the error", async () => {
    expect(
      await js(
        'const r = await dv.query("TABLE rating FROM \\"T\\""); dv.paragraph(JSON.stringify([r.successful, r.value.type, r.value.headers, r.value.values[0][1]]))',
      ),
    ).toBe('<p><span>[true,"table",["File","rating"],2]</span></p>');
    expect(await js('const r = await dv.query("LIST WHERE nofn()"); dv.paragraph(String(r.successful))')).toBe('<p><span>false</span></p>');
    await expect(tasksEngine.runJs('await dv.tryQuery("LIST WHERE nofn()")', 'T.md')).resolves.toMatchObject({
      ok: false,
      reason: expect.stringContaining('nofn'),
    });
  });

  test('dv.execute renders a DQL view in place', async () => {
    expect(await js('dv.execute("LIST WITHOUT ID rating FROM \\"T\\"")')).toBe('<div><ul class="dataview list-view-ul"><li>2</li></ul></div>');
  });

  test('dv.taskList groups by file; subtasks nest once; file.tasks comes from the snapshot', async () => {
    const html = await js('dv.taskList(dv.current().file.tasks)');
    expect(html).toContain('<h4><span><a class="internal-link" href="/T/">T</a></span><span class="dataview small-text">4</span></h4>');
    expect(html.match(/done child/g)).toHaveLength(1);
    expect(await js('dv.taskList(dv.current().file.tasks.where(t => !t.completed), false)')).not.toContain('<h4>');
  });

  test('task items carry data-task with the status as Dataview writes it: a space when open, x, or the custom character', async () => {
    const items = (html: string) =>
      [...html.matchAll(/<li class="dataview task-list-item( is-checked)?" data-task="([^"]*)">/g)].map((m) => `${m[2]}${m[1] ?? ''}`);
    // (`>` is escaped in the attribute: the same value to the browser and to [data-task=">"].)
    const expected = [' ', 'x is-checked', 'x is-checked', '&gt; is-checked'];
    expect(items(await js('dv.taskList(dv.current().file.tasks, false)'))).toEqual(expected);
    const dql = await tasksEngine.runQuery('TASK FROM "T"', 'T.md');
    expect(dql.ok && items(dql.html)).toEqual(expected);
  });

  test('markdownTable, markdownList, markdownTaskList', async () => {
    expect(await js('dv.paragraph(JSON.stringify(dv.markdownTable(["a", "bb"], [[1, null], ["x|y", "z"]])))')).toContain(
      '| a    | bb |\\n| ---- | -- |\\n| 1    | \\- |\\n| x\\|y | z  |',
    );
    expect(await js('dv.span(dv.markdownList([1, 2]))')).toContain('<li>1</li>');
    expect(await js('dv.paragraph(JSON.stringify(dv.markdownTaskList(dv.current().file.tasks)))')).toContain(
      '- [ ] open one\\n    - [x] done child\\n- [x] closed',
    );
  });

  test('dv.duration, durations from fields, Luxon DateTime.utc and Duration', async () => {
    expect(
      await js(
        'dv.paragraph([dv.duration("15 min").as("minutes"), dv.current().spent.as("hours"), dv.luxon.DateTime.utc(2024, 1, 2).toISODate(), dv.luxon.Duration.fromObject({ hours: 1 }).as("minutes")].join(" "))',
      ),
    ).toBe('<p><span>15 2 2024-01-02 60</span></p>');
    expect(await js('dv.span(dv.current().spent)')).toBe('<span>2 hours</span>');
  });

  test('a bare luxon global is the same Luxon as dv.luxon, and no block can change it for the next', async () => {
    expect(
      await js(
        'dv.paragraph([luxon.DateTime === dv.luxon.DateTime, luxon.Duration === dv.luxon.Duration, luxon.DateTime.utc(2024, 1, 2).toISODate()].join(" "))',
      ),
    ).toBe('<p><span>true true 2024-01-02</span></p>');
    expect(
      await js('try { luxon.DateTime = null; } catch (e) {} luxon.Extra = 1; dv.span(String(luxon.DateTime === dv.luxon.DateTime && !("Extra" in luxon)))'),
    ).toBe('<span><span>true</span></span>');
  });

  test('Luxon Duration: fromISOTime, fromISO, shiftTo, toObject and toFormat as Luxon documents them', async () => {
    expect(await js('dv.paragraph(dv.luxon.Duration.fromISOTime("06:11").toFormat("hh:mm"))')).toBe('<p><span>06:11</span></p>');
    expect(await evaluate('dv.luxon.Duration.fromMillis(9e9).shiftTo("days", "hours").toObject()')).toEqual({ days: 104, hours: 4 });
    expect(await evaluate('dv.luxon.Duration.fromMillis(5400000).shiftTo("hours").toObject()')).toEqual({ hours: 1.5 });
    expect(await evaluate('dv.luxon.Duration.fromISOTime("11:22:33.444").toObject()')).toEqual({ hours: 11, minutes: 22, seconds: 33, milliseconds: 444 });
    expect(await evaluate('dv.luxon.Duration.fromISO("P1Y2M3DT4H5M6S").toObject()')).toEqual({
      years: 1,
      months: 2,
      days: 3,
      hours: 4,
      minutes: 5,
      seconds: 6,
    });
    expect(await evaluate('dv.luxon.Duration.fromISO("P1M").as("days")')).toBe(30);
    expect(await evaluate('[dv.luxon.Duration.fromISO("nope").isValid, dv.luxon.Duration.fromISO("PT2H").isValid]')).toEqual([false, true]);
    expect(await evaluate('[!dv.luxon.Duration.fromISOTime(undefined).invalid, dv.luxon.Duration.fromISOTime("06:22").invalid]')).toEqual([false, null]);
    expect(await evaluate('dv.luxon.Duration.fromObject({ days: 1, hours: 2, minutes: 3 }).toFormat("d\'d\' h:mm:ss")')).toBe('1d 2:03:00');
    expect(await evaluate('dv.luxon.Duration.fromObject({ minutes: 135 }).toFormat("hh:mm")')).toBe('02:15');
  });

  test('dv.func is the DQL function library, values crossing both ways', async () => {
    expect(await js('dv.paragraph(dv.func.typeof(1))')).toBe('<p><span>number</span></p>');
    expect(
      await evaluate(
        '[dv.func.typeof(dv.date("2024-01-02")), dv.func.length(dv.pages("#lang").file.name), dv.func.round(2.567, 1), dv.func.contains(["a", "b"], "b")]',
      ),
    ).toEqual(['date', 3, 2.6, true]);
    expect(await evaluate('dv.func.dateformat(dv.date("2024-01-02"), "yyyy/MM/dd")')).toBe('2024/01/02');
    expect(await evaluate('dv.func.meta(dv.current().file.link).path')).toBe('Docker/a.md');
    expect(await evaluate('dv.func.dur("2 hours").as("minutes")')).toBe(120);
    await expect(js('dv.func.nosuch(1)')).rejects.toThrow('dv.func.nosuch is not a Dataview function');
    await expect(js('dv.func.map([1], (x) => x)')).rejects.toThrow('dv.func.map with a function argument is not supported by tsunagu');
  });

  test('dv.clone copies arrays and objects as Dataview deepCopy does; a data array comes back whole in a list', async () => {
    expect(
      await evaluate(
        '(() => { const o = { a: [1, { b: 2 }], d: dv.date("2024-01-02") }; const c = dv.clone(o); c.a[1].b = 3; return [o.a[1].b, c.d === o.d, dv.value.isDate(c.d)]; })()',
      ),
    ).toEqual([2, true, true]);
    expect(
      await evaluate('(() => { const c = dv.clone(dv.pages("#lang")); return [c.length, dv.isDataArray(c[0]), dv.array(c[0]).file.name.array()]; })()'),
    ).toEqual([1, true, ['a', 'b', 'c']]);
  });

  test('dv.evaluate and dv.tryEvaluate: DQL expressions with the context as variables and this as the note', async () => {
    expect(await evaluate('dv.evaluate("2 + x * 3", { x: 4 })')).toEqual({ successful: true, value: 14 });
    expect(await evaluate('dv.tryEvaluate("this.rating + length(list)", { list: [1, 2] })')).toBe(5);
    expect(await evaluate(`dv.tryEvaluate('dateformat(d + dur(1 day), "yyyy-MM-dd")', { d: dv.date("2024-01-31") })`)).toBe('2024-02-01');
    expect(await evaluate('dv.tryEvaluate("[[b]].rating")')).toBe(1);
    expect(await evaluate('dv.evaluate("2 +")')).toEqual({ successful: false, error: 'Failed to parse expression "2 +"' });
    await expect(js('dv.tryEvaluate("1 + ")')).rejects.toThrow('Failed to parse expression "1 + "');
  });

  test('buttons, which act on the vault in Obsidian, give one notice per block and the rest renders', async () => {
    const html = await js('dv.el("button", "a"); dv.el("button", "b"); dv.paragraph("after")');
    expect(html.match(/works only inside Obsidian/g)).toHaveLength(1);
    expect(html).toContain('<p><span>after</span></p>');
  });
});
