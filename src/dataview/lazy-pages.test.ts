// dv.pages() is lazy: where(…).sort(p => p.a.b).limit(n) walks a cached sorted order. It must give what the general
// path (any other predicate or key, e.g. a `function`) gives.
import { describe, expect, test } from 'vitest';
import { createDataviewEngine, type DataviewEngine } from './index';
import { page, testLinks } from './test-vault';
import type { DvPageInput } from './types';

const day = (n: number) => Date.UTC(2024, 0, n);
// Keys with ties, missing and null values, and every consistently ordered type mixed; `arr` is not one of them.
const keys: unknown[] = [3, 1, 3, undefined, null, 'b', 'B', 'a', '2024-01-02', '[[p01]]', true, 1, 'ä', false];
const vault: DvPageInput[] = keys.map((k, n) =>
  page(`${n % 2 ? 'odd' : 'even'}/p${String(n).padStart(2, '0')}.md`, {
    etags: n % 3 ? ['t'] : ['t/sub'],
    mtime: day(n % 4),
    frontmatter: { n, ...(k === undefined ? {} : { k }), ...(n % 5 ? { meta: { x: -n % 3 } } : {}), arr: [n % 2, n] },
  }),
);
const engine = () => createDataviewEngine(vault, { ...testLinks, timeoutMs: 2000, collationLocale: 'en' });

/** Runs a block whose last line is an expression; returns its JSON value (printed as char codes, so no markdown applies). */
async function evaluate(dataview: DataviewEngine, body: string, expression: string, current = 'even/p00.md'): Promise<unknown> {
  const result = await dataview.runJs(`${body}\ndv.paragraph(Array.from(JSON.stringify(${expression}), c => c.charCodeAt(0)).join(" "))`, current);
  if (!result.ok) throw new Error(result.reason);
  const codes = /^<p><span>([\d ]*)<\/span><\/p>$/.exec(result.html)![1];
  return JSON.parse(String.fromCharCode(...codes.split(' ').map(Number)));
}

/**
 * The chain's page numbers twice: with its functions as written, `$(p => …)` (fast path), and wrapped in a `function`
 * (general path: neither a one-parameter arrow nor a property path).
 */
function bothPaths(chain: string): string {
  const run = (wrap: string) => `(($) => (r => r === undefined ? null : dv.isDataArray(r) ? r.n.array() : r.n)(${chain}))(${wrap})`;
  return `[${run('f => f')}, ${run('f => function () { return f.apply(this, arguments); }')}]`;
}

describe('where / sort / limit on dv.pages()', () => {
  test.each([
    'dv.pages().where($(p => p.n !== 2)).sort($(p => p.k)).limit(8)',
    'dv.pages().where($(p => p.n !== 2)).sort($(p => p.k), "desc").limit(8)',
    'dv.pages().sort($(p => p.k), "desc").where($(p => p.n % 2 === 0)).limit(4)',
    'dv.pages().where($(p => p.n > 1)).sort($(p => p.k)).where($(p => p.n % 3 !== 0)).limit(5)',
    'dv.pages("#t").where($(p => p.n !== 4)).sort($(p => p.file.mtime.ts), "desc").limit(6)',
    'dv.pages("#t").sort($(p => p.file.mtime)).limit(20)',
    'dv.pages().sort($(p => p.file.name), "desc")',
    // file.* keys read off the snapshot, without page objects.
    'dv.pages().sort($(p => p.file.path)).limit(5)',
    'dv.pages().where($(p => p.n > 2)).sort($(p => p.file.folder), "desc").limit(7)',
    'dv.pages("#t").sort($(p => p.file.ctime.ts), "desc").limit(4)',
    'dv.pages().sort($(p => p.file.ctime)).limit(9)',
    'dv.pages().sort($(p => p.k)).first()',
    'dv.pages("#t/sub").sort($(p => p.file.link), "desc").limit(3)',
    // Keys the cached order does not take (a lookup through a missing value, arrays): the general path runs.
    'dv.pages().where($(p => p.meta)).sort($(p => p.meta.x)).limit(6)',
    'dv.pages().sort($(p => p.arr), "desc").limit(5)',
    'dv.pages().where($(p => p.n < 12)).sort($(p => p.k)).limit(0)',
  ])('%s', async (chain) => {
    const [fast, general] = (await evaluate(engine(), '', bothPaths(chain))) as unknown[];
    expect(fast).toEqual(general);
  });

  // null first, then by type name (boolean, date, link, number, string); ties in the index's order (Obsidian's
  // listing: even/ before odd/), also descending.
  test('ties keep source order both ways; types order as compareValue orders them', async () => {
    expect(await evaluate(engine(), '', 'dv.pages().sort(p => p.k).n.array()')).toEqual([4, 3, 13, 10, 8, 9, 1, 11, 0, 2, 7, 12, 5, 6]);
    expect(await evaluate(engine(), '', 'dv.pages().sort(p => p.k, "desc").n.array()')).toEqual([6, 5, 12, 7, 0, 2, 1, 11, 9, 8, 10, 13, 4, 3]);
  });

  test('a [[link]] source is cached per note asking, as the link resolves from there', async () => {
    const selfLinked = (path: string) => page(path, { frontmatter: { n: path }, outlinks: [{ path, embed: false, type: 'file' }] });
    const shared = createDataviewEngine([...vault, selfLinked('even/x.md'), selfLinked('odd/x.md')], testLinks);
    const linkingToX = 'dv.pages("[[x]]").sort(p => p.n).limit(9).n.array()';
    expect(await evaluate(shared, '', linkingToX, 'even/p00.md')).toEqual(['even/x.md']);
    expect(await evaluate(shared, '', linkingToX, 'odd/p01.md')).toEqual(['odd/x.md']);
  });

  test('the predicate runs in sorted order until the limit is reached (the documented difference)', async () => {
    const count = (predicate: string) => `let seen = []; const top = dv.pages().where(${predicate}).sort(p => p.k, "desc").limit(2);`;
    expect(await evaluate(engine(), count('p => (seen.push(p.n), p.n !== 6)'), '[top.n.array(), seen]')).toEqual([
      [5, 12],
      [6, 5, 12],
    ]);
    const general = await evaluate(engine(), count('function (p) { return (seen.push(p.n), p.n !== 6); }'), '[top.n.array(), seen.length]');
    expect(general).toEqual([[5, 12], 14]);
  });

  test('once used as an array, a lazy result is that array: mutate() and sortInPlace() changes stay', async () => {
    expect(await evaluate(engine(), 'const all = dv.pages().sort(p => p.n, "desc"); all.mutate(p => { p.n = -p.n; });', 'all.limit(2).n.array()')).toEqual([
      -13, -12,
    ]);
    expect(
      await evaluate(engine(), 'const all = dv.pages(); all.sortInPlace(p => p.n, "desc");', '[all.first().n, all.where(p => p.n < 2).limit(1).n.array()]'),
    ).toEqual([13, [1]]);
  });

  test('a malformed source still throws at dv.pages()', async () => {
    await expect(evaluate(engine(), 'let caught = "no"; try { dv.pages("#a and"); } catch (e) { caught = "yes"; }', 'caught')).resolves.toBe('yes');
  });
});
