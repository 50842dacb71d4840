// Inline queries (`= expression`) through the engine: evaluated with `this` = the note, drawn as Dataview's
// DataviewInlineRenderer draws a value (lists and objects inline, null as `-`), failures as Dataview's messages.
import { afterAll, describe, expect, test } from 'vitest';
import { createDataviewEngine } from './index';
import { page, testLinks } from './test-vault';

const engine = createDataviewEngine(
  [
    page('Daily/2021-08-05.md', {
      etags: ['a', 'b'],
      frontmatter: { steps: 12000, due: '2021-09-01', empty: [], thoughts: { rating: 8, mood: 'ok' } },
      fields: [['Basic Field', '**bold**']],
    }),
    page('exams.md', { frontmatter: { deadline: '2021-10-10' } }),
    // Dataview's FAQ: a calculation saved in a field as an inline query.
    page('Example.md', {
      fields: [
        ['start', '07h00m'],
        ['end', '18h00m'],
        ['pause', '01h30m'],
        ['duration', '`= this.end - this.start - this.pause`'],
      ],
    }),
  ],
  { ...testLinks, timeZone: 'UTC' },
);
afterAll(() => engine.dispose());
const inline = (expression: string) => engine.runInline(expression, 'Daily/2021-08-05.md');
const span = (html: string) => ({ ok: true, html: `<span class="dataview dataview-inline-query">${html}</span>` });

describe('inline queries', () => {
  test.each([
    ['this.file.name', '<span>2021-08-05</span>'],
    ['this.steps', '<span>12000</span>'],
    ['this.basic-field', '<span><strong>bold</strong></span>'],
    ['this.due', 'September 01, 2021'],
    ['[[exams]].deadline - this.due', '1 month, 1 week, 2 days'],
    ['choice(this.steps > 10000, "YES!", "**No**, get moving!")', '<span>YES!</span>'],
    ['this.file.link', '<span><a class="internal-link" href="/Daily/2021-08-05/">2021-08-05</a></span>'],
    ['[[exams]]', '<span><a class="internal-link" href="/exams/">exams</a></span>'],
    ['this.missing', '<span>-</span>'],
    // A bare name is no field of the note: an inline query has no row, only `this`.
    ['file.name', '<span>-</span>'],
    [
      'this.file.etags',
      '<span class="dataview dataview-result-list-span"><span><a class="tag" href="/tags/a/">#a</a></span>, <span><a class="tag" href="/tags/b/">#b</a></span></span>',
    ],
    ['this.empty', '&lt;empty list&gt;'],
    ['{}', '&lt;empty object&gt;'],
    ['this.thoughts', '<span class="dataview dataview-result-object-span">rating: <span>8</span>, mood: <span>ok</span></span>'],
    ['dur(10 days)', '1 week, 3 days'],
  ])('`= %s`', (expression, html) => {
    expect(inline(expression)).toEqual(span(html));
  });

  test('date(today) is the build day in the site zone, printed in Dataview’s default format', () => {
    const result = inline('date(today)');
    expect(result.ok && result.html).toMatch(/^<span class="dataview dataview-inline-query">[A-Z][a-z]+ \d{2}, \d{4}<\/span>$/);
  });

  test('failures are Dataview’s messages, naming the expression', () => {
    expect(inline('this.steps +')).toMatchObject({ ok: false, reason: expect.stringContaining("Dataview (inline field 'this.steps +')") });
    expect(inline('this.steps + this.missing')).toEqual({
      ok: false,
      reason: "Dataview (for inline query 'this.steps + this.missing'): No implementation found for 'number + null'",
    });
  });

  test('an inline query inside a text value is evaluated from the querying note (the FAQ’s saved calculation)', async () => {
    const result = await engine.runQuery('TABLE start, end, duration WHERE duration', 'Example.md');
    expect(result.ok && result.html).toContain(
      '<td>7 hours</td><td>18 hours</td><td><span><span class="dataview dataview-inline-query">9 hours, 30 minutes</span></span></td>',
    );
    const elsewhere = await engine.runQuery('TABLE WITHOUT ID duration WHERE duration', 'exams.md');
    // From another note `this.end` and the rest are null, and null - null is null.
    expect(elsewhere.ok && elsewhere.html).toContain('<td><span><span class="dataview dataview-inline-query"><span>-</span></span></span></td>');
    const broken = await engine.runQuery('LIST WITHOUT ID "`= this.steps +`"', 'exams.md');
    expect(broken.ok && broken.html).toContain('<span class="dataview dataview-error">Dataview (inline field');
  });

  test('a note outside the snapshot (unpublished) has no data: `this` is empty, its links resolve to nothing', () => {
    expect(engine.runInline('this.file.name', 'Private.md')).toEqual(span('<span>-</span>'));
    expect(engine.runInline('[[Private]].secret', 'Daily/2021-08-05.md')).toEqual(span('<span>-</span>'));
  });
});

describe('inline JavaScript (`$= script`), run in the sandbox', () => {
  test.each([
    ['dv.current().file.name', '<span>2021-08-05</span>'],
    ['const x = 1; x + dv.current().steps', '<span>12001</span>'],
    ['dv.pages("\\"Daily\\"").file.name', '<span class="dataview dataview-result-list-span"><span>2021-08-05</span></span>'],
    // As in Dataview: a script that awaits runs in an async function, and without `return` its value is undefined.
    ['await Promise.resolve(3)', '<span>-</span>'],
  ])('`$= %s`', async (script, html) => {
    expect(await engine.runInlineJs(script, 'Daily/2021-08-05.md')).toEqual(span(html));
  });

  test('a script that fails says why', async () => {
    expect(await engine.runInlineJs('nope(', 'Daily/2021-08-05.md')).toMatchObject({ ok: false, reason: expect.stringContaining('SyntaxError') });
  });
});

describe("an inline field's value in the note, as Dataview's reading view draws it", () => {
  test.each([
    ['2021-08-05', 'August 05, 2021'],
    ['15 min', '15 minutes'],
    ['05', '<span>5</span>'],
    ['True', '<span>true</span>'],
    ['', '<span>-</span>'],
    ['1, 2', '<span class="dataview dataview-result-list-span"><span>1</span>, <span>2</span></span>'],
  ])('%j reads %s', (raw, html) => {
    expect(engine.fieldValueHtml(raw, 'Daily/2021-08-05.md')).toBe(html);
  });

  test.each(['some text', '[[exams]]', '[[exams]], [[Example]]', '#tag'])('%j is drawn as written', (raw) => {
    expect(engine.fieldValueHtml(raw, 'Daily/2021-08-05.md')).toBeUndefined();
  });
});

describe('embedded links in query output', () => {
  test("an embed (a field's `![[pic.png|100x50]]`, embed(link(…))) is the image, through the site's markdown, as Dataview renders it", async () => {
    const withImage = createDataviewEngine([page('a.md', { frontmatter: { cover: '![[pic.png|100x50]]' } })], {
      ...testLinks,
      renderContext: (origin) => ({
        noteId: origin,
        lang: 'en',
        resolve: (link) => (link.target === 'pic.png' ? { href: '/att/pic.png', kind: 'attachment', id: 'pic.png', title: 'pic' } : undefined),
        tagHref: () => '',
        embedTree: () => undefined,
      }),
    });
    const result = await withImage.runQuery('TABLE WITHOUT ID cover, embed(link("pic.png")) FROM "a"', 'a.md');
    expect(result.ok && result.html).toContain('<td><span><img src="/att/pic.png" alt="pic" loading="lazy" width="100" height="50"></span></td>');
    expect(result.ok && result.html).toContain('<td><span><img src="/att/pic.png" alt="pic.png" loading="lazy"></span></td>');
  });
});
