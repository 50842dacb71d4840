// Inline fields, list items and tasks from a parsed note body, as DQL sees them (reference sheet §1, §3).
import { describe, expect, test } from 'vitest';
import { parseFragment } from '../markdown/parse';
import { createDataviewEngine } from './index';
import { page, testLinks } from './test-vault';
import { bodyData } from './tree-data';

const body = (markdown: string) => bodyData(parseFragment(markdown), 1, () => []);

const DIARY = `# 2024-01-05
Rating:: 9
Basic Field:: some value
I was [mood:: happy] and (weather:: sunny), time spent (spent:: 15 min).
grocery:: flour
grocery:: soap
Due Date:: 2024-02-01
links:: [[Other]], [[Missing]]

## Tasks
- [ ] write report [due:: 2024-01-10] #work
    - [x] outline ✅ 2024-01-04
- [-] cancelled task
- plain item [topic:: notes]
- kind:: reference
`;

const engine = createDataviewEngine(
  [page('Diary.md', { frontmatter: { rating: 3, tags: ['log'] }, ...body(DIARY) }), page('Other.md', { frontmatter: { x: 1 } })],
  { ...testLinks, timeZone: 'UTC' },
);

async function table(query: string): Promise<string[][]> {
  const result = await engine.runQuery(query, 'Diary.md');
  if (!result.ok) throw new Error(result.reason);
  const strip = (s: string) =>
    s
      .replace(/<li[^>]*>/g, '|')
      .replace(/<[^>]+>/g, '')
      .replace(/&gt;/g, '>');
  return [...result.html.slice(result.html.indexOf('<tbody')).matchAll(/<tr>(.*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<td>(.*?)<\/td>/g)].map((td) => strip(td[1])),
  );
}

describe('page inline fields', () => {
  test('the three forms, typed values, canonical keys, repeated keys as lists', async () => {
    expect(
      await table(
        'TABLE WITHOUT ID Rating, rating, mood, weather, spent, basic-field, row["Basic Field"], grocery, due-date, typeof(due-date), links, topic, kind FROM "Diary"',
      ),
    ).toEqual([
      [
        '9',
        '3',
        'happy',
        'sunny',
        '15 minutes',
        'some value',
        'some value',
        '|flour|soap',
        'February 01, 2024',
        'date',
        '|Other|Missing',
        'notes',
        'reference',
      ],
    ]);
  });

  test('file.day comes from the file name or a date field', async () => {
    expect(await table('TABLE WITHOUT ID file.day FROM "Diary"')).toEqual([['-']]);
  });
});

describe('list items and tasks', () => {
  test('file.lists and file.tasks, with status, completion, nesting and task-only fields', async () => {
    expect(
      await table('TABLE WITHOUT ID length(file.lists), length(file.tasks), file.tasks.status, file.tasks.completed, file.tasks.text FROM "Diary"'),
    ).toEqual([['5', '3', '| |x|-', '|false|true|false', '|write report dueJanuary 10, 2024 #work|outline ✅ 2024-01-04|cancelled task']]);
    expect(await table('TABLE WITHOUT ID T.due, T.completion, T.tags, length(T.children), T.section FROM "Diary" FLATTEN file.tasks AS T')).toEqual([
      ['January 10, 2024', '-', '|#work', '1', 'Diary > Tasks'],
      ['-', 'January 04, 2024', '', '0', 'Diary > Tasks'],
      ['-', '-', '', '0', 'Diary > Tasks'],
    ]);
  });

  test('TASK lists matching tasks with read-only checkboxes; a subtask shown in its parent is not repeated', async () => {
    const result = await engine.runQuery('TASK FROM "Diary"', 'Diary.md');
    expect(result.ok && result.html).toBe(
      '<div class="dataview dataview-container"><ul class="contains-task-list">' +
        '<li class="dataview task-list-item" data-task=" "><input class="dataview task-list-item-checkbox" type="checkbox" disabled><span>write report <span class="dataview inline-field"><span class="dataview inline-field-key" data-dv-key="due" data-dv-norm-key="due">due</span><span class="dataview inline-field-value">January 10, 2024</span></span> <a class="tag" href="/tags/work/">#work</a></span>' +
        '<ul class="contains-task-list"><li class="dataview task-list-item is-checked" data-task="x"><input class="dataview task-list-item-checkbox" type="checkbox" disabled checked><span>outline ✅ 2024-01-04</span></li></ul></li>' +
        '<li class="dataview task-list-item is-checked" data-task="-"><input class="dataview task-list-item-checkbox" type="checkbox" disabled checked><span>cancelled task</span></li></ul></div>',
    );
  });

  test('TASK with WHERE and GROUP BY: one heading per group with its count', async () => {
    const result = await engine.runQuery('TASK FROM "Diary" WHERE !completed GROUP BY file.link', 'Diary.md');
    expect(result.ok && result.html).toContain(
      '<h4><span><a class="internal-link" href="/Diary/">Diary</a></span><span class="dataview small-text">2</span></h4>',
    );
  });

  test('TASK with two GROUP BY: groups of groups, each heading counting the tasks under it, as TaskGrouping nests them', async () => {
    const result = await engine.runQuery('TASK FROM "Diary" GROUP BY completed GROUP BY length(rows)', 'Diary.md');
    const html = result.ok ? result.html : '';
    const headings = [...html.matchAll(/<h4>(.*?)<span class="dataview small-text">(\d+)<\/span><\/h4>/g)].map((m) => [m[1].replace(/<[^>]+>/g, ''), m[2]]);
    // Outer groups by how many tasks the inner one holds: 1 (completed: true, the outline), 2 (false: the open and the
    // cancelled task). Key order checked against Dataview's engine (scripts/compare-dataview.ts).
    expect(headings).toEqual([
      ['1', '1'],
      ['true', '1'],
      ['2', '2'],
      ['false', '2'],
    ]);
    expect(html).toMatch(/^<div class="dataview dataview-container"><h4>.*?<\/h4><div class="dataview result-group"><h4>/);
  });

  test('dataviewjs page objects hold the inline fields too, typed as DQL types them', async () => {
    const result = await engine.runJs(
      'const p = dv.current(); dv.paragraph([p.mood, p.weather, p["basic-field"], p.grocery.join("+"), p.spent.as("minutes"), dv.value.isDate(p["due-date"])].join(" "))',
      'Diary.md',
    );
    expect(result).toEqual({ ok: true, html: '<p><span>happy sunny some value flour+soap 15 true</span></p>' });
  });

  test('non-task item fields are page fields; task fields are not', async () => {
    expect(await table('TABLE WITHOUT ID topic, due FROM "Diary"')).toEqual([['notes', '-']]);
  });

  test('fields in code, math and HTML blocks and in table rows are page fields, as Dataview reads every line outside lists', () => {
    // Expected values are Dataview 0.5.68's (parseMarkdown over Obsidian's code, math and table sections).
    const { fields } = body('```\nCode:: block\n```\n\n$$\nm:: 1\n$$\n\n| k | v |\n| --- | --- |\n| t:: 1 | x |\n| [c:: 2] | y:: 3 |\n');
    expect(fields).toEqual([
      ['Code', 'block'],
      ['m', '1'],
      ['t', '1 | x |'],
      ['c', '2'],
    ]);
    // An HTML block's lines too, but not inline HTML in a paragraph, which is the paragraph's line.
    expect(body('<details>\nd:: in html\n</details>\n\nText <b>x</b> [p:: 1]\n').fields).toEqual([
      ['d', 'in html'],
      ['p', '1'],
    ]);
  });

  test("an item's text starts after a bracket of one character or none, as Dataview's LIST_ITEM_REGEX reads it", () => {
    const { lists } = body('- [ ]no space\n- []  empty\n- [a] letter\n- [ ] [b] task\n- [link](x) stays\n');
    expect(lists.map((l) => [l.text, l.status])).toEqual([
      ['no space', undefined],
      ['empty', undefined],
      ['letter', 'a'],
      ['[b] task', ' '],
      ['[link](x) stays', undefined],
    ]);
  });

  test("a task's fields, shorthand dates among them, are in the order written, as Dataview sorts them", () => {
    const { lists } = body('- [ ] t ⏳ 2024-01-01 [a:: 1] 🛫 2024-01-02 ➕ 2024-01-03\n- [ ] v ✔️ 2024-02-02\n');
    expect(lists.map((l) => l.fields)).toEqual([
      [
        ['scheduled', '2024-01-01'],
        ['a', '1'],
        ['start', '2024-01-02'],
        ['created', '2024-01-03'],
      ],
      [['due', '2024-02-02']],
    ]);
  });

  test("an item's fields are read from its lines joined, as Dataview's parseLists reads them", () => {
    // Expected values are Dataview 0.5.68's (extractInlineFields / extractFullLineField over the joined text).
    const { lists, fields } = body('- lazy item\nlazy:: continuation\n- item [g:: 3]\n  Second:: line\n- [ ] task [a::\n  b]');
    expect(lists.map((l) => l.fields)).toEqual([[['lazy item lazy', 'continuation']], [['g', '3']], [['a', 'b']]]);
    expect(fields).toEqual([
      ['lazy item lazy', 'continuation'],
      ['g', '3'],
    ]);
  });
});

describe('task text in query output', () => {
  test("links in a task's text resolve from the task's note, as Dataview renders it with that note's path", async () => {
    const tasks = createDataviewEngine(
      [
        page('A/Note.md'),
        page('B/Note.md'),
        page('A/Todo.md', { lists: [{ line: 0, lineCount: 1, text: 'call [[Note]]', symbol: '-', status: ' ', list: 0, tags: [], outlinks: [], fields: [] }] }),
        page('B/Query.md'),
      ],
      testLinks,
    );
    const result = await tasks.runQuery('TASK FROM "A"', 'B/Query.md');
    expect(result.ok && result.html).toContain('href="/A/Note/"');
  });
});
