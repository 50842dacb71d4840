// Blocks that throw, loop, or reach for the host: each fails with a reason, quickly, and nothing leaks out.
import { beforeAll, describe, expect, test } from 'vitest';
import { createDataviewEngine } from './index';
import { page, testLinks } from './test-vault';

const engine = createDataviewEngine([page('A.md')], { ...testLinks, timeoutMs: 200 });

async function timed(code: string) {
  const started = Date.now();
  const result = await engine.runJs(code, 'A.md');
  return { result, ms: Date.now() - started };
}

// The sandbox is created by the first block: the timings below are of blocks, not of loading the snapshot.
beforeAll(async () => {
  await engine.runJs('', 'A.md');
});

describe('hostile or broken blocks', () => {
  test('a throw reports its message and block line; output before it is dropped', async () => {
    const { result, ms } = await timed('dv.paragraph("partial");\nconst x = 1;\nthrow new Error("boom");');
    expect(result).toEqual({ ok: false, reason: 'boom', line: 3 });
    expect(ms).toBeLessThan(1000);
  });

  test('an endless loop is stopped by the time limit', async () => {
    const { result, ms } = await timed('while (true) {}');
    expect(result).toEqual({ ok: false, reason: 'ran longer than the time limit (200 ms) and was stopped' });
    expect(ms).toBeLessThan(1500);
  });

  test.each([
    ["require('fs')", 'require'],
    ["fetch('http://x')", 'fetch'],
    ['process.exit(1)', 'process'],
  ])('%s does not exist in the sandbox', async (code, name) => {
    const { result, ms } = await timed(code);
    expect(result).toEqual({ ok: false, reason: `uses ${name}, which is not available (only Dataview's API is)`, line: 1 });
    expect(ms).toBeLessThan(1000);
  });

  test.each([
    ['app.vault.getFiles()', 'app'],
    ['dv.app.metadataCache.unresolvedLinks', 'dv.app'],
    ['dv.app("x")', 'dv.app'],
  ])("%s: Obsidian's own API is named as existing only in the app", async (code, name) => {
    const { result } = await timed(code);
    expect(result).toMatchObject({
      ok: false,
      reason: `uses ${name}, Obsidian's own API, which exists only inside the Obsidian app (a published page has Dataview's API only)`,
    });
  });

  test('dynamic import has no module loader', async () => {
    const { result } = await timed("await import('fs')");
    expect(result).toMatchObject({ ok: false, reason: "uses import(), which is not available (only Dataview's API is)" });
  });

  test('calling a method the API lacks names it, on the first line and after an await', async () => {
    const reason = (name: string) => `${name}() is not a function: tsunagu's Dataview API and its Luxon stand-in may not have it`;
    expect((await timed('dv.luxon.Duration.fromISOWeek("x")')).result).toEqual({ ok: false, reason: reason('dv.luxon.Duration.fromISOWeek'), line: 1 });
    expect((await timed('await 1;\n  const d = dv.luxon.DateTime.now();\nd.toNope(1)')).result).toEqual({ ok: false, reason: reason('d.toNope'), line: 3 });
    expect((await timed('dv.pages().nope().x')).result).toMatchObject({ ok: false, reason: reason('nope') });
  });

  test.each(['queryMarkdown'])('dv.%s is reported as unsupported', async (name) => {
    expect((await timed(`dv.${name}("x")`)).result).toEqual({ ok: false, reason: `dv.${name} is not supported by tsunagu`, line: 1 });
  });

  test('syntax errors, deep recursion, runaway memory and never-settling awaits all fail cleanly', async () => {
    expect((await timed('let = ;')).result).toMatchObject({ ok: false, reason: expect.stringMatching(/^SyntaxError/) });
    expect((await timed('function f() { return f(); }\nf();')).result).toMatchObject({ ok: false, reason: 'recursed too deeply (stack overflow)' });
    const small = createDataviewEngine([page('A.md')], { ...testLinks, memoryLimitBytes: 8 * 1024 * 1024 });
    expect(await small.runJs('let s = "x"; for (;;) s += s;', 'A.md')).toMatchObject({ ok: false });
    expect((await timed('await new Promise(() => {});')).result).toEqual({ ok: false, reason: 'awaits something that never finishes' });
  });

  test('each block gets a fresh sandbox: globals do not carry over', async () => {
    expect((await timed('globalThis.leak = 1; Object.prototype.polluted = 1;')).result.ok).toBe(true);
    expect((await timed('dv.paragraph(String(typeof leak) + " " + String(({}).polluted))')).result).toEqual({
      ok: true,
      html: '<p><span>undefined undefined</span></p>',
    });
  });

  test('a block that reaches for nothing still renders after them', async () => {
    expect(await engine.runJs('dv.header(2, dv.current().file.link)', 'A.md')).toEqual({
      ok: true,
      html: '<h2><span><a class="internal-link" href="/A/">A</a></span></h2>',
    });
  });
});
