// A corpus of queries from Dataview's documentation (query types, data commands, expressions, functions), with the
// output Dataview documents for them (reference sheet dataview-queries.md), on a small games/books vault.
import { describe, expect, test } from 'vitest';
import { createDataviewEngine } from '../index';
import { page, testLinks } from '../test-vault';

const vault = [
  page('Games/Elden Ring.md', { etags: ['game'], frontmatter: { rating: 9, genre: 'rpg', time_played: '40 hours', started: '2022-03-01', tags: ['game'] } }),
  page('Games/Hades.md', { etags: ['game'], frontmatter: { rating: 10, genre: 'roguelike', time_played: '2 days 3 hours', started: '2021-01-15' } }),
  page('Games/Tetris.md', { etags: ['game', 'classic'], frontmatter: { rating: 7, genre: 'puzzle', started: '1990-06-01' } }),
  page('Books/Dune.md', { etags: ['book'], frontmatter: { rating: 8, genres: ['scifi', 'classic'], author: 'Herbert' } }),
  page('Books/Neuromancer.md', { etags: ['book'], frontmatter: { rating: 6, genres: ['scifi', 'cyberpunk'], author: 'Gibson' } }),
  page('Books/Emma.md', { etags: ['book'], frontmatter: { genres: [], author: 'Austen' } }),
  page('Scratch.md', { frontmatter: { n: 3, word: 'hello', list: [3, 1, 2], empty: null } }),
];
const engine = createDataviewEngine(vault, { ...testLinks, timeZone: 'UTC', collationLocale: 'en' });

/** The text of each table row's cells, or of each list item (tags stripped, entities decoded). */
function view(html: string): string[][] | string[] {
  const text = (s: string) =>
    s
      .replace(/<li[^>]*>/g, '|')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  if (html.includes('<table')) {
    const body = html.slice(html.indexOf('<tbody'));
    return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((tr) => [...tr[1].matchAll(/<td>(.*?)<\/td>/g)].map((td) => text(td[1])));
  }
  const list = /<ul class="dataview list-view-ul">(.*)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li>(.*?)<\/li>(?=<li>|$)/g)].map((li) => text(li[1]));
}

async function run(query: string, origin = 'Scratch.md') {
  const result = await engine.runQuery(query, origin);
  if (!result.ok) throw new Error(`${query}: ${result.reason}`);
  return result.html;
}

/** One expression, evaluated on the Scratch page (a single row). */
async function value(expression: string): Promise<string> {
  const rows = view(await run(`LIST WITHOUT ID ${expression} FROM "Scratch"`));
  return rows[0] as string;
}

const CASES: [string, string[][] | string[]][] = [
  // Query types (queries/query-types.md)
  ['LIST FROM #game SORT file.name', ['Elden Ring', 'Hades', 'Tetris']],
  ['LIST genre FROM #game SORT file.name', ['Elden Ring: rpg', 'Hades: roguelike', 'Tetris: puzzle']],
  ['LIST WITHOUT ID genre FROM #game SORT genre', ['puzzle', 'roguelike', 'rpg']],
  ['LIST "File Path: " + file.folder FROM #book SORT file.name', ['Dune: File Path: Books', 'Emma: File Path: Books', 'Neuromancer: File Path: Books']],
  [
    'TABLE rating, genre FROM #game SORT rating DESC',
    [
      ['Hades', '10', 'roguelike'],
      ['Elden Ring', '9', 'rpg'],
      ['Tetris', '7', 'puzzle'],
    ],
  ],
  [
    'TABLE WITHOUT ID file.name AS "Game", rating FROM #game SORT rating',
    [
      ['Tetris', '7'],
      ['Elden Ring', '9'],
      ['Hades', '10'],
    ],
  ],
  [
    'TABLE time_played, time_played.hours AS h FROM #game WHERE time_played SORT file.name',
    [
      ['Elden Ring', '1 day, 16 hours', '40'],
      ['Hades', '2 days, 3 hours', '51'],
    ],
  ],
  [
    'TABLE started FROM #game WHERE started > date(2021-01-01) SORT started',
    [
      ['Hades', 'January 15, 2021'],
      ['Elden Ring', 'March 01, 2022'],
    ],
  ],
  // Sources (reference/sources.md)
  ['LIST FROM #game and -#classic SORT file.name', ['Elden Ring', 'Hades']],
  ['LIST FROM "Books" or #classic SORT file.name', ['Dune', 'Emma', 'Neuromancer', 'Tetris']],
  ['LIST FROM -"Games" and -"Scratch" SORT file.name', ['Dune', 'Emma', 'Neuromancer']],
  // Data commands (queries/data-commands.md)
  ['LIST FROM #book WHERE rating > 6', ['Dune']],
  ['LIST FROM #book WHERE !rating', ['Emma']],
  ['LIST FROM #book SORT rating DESC', ['Dune', 'Neuromancer', 'Emma']],
  ['LIST FROM #game SORT genre ASC LIMIT 2', ['Tetris', 'Hades']],
  ['LIST FROM #game LIMIT 2 SORT file.name DESC', ['Hades', 'Elden Ring']],
  [
    'TABLE WITHOUT ID genre, file.name FROM #book FLATTEN genres AS genre SORT genre, file.name',
    [
      ['classic', 'Dune'],
      ['cyberpunk', 'Neuromancer'],
      ['scifi', 'Dune'],
      ['scifi', 'Neuromancer'],
    ],
  ],
  [
    'TABLE length(rows) AS count, rows.file.name AS books FROM #book FLATTEN genres AS genre GROUP BY genre',
    [
      ['classic', '1', '|Dune'],
      ['cyberpunk', '1', '|Neuromancer'],
      ['scifi', '2', '|Dune|Neuromancer'],
    ],
  ],
  ['LIST rows.file.name FROM "Games" GROUP BY file.folder', ['Games: |Elden Ring|Hades|Tetris']],
  ['LIST FROM "Games" GROUP BY genre', ['puzzle', 'roguelike', 'rpg']],
  [
    'TABLE WITHOUT ID key AS author, length(rows) FROM #book GROUP BY author',
    [
      ['Austen', '1'],
      ['Gibson', '1'],
      ['Herbert', '1'],
    ],
  ],
  ['LIST WITHOUT ID sum(rows.rating) FROM #game GROUP BY true', ['26']],
  // Expressions and literals (reference/expressions.md, literals.md)
  ['LIST WITHOUT ID this.n * 2 FROM "Scratch"', ['6']],
  ['LIST WITHOUT ID [[Hades]].rating FROM "Scratch"', ['10']],
  ['LIST WITHOUT ID row["word"] + "!" FROM "Scratch"', ['hello!']],
];

describe('Dataview documentation corpus', () => {
  test.each(CASES)('%s', async (query, expected) => {
    expect(view(await run(query))).toEqual(expected);
  });

  test('share of corpus blocks that render', async () => {
    const results = await Promise.all(CASES.map(([query]) => engine.runQuery(query, 'Scratch.md')));
    expect(results.filter((r) => r.ok).length / results.length).toBe(1);
  });
});

describe('functions and operators (reference/functions.md)', () => {
  test.each([
    ['date(2021-08-05) - date(2021-08-01)', '4 days'],
    ['dur(10 days)', '1 week, 3 days'],
    ['dur(40 days)', '1 month, 1 week, 5 days'],
    ['date(2021-02-26T15:15) + dur(1 day)', '3:15 PM - February 27, 2021'],
    ['"😡" * 3', '😡😡😡'],
    ['null + "x"', '-x'],
    ['empty', '-'],
    ['typeof(date(today))', 'date'],
    ['typeof(dur(1 hour))', 'duration'],
    ['typeof([[Hades]])', 'link'],
    ['typeof({a: 1})', 'object'],
    ['dateformat(date(2021-08-05), "yyyy-MM-dd")', '2021-08-05'],
    ['dateformat(date(2021-08-05), "EEEE d MMMM")', 'Thursday 5 August'],
    ['choice(n > 2, "big", "small")', 'big'],
    ['split("hello there world", " ")', '|hello|there|world'],
    ['split("hello there world", "(t?here)")', '|hello |there| world'],
    ['regexreplace("Suite 1000", "\\d+", "-")', 'Suite -'],
    ['replace("what", "wh", "h")', 'hat'],
    ['round(16.555555, 2)', '16.56'],
    ['round(16.5)', '17'],
    ['trunc(-12.937)', '-12'],
    ['list[0]', '3'],
    ['list[5]', '-'],
    ['{ a: 1, "b c": 2 }["b c"]', '2'],
    ['length(list)', '3'],
    ['length(empty)', '0'],
    ['sum(list)', '6'],
    ['average([1, 2, 3, 6])', '3'],
    ['min(5, 2, 3)', '2'],
    ['max("a", "ab", "abc")', 'abc'],
    ['minby([1, 2, 3], (k) => 0 - k)', '3'],
    ['reduce([100, 20, 3], "-")', '77'],
    ['reduce(["a", "b"], (acc, x) => acc + x)', 'ab'],
    ['contains(["hello"], "ell")', 'true'],
    ['econtains(["hello"], "ell")', 'false'],
    ['icontains("Hello", "hell")', 'true'],
    ['containsword("Hello there", "THERE")', 'true'],
    ['sort(list)', '|1|2|3'],
    ['reverse("abc")', 'cba'],
    ['unique([3, 1, 3])', '|1|3'],
    ['join([1, 2, 3], " + ")', '1 + 2 + 3'],
    ['map(list, (x) => x * 10)', '|30|10|20'],
    ['filter(list, (x) => x > 1)', '|3|2'],
    ['all([1, 2, 3], (x) => x > 0)', 'true'],
    ['any(list, (x) => x > 2)', 'true'],
    ['none([])', 'true'],
    ['flat([1, [2, [3]]])', '|1|2||3'],
    ['slice([1, 2, 3, 4], 1, 3)', '|2|3'],
    ['nonnull([null, 1])', '|1'],
    ['firstvalue([null, 1, 2])', '1'],
    ['lower("HeLLo")', 'hello'],
    ['upper(["a", "b"])', '|A|B'],
    ['startswith("yes", "ye")', 'true'],
    ['endswith("yes", "ye")', 'false'],
    ['padleft("7", 3, "0")', '007'],
    ['padright("hello", 7, "!")', 'hello!!'],
    ['substring("hello", 1, 3)', 'el'],
    ['truncate("Hello there!", 8)', 'Hello...'],
    ['regextest("\\w+", "hello")', 'true'],
    ['regexmatch("\\w+", "hello there")', 'false'],
    ['default(empty, "fallback")', 'fallback'],
    ['default([1, null], 3)', '|1|3'],
    ['number("18 years")', '18'],
    ['string(dur(8 minutes))', '8 minutes'],
    ['display("**Hello** [[Tetris|World]]")', 'Hello World'],
    ['striptime(date(2021-08-05T14:00))', 'August 05, 2021'],
    ["durationformat(dur(\"3 days 7 hours 43 seconds\"), \"ddd'd' hh'h' ss's'\")", '003d 07h 43s'],
    ['object("a", 6).a', '6'],
    ['extract({a: 1, b: 2}, "a")', '|a: 1'],
    ['meta([[Hades#Story]]).subpath', 'Story'],
    ['meta([[Hades]]).type', 'file'],
    ['link("Hades", "H")', 'H'],
    ['elink("https://example.com", "site")', 'site'],
    ['date("2021-08-05").day', '5'],
    ['date(2021-08-05).weekday', '4'],
    ['dur(7 hours 30 minutes).days', '0.3125'],
    ['currencyformat(123.456, "EUR")', '€123.46'],
    ['hash(1, "a") = hash(1, "a")', 'true'],
    ['1 + 2 * 3', '7'],
    ['[[Hades]] = [[Hades|Other]]', 'true'],
    ['null <= date(today)', 'true'],
  ])('%s → %s', async (expression, expected) => {
    expect(await value(expression)).toBe(expected);
  });

  test("type errors are Dataview's messages", async () => {
    expect(await engine.runQuery('LIST WITHOUT ID n + empty FROM "Scratch"', 'Scratch.md')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("No implementation found for 'number + null'"),
    });
  });
});

describe('null, errors and the total order (reference sheet §7, §11)', () => {
  test.each([
    // Most functions return null for null input.
    ...[
      'lower(empty)',
      'upper(empty)',
      'round(empty)',
      'trunc(empty)',
      'floor(empty)',
      'ceil(empty)',
      'split(empty, ",")',
      'replace(empty, "a", "b")',
      'regexreplace(empty, "a", "b")',
      'startswith(empty, "a")',
      'padleft(empty, 2)',
      'padright(empty, 2)',
      'substring(empty, 1)',
      'truncate(empty, 2)',
      'dateformat(empty, "yyyy")',
      'durationformat(empty, "d")',
      'currencyformat(empty)',
      'striptime(empty)',
      'date(empty)',
      'dur(empty)',
      'number(empty)',
      'link(empty)',
      'embed(empty)',
      'elink(empty)',
      'meta(empty)',
      'sum(empty)',
      'product(empty)',
      'average(empty)',
      'reverse(empty)',
      'sort(empty)',
      'filter(empty, (x) => x)',
      'map(empty, (x) => x)',
      'slice(empty)',
      'minby([], (x) => x)',
      'reduce([], "+")',
      'min()',
      'sum([])',
      'average([])',
      'empty + empty',
      'date(2021-01-01) + empty',
      'empty - date(2021-01-01)',
    ].map((e) => [e, '-']),
    ['regextest(empty, "a")', 'false'],
    ['regexmatch("a", empty)', 'false'],
    ['containsword(empty, "a")', 'false'],
    ['contains(empty, "a")', 'false'],
    ['contains({a: 1}, "a")', 'true'],
    ['contains(5, 5)', 'true'],
    ['icontains(["ABC"], "b")', 'true'],
    ['econtains({a: 1}, "a")', 'true'],
    ['length("abc")', '3'],
    ['length({a: 1, b: 2})', '2'],
    ['firstvalue(7)', '7'],
    ['nonnull(7)', '7'],
    ['flat(7)', '7'],
    ['unique(7)', '7'],
    ['join(6)', '6'],
    ['all(true, 1)', 'true'],
    ['any(false, 0)', 'false'],
    ['none(false)', 'true'],
    ['ldefault(empty, 2)', '2'],
    ['default(3, 2)', '3'],
    ['choice(false, 1, 2)', '2'],
    ['product([2, 3])', '6'],
    ['maxby([1, 3, 2], (x) => x)', '3'],
    ['minby([1, null], (x) => x)', '1'],
    ['reduce([1, 2, 3], "*")', '6'],
    ['reduce([true, false], "&")', 'false'],
    ['reduce([false, true], "|")', 'true'],
    ['reduce([8, 2], "/")', '4'],
    ['sort([3, 1, 2], (x) => 0 - x)', '|3|2|1'],
    ['reverse([1, 2])', '|2|1'],
    ['min([3, 1])', '1'],
    ['max(1, null, 2)', '2'],
    ['date("today") = date(today)', 'true'],
    ['date("yesterday") < date("tomorrow")', 'true'],
    ['date("sow") <= date("eow")', 'true'],
    ['date("som") < date("eom")', 'true'],
    ['date("soy") < date("eoy")', 'true'],
    ['date("now") > date(2020-01-01)', 'true'],
    ['date("2021-08-05", "yyyy-MM-dd").month', '8'],
    ['date("1628121600000", "x").year', '2021'],
    ['date("1628121600", "X").year', '2021'],
    ['date("not a date")', '-'],
    ['date([[2021-08-05]])', 'August 05, 2021'],
    ['date(link("2021-08-05", "x"))', 'August 05, 2021'],
    ['dur("nonsense")', '-'],
    ['dur(dur(1 day))', '1 day'],
    ['number(5)', '5'],
    ['number("none")', '-'],
    ['string(null)', '-'],
    ['string([1, [2]])', '1, [2]'],
    ['string({a: 1})', '{ a: 1 }'],
    ['string(date(2021-08-05))', 'August 05, 2021'],
    ['string([[Hades]])', 'Hades'],
    ['string(elink("https://x.y", "y"))', 'y'],
    ['link([[Hades]], "H2")', 'H2'],
    ['embed([[Hades]], false)', 'Hades'],
    ['meta(embed([[Hades#^b1]])).embed', 'true'],
    ['meta([[Hades#^b1]]).type', 'block'],
    ['display(null)', ''],
    ['display([[Hades]])', 'Hades'],
    ['display(date(2021-08-05))', 'August 05, 2021'],
    ['display([1, "*a*"])', '1, a'],
    ['display(3)', '3'],
    ['localtime(date(2021-08-05)).day', '5'],
    ['localtime(1)', '1'],
    ['hash("seed", "a") = hash("seed", "a")', 'true'],
    ['typeof(null)', 'null'],
    ['typeof(1)', 'number'],
    ['typeof("a")', 'string'],
    ['typeof(true)', 'boolean'],
    ['typeof([1])', 'array'],
    ['typeof((x) => x)', 'function'],
    ['typeof(elink("https://x.y"))', 'widget'],
    // Operators by type
    ['dur(1 day) - dur(12 hours)', '12 hours'],
    ['dur(1 day) * 2', '2 days'],
    ['2 * dur(1 hour)', '2 hours'],
    ['dur(2 hours) / 2', '1 hour'],
    ['dur(1 day) + date(2021-08-05)', 'August 06, 2021'],
    ['date(2021-08-05) - dur(1 day)', 'August 04, 2021'],
    ['[1] + [2]', '|1|2'],
    ['({a: 1} + {b: 2}).b', '2'],
    ['3 * "ab"', 'ababab'],
    ['"ab" * 0', ''],
    ['7 % 4', '3'],
    ['8 / 2 - 1', '3'],
    ['"a" + 1 + true', 'a1true'],
    ['"d: " + date(2021-08-05)', 'd: August 05, 2021'],
    ['"l: " + [1, 2]', 'l: 1, 2'],
    // Indexing
    ['"abc"[1]', 'b'],
    ['{a: 1}[0]', '-'],
    ['[{a: 1}, {a: 2}].a', '|1|2'],
    ['date(2021-08-05T10:20:30).hour', '10'],
    ['date(2021-08-05T10:20:30).minute', '20'],
    ['date(2021-08-05T10:20:30).second', '30'],
    ['date(2021-08-05).millisecond', '0'],
    ['date(2021-08-05).weekyear', '31'],
    ['date(2021-08-05).week', '1'],
    ['date(2021-08-05).nonsense', '-'],
    ['dur(90 minutes).hours', '1.5'],
    ['dur(1 day).nonsense', '-'],
    ['(5).x', '-'],
    ['[[Missing]].rating', '-'],
    // The total order: null lowest, then by type name; each type by its own order
    ['sort([2, "a", null, true, [1], {a: 1}, date(2021-01-01), dur(1 day), [[Hades]]])', ''],
    ['[1, 2] < [1, 3]', 'true'],
    ['[1] < [1, 0]', 'true'],
    ['{a: 1} < {a: 2}', 'true'],
    ['{a: 1} < {b: 1}', 'true'],
    ['true > false', 'true'],
    ['dur(1 day) > dur(1 hour)', 'true'],
    ['[[Hades#a]] > [[Hades]]', 'true'],
    ['[[Hades#^a]] != [[Hades#a]]', 'true'],
    ['"a" != "b"', 'true'],
    ['!(1 > 2)', 'true'],
    ['1 >= 1 and 2 <= 2', 'true'],
    // Truthiness
    ['choice(0, "t", "f")', 'f'],
    ['choice("", "t", "f")', 'f'],
    ['choice({}, "t", "f")', 'f'],
    ['choice(dur(0 seconds), "t", "f")', 'f'],
    ['choice(date(2021-01-01), "t", "f")', 't'],
    ['choice([[Hades]], "t", "f")', 't'],
    ['choice((x) => x, "t", "f")', 't'],
  ] as [string, string][])('%s → %s', async (expression, expected) => {
    if (expected === '') return void (await value(expression));
    expect(await value(expression)).toBe(expected);
  });

  test.each([
    ['n + empty', "No implementation found for 'number + null'"],
    ['"a" - 1', "No implementation found for 'string - number'"],
    ['lower(1)', "No implementation of 'lower' found for arguments: number"],
    ['round("a")', "No implementation of 'round' found for arguments: string"],
    ['object("a")', 'object() requires an even number of arguments'],
    ['object(1, 2)', 'keys should be of type string'],
    ['regexreplace("a", "(", "b")', 'Invalid regular expression'],
    ['reduce([1, 2], "^")', "reduce: '^' is not an operator"],
    ['map([1], 5)', 'expected a function, got number'],
    ['date("5/8/2021", "yyyy")', 'Failed to parse date'],
    ['list[{}]', 'Can only index with a string or number (got object)'],
    ['word(1)', "Unrecognized function name 'word'"],
    ['extract(1, "a")', "No implementation of 'extract'"],
    ['split(1, ",")', "No implementation of 'split'"],
    ['dateformat(1, "x")', "No implementation of 'dateformat'"],
  ])('%s fails: %s', async (expression, message) => {
    const result = await engine.runQuery(`LIST WITHOUT ID ${expression} FROM "Scratch"`, 'Scratch.md');
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(message) });
  });

  test('LIMIT must be a number; a query that cannot be read names the line', async () => {
    expect(await engine.runQuery('LIST LIMIT "x"', 'Scratch.md')).toMatchObject({ ok: false, reason: expect.stringContaining('LIMIT must be a number') });
    expect(await engine.runQuery('CALENDAR file.day FROM "Scratch"', 'Scratch.md')).toMatchObject({ ok: false, reason: 'Dataview: Query returned 0 results.' });
    expect(await engine.runQuery('LIST FROM csv("x.csv")', 'Scratch.md')).toMatchObject({ ok: false });
  });
});
