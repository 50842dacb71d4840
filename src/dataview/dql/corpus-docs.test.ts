// The fidelity corpus, part two: every DQL query example in Dataview's documentation (docs/docs/queries/*.md,
// reference/*.md, resources/*.md, annotation/*.md) and in the reference sheets, on small vaults shaped like the ones
// the docs describe, with the output the docs show. Where the docs show an older Dataview's output, the expected
// value is what the current plugin renders (reference sheet: "the code wins") and a comment says so. Queries whose
// output depends on the day they run, or that the docs give without output, are checked to render.
import { describe, expect, test } from 'vitest';
import { readView, type View } from '../../../test/helpers/dataview-view';
import { createDataviewEngine } from '../index';
import { DOC_CASES as CASES, type DocCase, type Expected } from '../../../test/fixtures/dataview-docs-queries';
import { FILES, GAMES, MISC, TASKS } from '../../../test/fixtures/dataview-docs-vaults';
import { testLinks } from '../test-vault';

const options = { ...testLinks, timeZone: 'UTC', collationLocale: 'en' };
const engines = {
  games: createDataviewEngine(GAMES, options),
  tasks: createDataviewEngine(TASKS, options),
  misc: createDataviewEngine(MISC, { ...options, readFile: (path: string) => FILES[path] }),
};

async function outcome(c: DocCase): Promise<{ ok: true; view: View } | { ok: false; reason: string }> {
  const result = await engines[c.vault].runQuery(c.query, c.origin ?? 'Nowhere.md');
  return result.ok ? { ok: true, view: readView(result.html) } : result;
}

const sorted = (values: string[]) => [...values].sort();
const byText = (rows: string[][]) => [...rows].sort((a, b) => a.join().localeCompare(b.join()));
/** An item without the order of its nested list (`key: |a|b`). */
const sortNested = (item: string) => {
  const [head, ...parts] = item.split('|');
  return [head, ...sorted(parts)].join('|');
};

/** The view in the expected value's shape; without order where the docs' order is the plugin's index order. */
function comparable(view: View, expected: Expected, unordered: boolean): unknown {
  if ('rows' in expected && view.kind === 'table') {
    const rows = unordered ? byText(view.rows) : view.rows;
    return expected.headers ? { headers: view.headers, rows } : { rows };
  }
  if ('items' in expected && view.kind === 'list') return { items: unordered ? sorted(view.items.map(sortNested)) : view.items };
  if ('lines' in expected && view.kind === 'tasks') return { lines: view.lines };
  if ('dots' in expected && view.kind === 'calendar') return { dots: view.dots };
  if ('notice' in expected && view.kind === 'notice') return { notice: view.text };
  return view;
}
function normalised(expected: Expected, unordered: boolean): Expected {
  if (!unordered) return expected;
  if ('rows' in expected) return { ...expected, rows: byText(expected.rows) };
  if ('items' in expected) return { items: sorted(expected.items.map(sortNested)) };
  return expected;
}

describe("Dataview's documented query examples", () => {
  test.each(CASES.map((c) => [`${c.doc}: ${c.query.replace(/\n/g, ' ')}`, c] as const))('%s', async (_name, c) => {
    const result = await outcome(c);
    if (c.expected && 'error' in c.expected) {
      expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(c.expected.error) });
      return;
    }
    if (!result.ok) throw new Error(result.reason);
    if (!c.expected) return;
    if ('items' in c.expected && c.expected.items.length === 0) {
      expect(result.view).toMatchObject({ kind: 'notice', text: 'Dataview: No results to show for list query.' });
      return;
    }
    expect(comparable(result.view, c.expected, !!c.unordered)).toEqual(normalised(c.expected, !!c.unordered));
  });
});

/** Inline queries (queries/dql-js-inline.md, resources/faq.md): `= expression` in a note, as a reader sees the value. */
const INLINE: [string, string | RegExp][] = [
  ['this.file.name', 'Inline'],
  ['date(today)', /^[A-Z][a-z]+ \d{2}, \d{4}$/],
  ['[[exams]].deadline - date(today)', /^\d+ years?, /],
  ['this.file.mtime', '10:00 AM - November 07, 2022'],
  ['this.someMetadataField', 'on this page'],
  ['[[secondPage]].file.name', 'secondPage'],
  ['[[secondPage]].file.mtime', '9:30 AM - November 06, 2022'],
  ['[[secondPage]].someMetadataField', 'on the second page'],
  ['this.due - date(today)', /^\d+ years?, /],
  ['[[Computer Science Theory]].due - date(today)', /^\d+ years?, /],
  ['choice(this.steps > 10000, "YES!", "**No**, get moving!")', 'YES!'],
  ['length(filter(link(dateformat(date(today), "yyyy-MM-dd")).file.tasks, (t) => !t.completed))', '0'],
  ['choice(date(today).weekday > 5, "Take it easy!", "Time to get work done!")', /^(Take it easy!|Time to get work done!)$/],
];

describe("Dataview's documented inline queries", () => {
  test.each(INLINE)('`= %s`', (expression, expected) => {
    const result = engines.misc.runInline(expression, 'Inline.md');
    if (!result.ok) throw new Error(result.reason);
    const shown = result.html.replace(/<[^>]+>/g, '');
    if (typeof expected === 'string') expect(shown).toBe(expected);
    else expect(shown).toMatch(expected);
  });

  test("the FAQ's calculation saved in a field renders where the note shows the field", () => {
    const result = engines.misc.runInline('this.end - this.start - this.pause', 'Example.md');
    expect(result).toEqual({ ok: true, html: '<span class="dataview dataview-inline-query">9 hours, 30 minutes</span>' });
  });
});

test('every documented query renders a result; the two that fail fail in Dataview too (no srandom, no such CSV)', async () => {
  const outcomes = await Promise.all(CASES.map(outcome));
  const failing = CASES.filter((_c, i) => !outcomes[i].ok).map((c) => c.query);
  expect(failing).toEqual(CASES.filter((c) => c.expected && 'error' in c.expected).map((c) => c.query));
  expect(failing).toHaveLength(2);
});
