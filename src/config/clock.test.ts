import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClock } from './clock';

const factsFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-clock-')), 'facts.json');

describe('the build clock', () => {
  it('reads the live clock and records each reader once, in order', () => {
    const file = factsFile();
    const before = Date.now();
    const ms = readClock('bases', { TSUNAGU_BUILD_FACTS: file });
    expect(ms).toBeGreaterThanOrEqual(before);
    readClock('dataview', { TSUNAGU_BUILD_FACTS: file });
    readClock('bases', { TSUNAGU_BUILD_FACTS: file });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ clockReaders: ['bases', 'dataview'] });
  });

  it('is pinned by SOURCE_DATE_EPOCH, and a pinned read is not recorded: the output does not depend on the time', () => {
    const file = factsFile();
    expect(readClock('bases', { SOURCE_DATE_EPOCH: '1700000000', TSUNAGU_BUILD_FACTS: file })).toBe(1_700_000_000_000);
    expect(existsSync(file)).toBe(false);
  });
});
