import { describe, expect, it } from 'vitest';
import { evaluateViews, snapshot } from '../../test/fixtures/bases/snapshot';
import { readBase } from './model';
import { narrow } from './plan';
import { compileBase, type ViewResult } from './query';
import { DurationValue, toText } from './values';

const NOW = Date.UTC(2024, 2, 15);

function views(yaml: string, thisId = 'People/Frank Herbert.md'): ViewResult[] {
  return evaluateViews(compileBase(readBase(yaml)), { snapshot, now: NOW, locale: 'en', baseFile: 'Books.base', thisEntry: snapshot.byId.get(thisId) });
}
const names = (v: ViewResult) => v.groups.flatMap((g) => g.rows.map((r) => r.entry.basename));

describe('reading a base', () => {
  it('reads filters, formulas, display names, views with prefixed ids and legacy keys', () => {
    const model = readBase(`
filters:
  and:
    - file.hasTag("book")
    - not:
        - 'file.name.contains("Template")'
formulas:
  ppu: price / 2
properties:
  note.author:
    displayName: Author
display:
  formula.ppu: Per unit
views:
  - type: cards
    name: Shelf
    order: [file.name, author]
    sort:
      - column: note.rating
        direction: desc
    groupBy: { property: read, direction: DESC }
    limit: 2
    image: note.cover
    imageFit: contain
  - type: table
`);
    expect(model.problems).toEqual([]);
    expect(model.filters).toMatchObject({
      kind: 'and',
      items: [
        { kind: 'expr', line: 4 },
        { kind: 'not', items: [{ kind: 'expr', line: 6 }] },
      ],
    });
    expect(model.formulas.get('ppu')).toEqual({ text: 'price / 2', line: 8 });
    expect(model.displayNames.get('note.author')).toBe('Author');
    expect(model.displayNames.get('formula.ppu')).toBe('Per unit');
    expect(model.views[0]).toMatchObject({
      type: 'cards',
      name: 'Shelf',
      order: ['file.name', 'note.author'],
      sort: [{ property: 'note.rating', direction: 'DESC' }],
      groupBy: { property: 'note.read', direction: 'DESC' },
      limit: 2,
      image: 'note.cover',
      imageFit: 'contain',
    });
    expect(model.views[1]).toMatchObject({ type: 'table', name: 'View 2', order: [] });
  });
  it('reports YAML errors and wrong shapes with their line, and never throws', () => {
    expect(readBase('views:\n  - type: table\n    name: [oops\n').problems[0].line).toBeGreaterThanOrEqual(3);
    expect(readBase('- a\n- b\n').problems[0].message).toMatch(/YAML map/);
    expect(readBase('filters:\n  xor: [a]\n').problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/and\/or\/not/) });
    expect(readBase('').views).toEqual([]);
  });
});

describe('evaluating views', () => {
  it('ANDs global and view filters; and/or/not nest; not is none-of', () => {
    const [all, view, none] = views(`
filters:
  or:
    - file.hasTag("book")
    - and:
        - file.ext == "png"
        - file.size > 100
views:
  - type: table
  - type: table
    filters: 'rating > 4'
  - type: table
    filters:
      not: [file.hasTag("book"), file.ext == "png"]
`);
    expect(names(all)).toEqual(['Dune', 'Emma', 'cover']);
    expect(names(view)).toEqual(['Dune']);
    expect(names(none)).toEqual([]);
  });
  it('sorts by several keys (missing values last), limits, and groups with a direction', () => {
    const [sorted, grouped] = views(`
views:
  - type: table
    order: [file.name, rating]
    sort:
      - property: rating
        direction: DESC
      - property: file.name
        direction: ASC
  - type: table
    filters: file.ext == "md"
    groupBy:
      property: read
      direction: DESC
    limit: 2
`);
    expect(names(sorted)).toEqual(['Dune', 'Emma', 'Frank Herbert', 'cover']);
    expect(sorted.columns).toEqual([{ id: 'file.name' }, { id: 'note.rating' }]);
    expect(grouped.groups.map((g) => [toText(g.key), g.rows.map((r) => r.entry.basename)])).toEqual([
      ['true', ['Dune']],
      ['false', ['Emma']],
    ]);
  });
  it('computes built-in and custom summaries per group', () => {
    const [v] = views(`
filters: file.hasTag("book")
summaries:
  doubled: 'values.sum() * 2'
views:
  - type: table
    order: [rating, read, finished, author, formula.broken]
    summaries:
      rating: Average
      read: Checked
      finished: Earliest
      author: Unique
      formula.broken: doubled
formulas:
  broken: rating
`);
    const s = v.groups[0].summaries!;
    expect(s[0]).toBe(4);
    expect(s[1]).toBe(1);
    expect(toText(s[2] ?? null)).toBe('2024-01-31');
    expect(s[3]).toBe(2);
    expect(s[4]).toBe(16);
  });
  it('every summary built-in', async () => {
    const { summarize } = await import('./summaries');
    const ev = new (await import('./evaluate')).Evaluator({ snapshot, now: NOW, locale: 'en', baseFile: 'b', thisEntry: undefined, formulas: new Map() });
    const run = (name: string, values: unknown[]) => summarize(name, values as never, new Map(), ev);
    const xs = [3, 1, 4, 1, 5, null];
    expect([run('Min', xs), run('Max', xs), run('Sum', xs), run('Range', xs), run('Median', xs)]).toEqual([1, 5, 14, 4, 3]);
    expect((run('Stddev', [2, 4, 4, 4, 5, 5, 7, 9]) as number).toFixed(1)).toBe('2.0');
    expect([run('Empty', xs), run('Filled', xs), run('Unique', xs), run('Unchecked', [true, false, false])]).toEqual([1, 5, 4, 2]);
    expect(toText(run('Latest', [null]))).toBe('');
    expect(toText(run('Average', []))).toBe('');
    expect(toText(run('Nope', xs))).toMatch(/unknown summary/);
    const range = views(`views:\n  - type: table\n    order: [finished]\n    summaries: { finished: Range }\n`)[0].groups[0].summaries![0];
    expect(range).toBeInstanceOf(DurationValue);
  });
  it('gives `this` to filters: the embedding page', () => {
    const yaml = `views:\n  - type: list\n    filters: list(author).contains(this)\n`;
    expect(names(views(yaml)[0])).toEqual(['Dune']);
    expect(names(views(yaml, 'Books/Emma.md')[0])).toEqual([]);
    expect(compileBase(readBase(yaml)).viewUsesThis).toEqual([true]);
    expect(compileBase(readBase('views:\n  - type: list\n')).viewUsesThis).toEqual([false]);
  });
  it('reports bad expressions, unknown functions, type errors and cycles once, with their line', () => {
    const [v] = views(`
filters: 'file.hasTag("book") &&'
views:
  - type: table
`);
    expect(v.total).toBe(0);
    expect(v.problems).toEqual([{ line: 2, message: expect.stringMatching(/filter .* cannot be read: the expression ends too early/) }]);
    const [w] = views(`
formulas:
  a: formula.b
  b: formula.a
  c: rating.lower()
  d: nope(1)
views:
  - type: table
    filters: file.ext == "md"
    order: [formula.a, formula.c, formula.d]
`);
    expect(w.total).toBe(3);
    expect(w.problems.map((p) => [p.line, p.message.replace(/:.*?:/, ':')])).toEqual([
      [3, expect.stringMatching(/^formula\.a.*refers to itself/)],
      [5, expect.stringMatching(/^formula\.c.*does not apply/)],
      [6, expect.stringMatching(/^formula\.d.*unknown function nope/)],
    ]);
  });
  it('never shows a private note: links to one are not in the snapshot', () => {
    const [v] = views(`views:\n  - type: table\n    filters: file.hasLink("Secret") || file.links.length == 0\n    order: [file.links]\n`);
    expect(names(v)).toEqual(['Emma', 'cover']);
    expect(v.groups[0].rows[0].cells[0]).toEqual([]);
    expect(snapshot.byId.has('Secret.md')).toBe(false);
  });

  it('narrows filters through indexes (tags, links, property links to this) without changing the result', () => {
    const cases: [string, string[], number][] = [
      ['file.hasTag("SF")', ['Dune'], 1],
      ['file.hasTag("book", "person")', ['Dune', 'Emma', 'Frank Herbert'], 3],
      ['file.hasLink(this) || this.file.hasLink(file)', ['Dune'], 1],
      ['list(author).contains(this.file)', ['Dune'], 1],
      ['note.author == this', ['Dune'], 1],
      ['file.hasTag("book") && rating > 3', ['Dune'], 2],
      ['file.hasTag("book") || rating > 3', ['Dune', 'Emma'], 4],
    ];
    for (const [filter, expected, candidates] of cases) {
      const base = compileBase(readBase(`filters: '${filter}'\nviews:\n  - type: table\n`));
      const self = snapshot.byId.get('People/Frank Herbert.md');
      expect(names(evaluateViews(base, { snapshot, now: NOW, locale: 'en', baseFile: 'b', thisEntry: self })[0]), filter).toEqual(expected);
      expect(narrow(base.filters, snapshot, self)?.size ?? snapshot.entries.length, filter).toBe(candidates);
    }
  });
});
