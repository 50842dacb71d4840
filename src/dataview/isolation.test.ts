// One runtime serves a build's blocks: whatever a block does, the next one sees the same world as a fresh sandbox.
import { describe, expect, test } from 'vitest';
import { createDataviewEngine, type DataviewEngine } from './index';
import { page, testLinks } from './test-vault';
import type { DvPageInput } from './types';

const vault: DvPageInput[] = [
  page('A.md', { etags: ['t'], frontmatter: { rating: 3, list: [1, 2] }, mtime: Date.UTC(2024, 0, 1) }),
  page('B.md', { etags: ['t/sub'], frontmatter: { rating: 1 } }),
];
const engine = (options = {}) => createDataviewEngine(vault, { ...testLinks, timeoutMs: 300, ...options });

/** Runs a block whose last line is an expression; returns its JSON value (printed as char codes, so no markdown applies). */
async function evaluate(dataview: DataviewEngine, body: string, expression: string): Promise<unknown> {
  const result = await dataview.runJs(`${body}\ndv.paragraph(Array.from(JSON.stringify(${expression}), c => c.charCodeAt(0)).join(" "))`, 'A.md');
  if (!result.ok) throw new Error(result.reason);
  const codes = /^<p><span>([\d ]*)<\/span><\/p>$/.exec(result.html)![1];
  return JSON.parse(String.fromCharCode(...codes.split(' ').map(Number)));
}

/** What a block can observe of the shared world. */
const observe = (dataview: DataviewEngine) =>
  evaluate(
    dataview,
    'const p = dv.current();',
    `[
    [1, 2].map(x => x + 1), [...[1, 2]], typeof x, typeof leaked, typeof broke, typeof lexical, ({}).polluted, 'b'.localeCompare('a'),
    p.file.name, p.rating, p.list, p.file.tags.array(), p.file.link.path, p.file.frontmatter.rating, p.file.mtime.toFormat('yyyy'),
    dv.pages('#t').length, dv.pages('#t').where(q => true).file.name.array(), typeof dv.value.typeOf.x, typeof dv.current().score,
    (() => { const s = dv.container.createSpan({ text: 'q', cls: 'c' }); s.style.color = 'red'; s.remove(); return [s.textContent, s.style.cssText, s.className, s.parentNode]; })(),
    [typeof document.createElement, createEl('i').tagName, document.readyState]
  ]`,
  );

const HOSTILE = `
const attempts = [
  () => { Array.prototype.map = () => 'hacked'; },
  () => { delete Array.prototype.map; },
  () => { Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true }); },
  () => { Object.prototype.polluted = 1; },
  () => { Object.defineProperty(Object.prototype, 'polluted', { value: 1 }); },
  () => { String.prototype.localeCompare = () => 0; },
  () => { globalThis.x = 1; },
  () => { leaked = 2; },
  () => { dv.current().file.name = 'evil'; },
  () => { dv.current().rating = 99; },
  () => { dv.current().list.push(3); },
  () => { dv.current().file.tags.values.push('#evil'); },
  () => { dv.current().file.link.path = 'evil'; },
  () => { dv.current().file.frontmatter.rating = 99; },
  () => { dv.pages('#t').values.pop(); },
  () => { Object.getPrototypeOf(dv.pages()).where = () => []; },
  () => { dv.value.typeOf.x = 1; },
  () => { Object.getPrototypeOf(dv.current().file.mtime).toFormat = () => 'evil'; },
  () => { dv.pages().mutate(p => { p.score = 1; }); },
  () => { Object.getPrototypeOf(dv.container).createEl = () => null; },
  () => { Object.getPrototypeOf(Object.getPrototypeOf(dv.container)).remove = () => {}; },
  () => { Object.getPrototypeOf(dv.container.style).setProperty = () => {}; },
  () => { const s = dv.container.createSpan({ text: 'x' }); s.remove(); Object.defineProperty(Object.getPrototypeOf(s.firstChild), 'textContent', { get: () => 'evil' }); },
  () => { Object.defineProperty(Object.getPrototypeOf(dv.container.classList), 'names', { get: () => ['evil'] }); },
  () => { dv.container.constructor.prototype.toJson = () => ({ html: '<script>alert(1)</script>' }); },
  () => { document.createElement = () => null; },
  () => { document.readyState = 'loading'; },
  () => { globalThis.createEl = () => null; },
  () => { delete globalThis.document; },
];
for (const attempt of attempts) try { attempt(); } catch {}
`;

describe('blocks sharing one runtime', () => {
  test('a block that changes intrinsics, globals, page objects or API objects leaves the next block a fresh world', async () => {
    const fresh = await observe(engine());
    const shared = engine();
    await evaluate(shared, HOSTILE, '1');
    expect(await observe(shared)).toEqual(fresh);
    expect(fresh).toEqual([
      [2, 3],
      [1, 2],
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      null,
      1,
      'A',
      3,
      [1, 2],
      ['#t'],
      'A.md',
      3,
      '2024',
      2,
      ['A', 'B'],
      'undefined',
      'undefined',
      ['q', 'color: red;', 'c', null],
      ['function', 'I', 'complete'],
    ]);
  });

  test('undeclared variables become globals within the block, as in Obsidian, and are gone for the next', async () => {
    const shared = engine();
    expect(await evaluate(shared, 'names = []; for (p of dv.pages()) names.push(p.file.name);', '[names, typeof p]')).toEqual([['A', 'B'], 'object']);
    expect(await evaluate(shared, '', '[typeof names, typeof p]')).toEqual(['undefined', 'undefined']);
  });

  test('mutate() works on copies of the shared page objects, as Dataview mutates its fresh ones', async () => {
    const shared = engine();
    expect(
      await evaluate(
        shared,
        'const ranked = dv.pages().mutate(p => { p.score = -p.rating; }).sort(p => p.score);',
        'ranked.map(p => [p.file.name, p.score]).array()',
      ),
    ).toEqual([
      ['A', -3],
      ['B', -1],
    ]);
    expect(await evaluate(shared, '', '"score" in dv.current()')).toBe(false);
  });

  test('code closing the block wrapper early fails, and what it ran outside the block does not reach the next one', async () => {
    const shared = engine();
    const result = await shared.runJs('}); globalThis.broke = 1; let lexical = 2; (async function () {', 'A.md');
    expect(result).toMatchObject({ ok: false, reason: "SyntaxError: the block closes a '}' it did not open" });
    expect(await observe(shared)).toEqual(await observe(engine()));
  });

  test.each([
    ['stopped by the time limit', 'while (true) {}', { reason: 'ran longer than the time limit (300 ms) and was stopped' }, 300],
    // Time enough to fill the heap on a loaded machine.
    ['stopped by the memory limit', 'const a = []; for (;;) a.push({});', { reason: 'used more memory than the limit (8 MiB) and was stopped' }, 10_000],
    ['leaving a global that cannot be removed', 'dv.paragraph("ok")', { ok: true }, 300],
  ])('a block %s costs the runtime, not the blocks after it', async (_, code, expected, timeoutMs) => {
    const shared = engine({ memoryLimitBytes: 8 * 1024 * 1024, timeoutMs });
    const before = await observe(shared);
    const prefix = 'globalThis.x = 1; Object.defineProperty(globalThis, "leaked", { value: 1, configurable: false });\n';
    expect(await shared.runJs(prefix + code, 'A.md')).toMatchObject(expected);
    expect(await observe(shared)).toEqual(before);
  });

  test('blocks with the same code share its compiled function, frozen: what one sets on it the next does not see', async () => {
    const shared = engine();
    const code = 'const f = arguments.callee; f.mark = (f.mark || 0) + 1;';
    expect(await evaluate(shared, code, '[f.mark, Object.isFrozen(f)]')).toEqual([null, true]);
    expect(await evaluate(shared, code, '[f.mark, Object.isFrozen(f)]')).toEqual([null, true]);
  });

  test('a block that throws keeps the runtime and its globals are removed', async () => {
    const shared = engine();
    expect(await shared.runJs('globalThis.x = 1; leaked = 2;\nthrow new Error("no")', 'A.md')).toEqual({ ok: false, reason: 'no', line: 2 });
    expect(await observe(shared)).toEqual(await observe(engine()));
  });
});

describe('sorting', () => {
  test('numeric keys sort stably both ways; mixed keys order by type as compareValue does', async () => {
    const dataview = engine();
    const rows = 'const rows = dv.array([{ k: 1, n: "a" }, { k: 2, n: "b" }, { k: 1, n: "c" }, { k: -0, n: "d" }, { k: 0, n: "e" }]);';
    expect(await evaluate(dataview, rows, '[rows.sort(r => r.k).n.array(), rows.sort(r => r.k, "desc").n.array()]')).toEqual([
      ['d', 'e', 'a', 'c', 'b'],
      ['b', 'a', 'c', 'd', 'e'],
    ]);
    expect(await evaluate(dataview, '', 'dv.array([3, null, "x", 1]).sort().array()')).toEqual([null, 1, 3, 'x']);
  });

  test("a page's links sorted by themselves come in the same order in every block, each block getting its own copy", async () => {
    const linked = createDataviewEngine([page('A.md', { inlinks: ['C.md', 'B.md', 'A.md'] }), page('B.md'), page('C.md')], testLinks);
    const sorted = 'const s = dv.current().file.inlinks.sort(); const d = dv.current().file.inlinks.sort(undefined, "desc");';
    const mutate = 's.values.reverse(); s.values.push(dv.fileLink("Z.md")); d.values.pop();';
    expect(await evaluate(linked, `${sorted} ${mutate}`, '[s.path.array(), d.path.array()]')).toEqual([
      ['C.md', 'B.md', 'A.md', 'Z.md'],
      ['C.md', 'B.md'],
    ]);
    expect(await evaluate(linked, sorted, '[s.path.array(), d.path.array(), dv.current().file.inlinks.path.array()]')).toEqual([
      ['A.md', 'B.md', 'C.md'],
      ['C.md', 'B.md', 'A.md'],
      ['C.md', 'B.md', 'A.md'],
    ]);
  });

  test('the numeric sort orders as compareValue does, ties included', async () => {
    const rows =
      'let seed = 7; const next = () => (seed = (seed * 48271) % 2147483647);\n' +
      'const rows = dv.array(Array.from({ length: 500 }, (_, i) => ({ i, k: [0, -0, 1.5, -3, 1e12][next() % 5] * (next() % 7) })));';
    const orders = (direction: string) => `[rows.sort(r => r.k, "${direction}").i.array(), rows.sort(r => r.k, "${direction}", dv.compare).i.array()]`;
    for (const direction of ['asc', 'desc']) {
      const [fast, compared] = (await evaluate(engine(), rows, orders(direction))) as number[][];
      expect(fast).toEqual(compared);
    }
  });
});
