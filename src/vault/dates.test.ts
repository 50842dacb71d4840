import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { noteDates, parseDate, readGitDates } from './dates';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';

const tempDir = useTempDirs('tsunagu-dates-');

const T1 = Date.UTC(2024, 0, 2, 3, 4, 5);
const T2 = Date.UTC(2024, 5, 6, 7, 8, 9);
const T3 = Date.UTC(2025, 0, 1, 0, 0, 0);

function git(repo: string, args: string[], when?: number): void {
  const date = when === undefined ? {} : { GIT_AUTHOR_DATE: `@${when / 1000} +0000`, GIT_COMMITTER_DATE: `@${when / 1000} +0000` };
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    env: { ...process.env, ...date },
    stdio: 'ignore',
  });
}

/** Writes the files and commits them at `when`. */
function commit(repo: string, files: Record<string, string>, when: number): void {
  writeFiles(repo, files);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'c'], when);
}

function newRepo(): string {
  const repo = tempDir();
  git(repo, ['init', '-q']);
  return repo;
}

describe('readGitDates', () => {
  test('first and last commit touching each file, keyed by vault-relative id', () => {
    const repo = newRepo();
    commit(repo, { 'a.md': '1', 'sub/b.md': '1' }, T1);
    commit(repo, { 'a.md': '2' }, T2);
    commit(repo, { 'a.md': '3' }, T3);
    writeFileSync(path.join(repo, 'uncommitted.md'), 'x');
    expect(readGitDates(repo)).toEqual(
      new Map([
        ['a.md', { first: T1, last: T3 }],
        ['sub/b.md', { first: T1, last: T1 }],
      ]),
    );
  });

  test('a file name starting with @ is a file, not a commit time', () => {
    const repo = newRepo();
    commit(repo, { '@person.md': '1' }, T1);
    commit(repo, { 'b.md': '1' }, T2);
    expect(readGitDates(repo)).toEqual(
      new Map([
        ['@person.md', { first: T1, last: T1 }],
        ['b.md', { first: T2, last: T2 }],
      ]),
    );
  });

  test('a vault in a subfolder of the repository: ids relative to the vault, other files ignored', () => {
    const repo = newRepo();
    commit(repo, { 'README.md': 'r', 'notes/a.md': '1' }, T1);
    commit(repo, { 'notes/a.md': '2', 'notes/deep/c.md': '1' }, T2);
    expect(readGitDates(path.join(repo, 'notes'))).toEqual(
      new Map([
        ['a.md', { first: T1, last: T2 }],
        ['deep/c.md', { first: T2, last: T2 }],
      ]),
    );
  });

  test('Japanese vault folder and file names (git would quote them without core.quotepath=off), NFC ids', () => {
    const repo = newRepo();
    commit(repo, { 'メモ帳/ノート/日本語.md': '1', [`メモ帳/${'が'.normalize('NFD')}.md`]: '1' }, T1);
    expect(readGitDates(path.join(repo, 'メモ帳'))).toEqual(
      new Map([
        ['が.md', { first: T1, last: T1 }],
        ['ノート/日本語.md', { first: T1, last: T1 }],
      ]),
    );
  });

  test('a vault reached through a symbolic link still finds its history', () => {
    const repo = newRepo();
    commit(repo, { 'notes/a.md': '1' }, T1);
    const link = path.join(tempDir(), 'repo-link');
    symlinkSync(repo, link);
    expect(readGitDates(path.join(link, 'notes'))).toEqual(new Map([['a.md', { first: T1, last: T1 }]]));
  });

  test('not a git repository: no dates', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'x');
    expect(readGitDates(dir)).toEqual(new Map());
  });
});

describe('noteDates', () => {
  const git = { first: T1, last: T2 };
  const mtime = T3;

  test('frontmatter first, in key order, key case-insensitive', () => {
    expect(noteDates({ created: '2023-01-01', updated: '2023-02-01 10:00' }, git, mtime)).toEqual({
      created: new Date('2023-01-01T00:00:00Z'),
      modified: new Date('2023-02-01T10:00:00Z'),
    });
    expect(noteDates({ datetimeCreate: '2023-01-01 09:00', datetimeUpdate: '2023-03-04 05:06' }, git, mtime)).toEqual({
      created: new Date('2023-01-01T09:00:00Z'),
      modified: new Date('2023-03-04T05:06:00Z'),
    });
    expect(noteDates({ Date: new Date('2023-05-05T00:00:00Z'), LastMod: '2023-06-06' }, git, mtime)).toEqual({
      created: new Date('2023-05-05T00:00:00Z'),
      modified: new Date('2023-06-06T00:00:00Z'),
    });
    expect(noteDates({ modified: '2023-06-06', updated: '2023-07-07' }, git, mtime).modified).toEqual(new Date('2023-07-07T00:00:00Z'));
  });

  test('else git: created = first commit, modified = last commit', () => {
    expect(noteDates({}, git, mtime)).toEqual({ created: new Date(T1), modified: new Date(T2) });
    expect(noteDates({ created: 'not a date' }, git, mtime)).toEqual({ created: new Date(T1), modified: new Date(T2) });
  });

  test('else the file time, and created falls back to modified', () => {
    expect(noteDates({}, undefined, mtime)).toEqual({ created: new Date(T3), modified: new Date(T3) });
    expect(noteDates({ updated: '2023-02-01' }, undefined, mtime)).toEqual({
      created: new Date('2023-02-01T00:00:00Z'),
      modified: new Date('2023-02-01T00:00:00Z'),
    });
  });
});

describe('parseDate', () => {
  test.each([
    ['2025-07-08', '2025-07-08T00:00:00.000Z'],
    ['2025-07-08 22:51', '2025-07-08T22:51:00.000Z'],
    ['2025-07-08T22:51:30', '2025-07-08T22:51:30.000Z'],
    ['2025-07-08T22:51:30.250', '2025-07-08T22:51:30.250Z'],
    ['  2025-07-08 22:51  ', '2025-07-08T22:51:00.000Z'],
    ['2025-07-08T22:51Z', '2025-07-08T22:51:00.000Z'],
    ['2025-07-08T22:51+09:00', '2025-07-08T13:51:00.000Z'],
    ['2025-07-08T22:51:30.5-0230', '2025-07-09T01:21:30.500Z'],
    ['2025-07-08 22:51 +09:00', '2025-07-08T13:51:00.000Z'],
  ])('%j → %s', (text, iso) => {
    expect(parseDate(text)?.toISOString()).toBe(iso);
  });

  test.each([
    ['2025-02-30'],
    ['2025-13-01'],
    ['2025-07-08 24:30'],
    ['2025-07-08 22:60'],
    ['2025-07-08 22:51:60'],
    ['yesterday'],
    ['2025/07/08'],
    [''],
    [20250708],
    [null],
  ])('%j → undefined', (value) => {
    expect(parseDate(value)).toBeUndefined();
  });

  test('Date values (YAML timestamps) pass through; invalid ones do not', () => {
    expect(parseDate(new Date(T1))).toEqual(new Date(T1));
    expect(parseDate(new Date(Number.NaN))).toBeUndefined();
  });
});
