import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readKeyedLines, saveKeyedLines } from './cache-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const cacheFile = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tsunagu-keyed-'));
  dirs.push(dir);
  return path.join(dir, 'cache.jsonl');
};
const entries = (count: number, value = (i: number) => `"v${i}"`) => new Map(Array.from({ length: count }, (_, i) => [`k${i}`, value(i)]));
const lineCount = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).length;

describe('keyed cache lines', () => {
  test('a rebuild that changed one entry appends one line; the appended value is the one read back', () => {
    const file = cacheFile();
    saveKeyedLines(file, entries(20), readKeyedLines(file));
    expect(lineCount(file)).toBe(20);
    const edited = entries(20, (i) => (i === 3 ? '"edited"' : `"v${i}"`));
    saveKeyedLines(file, edited, readKeyedLines(file));
    expect(lineCount(file)).toBe(21);
    const read = readKeyedLines(file);
    expect(read.entries).toEqual(edited);
    expect(read.lines).toBe(21);
  });

  test('written anew once a tenth of its lines would be out of use, with the used entries alone', () => {
    const file = cacheFile();
    saveKeyedLines(file, entries(20), readKeyedLines(file));
    const fewer = entries(18);
    saveKeyedLines(file, fewer, readKeyedLines(file));
    expect(lineCount(file)).toBe(20); // 18 of 20 in use: left as it is
    saveKeyedLines(file, entries(17), readKeyedLines(file));
    expect(readKeyedLines(file)).toEqual({ entries: entries(17), lines: 17 });
  });

  test('a last line still being appended by another build is not read', () => {
    const file = cacheFile();
    saveKeyedLines(file, entries(2), readKeyedLines(file));
    appendFileSync(file, 'k9\t{"cut');
    expect(readKeyedLines(file)).toEqual({ entries: entries(2), lines: 2 });
  });
});
