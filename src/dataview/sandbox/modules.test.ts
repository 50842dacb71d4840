// The sandbox's modules run on the host too: here they are called directly (so coverage sees them), composed as
// program.ts composes them but without patching or freezing this realm. The sandbox tests (../*.test.ts) run the
// same functions inside QuickJS.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { tagPages } from '../snapshot-values';
import { link, page } from '../test-vault';
import { dvApi } from './api';
import { dataArrays } from './data-array';
import { domElements } from './elements';
import { isolation } from './isolation';
import { lazyPages } from './lazy-pages';
import { pageIndex, type SnapshotPage } from './pages';
import { PRELUDE_JS } from './prelude';
import { hostBindings } from './realm';
import { dependsOnOrigin, pageSources, parseSource } from './sources';
import { valueTypes } from './values';
import type { DvPageInput } from '../types';

const UTC = () => 0;
const values = valueTypes(UTC);
const { DateTime, Duration, Link, compareValue, valueToString, typeOf, parseIsoMillis } = values;

const pauses: boolean[] = [];

function load(
  snapshotPages: SnapshotPage[],
  files: Record<string, string> = {},
  answer: (request: { op: string }) => unknown = () => [],
  ranks = new Map<string, number>(),
) {
  const host = hostBindings(
    UTC,
    (path) => files[path],
    (json) => JSON.stringify(answer(JSON.parse(json))),
    (paused) => pauses.push(paused),
  );
  const arrays = dataArrays(
    values,
    (value) => pages.isSharedPageObject(value),
    (text) => ranks.get(text),
  );
  const shield = isolation(arrays);
  const tagIndex = [...tagPages(snapshotPages)];
  const pages = pageIndex({ pages: snapshotPages, tagPages: tagIndex }, values, arrays, shield.freezeData, host);
  const sources = pageSources(pages, parseSource, host.sharedWork, tagIndex);
  const lazy = lazyPages(values, arrays, shield.functionSource, pages, sources, dependsOnOrigin, host.sharedWork);
  const api = dvApi(['p', 'span', 'h2'], host, values, arrays, pages, sources, lazy.lazySourcePages, domElements());
  return { arrays, pages, sources, api };
}

describe('the modules as sandbox source', () => {
  test('import nothing but types: a value import would be a name the sandbox does not have', () => {
    const dir = new URL('./', import.meta.url);
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'prelude.ts');
    expect(modules.length).toBeGreaterThan(8);
    for (const file of modules) {
      const imports = readFileSync(new URL(file, dir), 'utf8').match(/^import .*$/gm) ?? [];
      for (const line of imports) expect(line, file).toMatch(/^import type /);
    }
  });

  test('the prelude is one function expression holding every module', () => {
    expect(PRELUDE_JS.startsWith('(function (snapshotJson')).toBe(true);
    expect(() => new Function(`return ${PRELUDE_JS}`)).not.toThrow();
    for (const name of ['valueTypes', 'dataArrays', 'pageIndex', 'dvApi', 'sandboxProgram']) expect(PRELUDE_JS).toContain(`function ${name}(`);
  });
});

describe('realm and isolation helpers', () => {
  test('zone offsets are asked of the host once per quarter hour', () => {
    const asked: number[] = [];
    const host = hostBindings(
      (ts) => {
        asked.push(ts);
        return 540;
      },
      () => undefined,
      () => '{}',
      () => {},
    );
    expect([host.zoneOffset(1000), host.zoneOffset(2000), host.zoneOffset(900000)]).toEqual([540, 540, 540]);
    expect(asked).toEqual([0, 900000]);
  });

  test('freezeData freezes data and data arrays, not accessors; isWholeBlock compares the source', () => {
    const { arrays } = load([]);
    const shield = isolation(arrays);
    let reads = 0;
    const data = { list: arrays.wrapDataArray([{ a: 1 }]), nested: [{ b: 2 }] };
    Object.defineProperty(data, 'lazy', { enumerable: true, get: () => ++reads });
    shield.freezeData(data);
    expect([Object.isFrozen(data), Object.isFrozen(data.nested[0]), Object.isFrozen(data.list.values[0]), reads]).toEqual([true, true, true, 0]);
    const block = () => {};
    expect([shield.isWholeBlock(block, block.toString()), shield.isWholeBlock(block, 'x'), shield.isWholeBlock(1, '')]).toEqual([true, false, false]);
  });
});

describe('values', () => {
  test('ISO dates in the author zone, with an offset, or rejected', () => {
    expect(parseIsoMillis('2024-03-05')).toBe(Date.UTC(2024, 2, 5));
    expect(parseIsoMillis('2024-03-05T10:20:30.5+09:00')).toBe(Date.UTC(2024, 2, 5, 1, 20, 30, 500));
    expect(parseIsoMillis('2024-03-05T10:20Z')).toBe(Date.UTC(2024, 2, 5, 10, 20));
    expect(parseIsoMillis('2024-13-01')).toBeUndefined();
    expect(parseIsoMillis('soon')).toBeUndefined();
    expect(() => DateTime.fromISO('soon')).toThrow(/not an ISO date/);
  });

  test('DateTime formats, shifts and truncates as Luxon does', () => {
    const date = DateTime.fromObject({ year: 2024, month: 1, day: 31, hour: 15, minute: 4, second: 5, millisecond: 6 });
    expect(date.toISO()).toBe('2024-01-31T15:04:05.006+00:00');
    expect(date.toFormat("EEEE d MMMM yy, h:mm a 'at' Z")).toBe('Wednesday 31 January 24, 3:04 PM at +0000');
    expect(date.plus({ months: 1, days: 1 }).toISODate()).toBe('2024-03-03');
    expect(date.minus(60000).minute).toBe(3);
    expect(date.startOf('month').toISO()).toBe('2024-01-01T00:00:00.000+00:00');
    expect(() => date.startOf('week')).toThrow(/unsupported unit/);
    expect(date.set({ year: 2020 }).year).toBe(2020);
    expect(values.renderMinimalDate(date.startOf('day'))).toBe('January 31, 2024');
    expect(values.renderMinimalDate(date)).toBe('3:04 PM - January 31, 2024');
    expect(DateTime.utc(2024).equals(DateTime.fromMillis(Date.UTC(2024, 0, 1)))).toBe(true);
  });

  test('links: inferred subpaths, markdown, copies', () => {
    const header = Link.infer('a/b.md#Top', false, undefined);
    expect([header.type, header.subpath, header.markdown()]).toEqual(['header', 'Top', '[[a/b.md#Top|b > Top]]']);
    expect(Link.infer('b#^id').obsidianLink()).toBe('b#^id');
    expect(Link.file('x|y.md').toEmbed().markdown()).toBe('![[x\\|y.md|x|y]]');
    expect(Link.file('b.md').withDisplay('B').toString()).toBe('[[b.md|B]]');
    expect(Link.file('b.md').withHeader('H').equals(Link.header('b.md', 'H'))).toBe(true);
  });

  test('durations keep their text; as() converts', () => {
    const d = Duration.fromObject({ hour: 1, minutes: 30 });
    expect([d.toHuman(), d.as('minutes'), d.plus({ minutes: 30 }).as('hour')]).toEqual(['1 hour, 30 minutes', 90, 2]);
    expect(() => d.as('fortnight')).toThrow(/unsupported unit/);
  });

  test("compareValue orders across types by type name, valueToString prints Dataview's text", () => {
    const sorted = [Link.file('a.md'), 'b', 2, null, true, DateTime.fromMillis(0), [1], { a: 1 }].sort(compareValue);
    expect(sorted.map(typeOf)).toEqual(['null', 'array', 'boolean', 'date', 'link', 'number', 'object', 'string']);
    expect(compareValue([1, 2], [1])).toBeGreaterThan(0);
    expect(compareValue({ a: 1 }, { a: 2 })).toBeLessThan(0);
    expect(compareValue(Link.header('a.md', 'x'), Link.file('a.md'))).toBeGreaterThan(0);
    expect(valueToString([1, null, [2], { k: 'v' }])).toBe('1, -, [2], { k: v }');
    expect(valueToString(new values.ListPairWidget('k', 3).markdown())).toBe('k: 3');
  });
});

describe('data arrays', () => {
  const { arrays } = load([]);
  const array = (items: unknown[]) => arrays.wrapDataArray(items) as unknown as Record<string, (...args: unknown[]) => unknown> & { values: unknown[] };

  test("file links sort by their paths' collation ranks, without comparator calls; other links by compareValue", () => {
    // Ranks against code point order, to show they decide; equal paths keep their order (an embed is still a file link).
    const ranked = load(
      [],
      {},
      undefined,
      new Map([
        ['b.md', 0],
        ['a.md', 1],
      ]),
    ).arrays;
    expect(ranked.valueOrder([Link.file('a.md'), Link.file('b.md'), Link.file('a.md', true)], false)).toEqual([1, 0, 2]);
    expect(ranked.valueOrder([Link.file('a.md'), Link.file('b.md')], true)).toEqual([0, 1]);
    // A header link has no rank: compareValue orders them all (here with the host's own localeCompare).
    expect(ranked.valueOrder([Link.file('b.md'), Link.header('a.md', 'x')], false)).toEqual([1, 0]);
    expect(ranked.valueOrder([Link.file('b.md'), Link.file('c.md')], true)).toEqual([1, 0]);
  });

  test('sort is stable, numbers take the native path, groups and distinct follow compareValue', () => {
    expect(arrays.numericOrder([3, 1, 3, -0, 0], false)).toEqual([3, 4, 1, 0, 2]);
    expect(arrays.numericOrder([3, 1, 3], true)).toEqual([0, 2, 1]);
    const rows = array([
      { k: 'b', n: 1 },
      { k: 'a', n: 2 },
      { k: 'b', n: 3 },
    ]);
    expect(Array.from((rows.sort((r: { k: string }) => r.k, 'desc') as { n: number[] }).n)).toEqual([1, 3, 2]);
    const groups = rows.groupBy((r: { k: string }) => r.k) as { values: { key: string; rows: { n: number[] } }[] };
    expect(groups.values.map((g) => [g.key, Array.from(g.rows.n)])).toEqual([
      ['a', [2]],
      ['b', [1, 3]],
    ]);
    expect((rows.distinct((r: { k: string }) => r.k) as { values: unknown[] }).values).toHaveLength(2);
  });

  test('swizzling, flattening and the array-like members', () => {
    const items = array([{ a: [1, 2], next: { a: [3] } }, { a: 4 }, null]);
    expect(Array.from(items.a as unknown as Iterable<unknown>)).toEqual([1, 2, 4]);
    expect((items.into('a') as { values: unknown[] }).values).toEqual([[1, 2], 4]);
    expect((items.where((x: unknown) => x !== null) as { values: unknown[] }).values).toHaveLength(2);
    const numbers = array([3, 1, 2]);
    expect([numbers.sum(), numbers.avg(), numbers.min(), numbers.max(), numbers.join(' '), numbers.toString()]).toEqual([6, 2, 1, 3, '3 1 2', '[3, 1, 2]']);
    expect([numbers[0], numbers.first(), numbers.last(), numbers.includes(2), numbers.indexOf(9)]).toEqual([3, 3, 2, true, -1]);
    expect((numbers.flatMap((n: number) => [n, n]) as { length: number }).length).toBe(6);
    expect((numbers.concat([4]) as { values: unknown[] }).values).toEqual([3, 1, 2, 4]);
    expect([numbers.every((n: number) => n > 0), numbers.some((n: number) => n > 2), numbers.none((n: number) => n > 3)]).toEqual([true, true, true]);
    expect(arrays.toDataArray(5).values).toEqual([5]);
    const tree = array([{ id: 1, kids: [{ id: 2, kids: [] }] }]);
    expect(Array.from(tree.expand('kids') as Iterable<{ id: number }>).map((n) => n.id)).toEqual([1, 2]);
  });
});

describe('sources', () => {
  test('parsed into a tree, with and/or/negation; malformed ones name the position', () => {
    expect(parseSource('#a and -("f" or [[b]])')).toEqual({
      type: 'binary',
      op: 'and',
      left: { type: 'tag', tag: '#a' },
      right: {
        type: 'negate',
        child: { type: 'binary', op: 'or', left: { type: 'folder', folder: 'f' }, right: { type: 'link', file: 'b', incoming: true } },
      },
    });
    expect(parseSource('outgoing([[x|y]])')).toEqual({ type: 'link', file: 'x', incoming: false });
    expect(() => parseSource('#a or')).toThrow(/position 5/);
    expect(() => parseSource('csv(x.csv)')).toThrow(/not supported/);
    expect([dependsOnOrigin(parseSource('#a')), dependsOnOrigin(parseSource('-(#a & [[b]])')), dependsOnOrigin(null)]).toEqual([false, true, false]);
  });
});

describe('pages and dv on the host', () => {
  // As the host sends them: outlinks as their JSON; a plain link to a page, and an inlink, by the page's index.
  const sent = (input: DvPageInput): SnapshotPage => ({ ...input, outlinks: JSON.stringify(input.outlinks) });
  const snapshot: SnapshotPage[] = [
    sent(page('f/a.md', { etags: ['t/x'], outlinks: [link('f/b.md')], frontmatter: { up: '[[b]]', when: '2024-01-02', aliases: ['A'] } })),
    sent(page('f/b.md', { etags: ['t'], inlinks: ['f/a.md', 'private.md'], size: 10 })),
    { ...page('g/b.md'), outlinks: '[0]', inlinks: [0] },
  ];
  const files = { 'f/data.csv': 'name,n\n"x, y",1\nz,true\n', 'views/v.js': 'dv.paragraph(input)' };
  const { pages, sources, api } = load(snapshot, files);
  const pathsOf = (query: string) => sources.pagesForQuery(query, 'f/a.md').map((p) => p.path);

  test('links resolve like Obsidian: path, name in the same folder first, frontmatter links and dates typed', () => {
    expect(pages.resolveLinkpath('b', 'g/x.md')?.path).toBe('f/b.md');
    expect(pages.resolveLinkpath('g/b', 'f/a.md')?.path).toBe('g/b.md');
    expect(pages.resolveLinkpath('', 'f/a.md')?.path).toBe('f/a.md');
    const typed = pages.frontmatterValue({ up: '[[b|B]]', when: ['2024-01-02'] }, 'f/a.md') as { up: { path: string }; when: { year: number }[] };
    expect([typed.up.path, typed.when[0].year]).toEqual(['f/b.md', 2024]);
    const a = pages.pageObject(snapshot[0]) as { file: { tags: { values: string[] }; aliases: { values: string[] }; inlinks: unknown } };
    expect(a.file.tags.values).toEqual(['#t/x', '#t']);
    expect(a.file.aliases.values).toEqual(['A']);
    const b = pages.pageObject(snapshot[1]) as { file: { inlinks: { values: { path: string }[] } } };
    expect(b.file.inlinks.values.map((l) => l.path)).toEqual(['f/a.md']);
    const g = pages.pageObject(snapshot[2]) as { file: { outlinks: { values: object[] }; inlinks: { values: object[] } } };
    expect([...g.file.outlinks.values, ...g.file.inlinks.values]).toEqual([
      { path: 'f/a.md', display: undefined, subpath: undefined, embed: false, type: 'file' },
      { path: 'f/a.md', display: undefined, subpath: undefined, embed: false, type: 'file' },
    ]);
    expect(() => (pages.pageObject(snapshot[0]).file as { size: unknown }).size).toThrow(/file.size is not supported/);
  });

  test('sources resolve over indexes built once, with the block clock paused', () => {
    pauses.length = 0;
    expect(pathsOf('#t')).toEqual(['f/a.md', 'f/b.md']);
    expect(pathsOf('#t/x')).toEqual(['f/a.md']);
    expect(pauses).toEqual([true, false]);
    expect(pathsOf('"f" and -#t/x')).toEqual(['f/b.md']);
    expect(pathsOf('[[b]] or outgoing([[a]])')).toEqual(['f/a.md', 'f/b.md']);
    expect(pathsOf('"f/b"')).toEqual(['f/b.md']);
    expect(pathsOf('[[a]]')).toEqual(['g/b.md']);
  });

  test('dv records its output as JSON for the host renderer', async () => {
    const { dv, output } = api.createDv('f/a.md');
    const v = dv as unknown as Record<string, (...args: unknown[]) => unknown>;
    v.header(2, 'Title', { cls: 'c', attr: { id: 1 } });
    v.el('button', 'x');
    v.el('button', 'y');
    v.list([1, null, Link.file('f/b.md', false, 'B')]);
    v.table(['h'], [[DateTime.fromMillis(0)], 'row']);
    v.taskList([{ path: 'f/a.md', line: 1, text: 't', task: true, status: 'x', children: [] }]);
    await v.view('views/v', 'from a view');
    const rows = (await (v.io as unknown as Record<string, (path: string) => Promise<{ values: Record<string, unknown>[] }>>).csv('data.csv')).values;
    expect(rows).toEqual([
      { name: 'x, y', n: 1 },
      { name: 'z', n: true },
    ]);
    expect(() => v.el('script', '')).toThrow(/not supported/);
    expect(() => v.header(7, '')).toThrow(/Unrecognized level/);
    expect(() => v.queryMarkdown).toThrow(/dv.queryMarkdown is not supported/);
    expect(() => v.nothing).toThrow(/dv.nothing is not supported/);
    expect(JSON.parse(output())).toEqual([
      { kind: 'dom', node: { tag: 'h2', attr: { class: 'c', id: '1' }, style: {}, children: [{ value: { t: 'md', s: 'Title' } }] } },
      { kind: 'notice', text: 'A <button> works only inside Obsidian: it is not shown here.' },
      { kind: 'list', items: [{ t: 'num', s: '1' }, { t: 'null' }, { t: 'link', path: 'f/b.md', text: 'B' }] },
      { kind: 'table', headers: [{ t: 'md', s: 'h' }], rows: [[{ t: 'text', s: 'January 01, 1970' }], [{ t: 'md', s: 'row' }]] },
      {
        kind: 'tasks',
        groups: [{ key: { t: 'link', path: 'f/a.md', text: 'a' }, count: 1, items: [{ text: { t: 'md', s: 't' }, task: true, status: 'x', children: [] }] }],
      },
      { kind: 'dom', node: { tag: 'p', attr: {}, style: {}, children: [{ value: { t: 'md', s: 'from a view' } }] } },
    ]);
  });

  test("once its output is taken, a block's dv and elements let go of one another (QuickJS frees cycles only in a collector pass)", () => {
    const { dv, output } = api.createDv('f/a.md');
    const v = dv as unknown as Record<string, (...args: unknown[]) => unknown>;
    const container = v.container as unknown as { childNodes: unknown[] };
    const paragraph = v.paragraph('x') as { parentNode: unknown; createEl(tag: string): { parentNode: unknown } };
    const span = paragraph.createEl('span');
    expect(JSON.parse(output())).toHaveLength(1);
    expect([Object.keys(v), container.childNodes, paragraph.parentNode, span.parentNode]).toEqual([[], [], null, null]);
  });

  test('markdown exports and dates', () => {
    const v = api.createDv('f/a.md').dv as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(v.markdownTable(['a', 'b'], [['x|y', null]])).toBe('| a    | b  |\n| ---- | -- |\n| x\\|y | \\- |');
    expect(v.markdownList([1, 'two'])).toBe('- 1\n- two');
    expect(
      v.markdownTaskList([{ path: 'p', line: 0, status: ' ', text: 'do', children: [{ path: 'p', line: 1, parent: 0, text: 'sub', children: [] }] }]),
    ).toBe('- [ ] do\n    - [ ] sub');
    expect((v.date('2024-01-02') as { day: number }).day).toBe(2);
    expect(v.date('nonsense')).toBeNull();
    expect((v.page('b') as { file: { path: string } }).file.path).toBe('f/b.md');
    expect(() => v.page(3)).toThrow(/only handles string and link paths/);
    const lazy = v.pages('"f"') as Record<string, (...args: unknown[]) => unknown>;
    const names = (
      (lazy.where((p: { file: { name: string } }) => p.file.name !== 'x') as typeof lazy).sort(
        (p: { file: { path: string } }) => p.file.path,
        'desc',
      ) as typeof lazy
    ).limit(1) as {
      file: { path: unknown[] };
    };
    expect(Array.from(names.file.path)).toEqual(['f/b.md']);
  });
});
