// A build keeps a step's per-note results in a file for the next build: reused while the note's key and tsunagu's
// source are the same, computed again otherwise; results no build uses any more are dropped (cache-file.ts).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { buildNonce, trustedHtml } from '../safety/trusted';
import { computeAgainOnChange } from './computes-again';
import { openNoteMemo, reuseEach, type MemoFile } from './note-memo';

const tempDir = useTempDirs('tsunagu-note-memo-');

/** A stand-in tsunagu checkout (its src/ is what results are fingerprinted by) and a cache folder. */
function memoFile(): MemoFile {
  const projectDir = tempDir();
  writeFiles(projectDir, { 'src/step.ts': 'export const version = 1;\n', 'package-lock.json': '{}\n' });
  return { cacheDir: path.join(projectDir, 'cache'), vaultDir: path.join(projectDir, 'vault'), projectDir };
}

/** One build of the step: each note's result is its key spelled out, and what was computed is counted. */
function build(file: MemoFile | undefined, keys: Record<string, string | undefined>) {
  const memo = openNoteMemo<{ note: string; key?: string }>('step', file);
  const computed: string[] = [];
  const results = Object.entries(keys).map(([note, key]) =>
    memo.reuse(note, key, () => {
      computed.push(note);
      return { note, key };
    }),
  );
  memo.save();
  return { results, computed };
}

describe("a build's note memo", () => {
  it("reuses the last build's result of a note whose key is the same, and computes the others", () => {
    const file = memoFile();
    expect(build(file, { a: 'a1', b: 'b1' }).computed).toEqual(['a', 'b']);
    const second = build(file, { a: 'a1', b: 'b2' });
    expect(second.computed).toEqual(['b']);
    expect(second.results).toEqual([
      { note: 'a', key: 'a1' },
      { note: 'b', key: 'b2' },
    ]);
  });

  it('hands out a copy each time: a result changed by one build is not what the next reads', () => {
    const file = memoFile();
    build(file, { a: 'a1' });
    const { results } = build(file, { a: 'a1' });
    results[0].note = 'changed';
    expect(build(file, { a: 'a1' }).results[0].note).toBe('a');
  });

  it('computes a note without a key every time', () => {
    const file = memoFile();
    build(file, { a: undefined });
    expect(build(file, { a: undefined }).computed).toEqual(['a']);
  });

  it("computes everything again once tsunagu's source changed", () => {
    const file = memoFile();
    build(file, { a: 'a1' });
    writeFiles(file.projectDir, { 'src/step.ts': 'export const version = 2;\n' });
    expect(build(file, { a: 'a1' }).computed).toEqual(['a']);
  });

  it('drops the results the last build did not use once they would be a tenth of the file', () => {
    const file = memoFile();
    build(file, { a: 'a1', b: 'b1' });
    build(file, { a: 'a1' });
    const [name] = readdirSync(file.cacheDir);
    expect(readFileSync(path.join(file.cacheDir, name), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(build(file, { a: 'a1', b: 'b1' }).computed).toEqual(['b']);
  });

  it("writes no trust nonce, and hands trusted HTML back as this build's; an author's text stays as written", () => {
    const file = memoFile();
    const result = { trusted: trustedHtml('<svg></svg>'), authored: 'a \u0001 b' };
    const open = () => openNoteMemo<typeof result>('step', file);
    const first = open();
    first.reuse('a', 'a1', () => result);
    first.save();
    const [name] = readdirSync(file.cacheDir);
    expect(readFileSync(path.join(file.cacheDir, name), 'utf8')).not.toContain(buildNonce());
    expect(open().reuse('a', 'a1', () => ({ trusted: '', authored: '' }))).toEqual(result);
  });

  it('keeps nothing without a file', () => {
    build(undefined, { a: 'a1' });
    expect(build(undefined, { a: 'a1' }).computed).toEqual(['a']);
  });
});

describe("the dev server's note memo (in memory, reuseEach)", () => {
  const KEPT = Symbol.for('tsunagu.note-memo');
  const holder = globalThis as Record<symbol, unknown>;
  beforeEach(() => {
    delete holder[KEPT];
    computeAgainOnChange();
  });
  afterEach(() => {
    delete holder[KEPT];
    delete holder[Symbol.for('tsunagu.computes-again')];
  });

  /** One computation: each note's result is its key spelled out, and what was computed is counted. */
  function compute(keys: Record<string, string | undefined>) {
    const computed: string[] = [];
    const notes = Object.keys(keys).map((id) => ({ id }));
    const results = reuseEach(
      'step',
      notes,
      (note) => keys[note.id],
      (note) => {
        computed.push(note.id);
        return { note: note.id, key: keys[note.id] ?? null };
      },
    );
    return { results, computed };
  }

  it('reuses the last computation’s result while the key is the same, in the notes’ order, and copies it each time', () => {
    compute({ a: 'a1', b: 'b1', c: undefined });
    const second = compute({ b: 'b1', a: 'a2', c: undefined });
    expect(second.computed).toEqual(['a', 'c']);
    expect(second.results).toEqual([
      { note: 'b', key: 'b1' },
      { note: 'a', key: 'a2' },
      { note: 'c', key: null },
    ]);
    second.results[0].note = 'changed';
    expect(compute({ b: 'b1' }).results).toEqual([{ note: 'b', key: 'b1' }]);
  });

  it('keeps only what the last computation used', () => {
    compute({ a: 'a1', b: 'b1' });
    compute({ a: 'a1' });
    expect(compute({ a: 'a1', b: 'b1' }).computed).toEqual(['b']);
  });
});
