// `npm run build` (src/cli/build.ts) skips a build when nothing it reads changed since the last one into the same
// folder, and builds whenever anything did, or when the last build's pages show the time they were built.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeFiles } from './helpers/temp-dir';
import { listFiles, newWorkDir } from './helpers/build';

const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, '..');
const SKIPPED = /tsunagu: nothing changed since the last build \(.*\); .*dist\/ is up to date/;
const BUILT = /Complete!/;

function vaultOf(files: Record<string, string>): string {
  const vault = mkdtempSync(path.join(tmpdir(), 'tsunagu-build-command-'));
  writeFiles(vault, files);
  return vault;
}

/** `npm run build -- --outDir <work>/dist <args>` as an author runs it; returns its output. */
function builder(vault: string) {
  const work = newWorkDir();
  const outDir = path.join(work, 'dist');
  const build = async (args: string[] = [], env: Record<string, string> = {}) => {
    const { stdout, stderr } = await run('npm', ['run', 'build', '--', '--outDir', outDir, ...args], {
      cwd: projectDir,
      env: { ...process.env, TSUNAGU_VAULT: vault, TSUNAGU_CACHE_DIR: path.join(work, 'cache'), ...env },
      maxBuffer: 1 << 26,
    });
    return stdout + stderr;
  };
  /** Every output file's bytes and modification time. */
  const output = () => new Map(listFiles(outDir).map((file) => [path.relative(outDir, file), [readFileSync(file, 'base64'), statSync(file).mtimeMs]]));
  return { build, output, outDir };
}

describe('npm run build', () => {
  it('skips a build with nothing changed, and builds again after any change to what it reads', async () => {
    const vault = vaultOf({
      'Home.md': '# Home\n\nSee [[Other]].\n\n```dataview\nLIST FROM ""\n```\n\n```base\nviews:\n  - type: table\n    name: All\n```\n',
      'Other.md': 'Another note.\n',
      'tsunagu.yaml': 'title: Build command\n',
      '.obsidian/workspace.json': '{}',
    });
    const { build, output, outDir } = builder(vault);
    const first = await build();
    expect(first).toMatch(/tsunagu: building \(no earlier build into .* is recorded\)/);
    expect(first).toMatch(BUILT);
    const built = output();
    expect(built.size).toBeGreaterThan(3);
    // Indexed for search once Astro's process has exited (so that the two never hold their memory together).
    expect(built.has('pagefind/pagefind-entry.json')).toBe(true);
    expect(first.search(/Pagefind: \d+ pages indexed/)).toBeGreaterThan(first.lastIndexOf('Complete!'));

    // Nothing changed (Obsidian's own hidden files do not count): no Astro, and dist/ exactly as it was.
    writeFileSync(path.join(vault, '.obsidian/workspace.json'), '{"active": "Home.md"}');
    const again = await build();
    expect(again).toMatch(SKIPPED);
    expect(again).not.toMatch(BUILT);
    expect(output()).toEqual(built);

    writeFileSync(path.join(vault, 'Other.md'), 'Another note, edited.\n');
    const edited = await build();
    expect(edited).toMatch(/changed since the last build: vault\)/);
    expect(edited).toMatch(BUILT);
    expect(readFileSync(path.join(outDir, 'other/index.html'), 'utf8')).toContain('edited');
    expect(await build()).toMatch(SKIPPED);

    const touched = new Date(Date.now() + 60_000);
    utimesSync(path.join(vault, 'tsunagu.yaml'), touched, touched);
    expect(await build()).toMatch(/changed since the last build: vault, settings\)[\s\S]*Complete!/);

    expect(await build([], { TZ: 'Asia/Tokyo' })).toMatch(/changed since the last build: environment\)[\s\S]*Complete!/);
    expect(await build([], { TZ: 'Asia/Tokyo' })).toMatch(SKIPPED);

    rmSync(path.join(outDir, 'other/index.html'));
    expect(await build([], { TZ: 'Asia/Tokyo' })).toMatch(/dist\/ changed since the last build\)[\s\S]*Complete!/);
    expect(readFileSync(path.join(outDir, 'other/index.html'), 'utf8')).toContain('edited');

    expect(await build(['--force'], { TZ: 'Asia/Tokyo' })).toMatch(/tsunagu: building \(--force\)[\s\S]*Complete!/);
    expect(await build([], { TZ: 'Asia/Tokyo', TSUNAGU_FORCE: '1' })).toMatch(/tsunagu: building \(--force\)[\s\S]*Complete!/);
    // A forced build is recorded like any other.
    expect(await build([], { TZ: 'Asia/Tokyo' })).toMatch(SKIPPED);
  }, 900_000);

  it.each([
    [
      'a base reading now()',
      { 'Soon.md': '```base\nformulas:\n  age: now() - file.mtime\nviews:\n  - type: table\n    name: All\n    order: [file.name, formula.age]\n```\n' },
      'bases',
    ],
    ['a query reading date(today)', { 'Due.md': '---\ndue: 2020-01-01\n---\n```dataview\nLIST WHERE due < date(today)\n```\n' }, 'dataview'],
  ])(
    'builds every time for a vault with %s',
    async (_what, files, reader) => {
      const { build } = builder(vaultOf({ 'Home.md': 'Home.\n', ...files }));
      expect(await build()).toMatch(BUILT);
      const again = await build();
      expect(again).toContain(`tsunagu: building (the last build's pages show the time they were built (read by ${reader}); they are built every time)`);
      expect(again).toMatch(BUILT);
    },
    600_000,
  );

  it('skips such a vault when SOURCE_DATE_EPOCH pins the clock: its pages are the same every time', async () => {
    const { build } = builder(vaultOf({ 'Home.md': 'Home.\n', 'Due.md': '---\ndue: 2020-01-01\n---\n```dataview\nLIST WHERE due < date(today)\n```\n' }));
    const pinned = { SOURCE_DATE_EPOCH: '1700000000' };
    expect(await build([], pinned)).toMatch(BUILT);
    expect(await build([], pinned)).toMatch(SKIPPED);
  }, 600_000);
});
