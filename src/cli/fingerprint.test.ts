import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { changedInputs, type Fingerprint, inputFingerprint, outputFingerprint } from './fingerprint';

const tempDir = useTempDirs('tsunagu-fingerprint-');

/** A project (settings file, one source file) and two vaults beside it. */
function setUp() {
  const root = tempDir();
  const project = path.join(root, 'project');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('project/tsunagu.config.yaml', 'vault: ../vault\n');
  write('project/src/page.ts', 'export {};\n');
  write('vault/a.md', 'A note.\n');
  write('vault/.obsidian/workspace.json', '{}');
  write('vault/.hidden.md', 'Never read.\n');
  write('other/b.md', 'Another vault.\n');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TSUNAGU_CHROMIUM: '/nowhere/chromium' };
  const fingerprint = (args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) => inputFingerprint(project, args, { ...env, ...extraEnv });
  return { root, project, write, fingerprint };
}

const changed = (a: Fingerprint, b: Fingerprint) => changedInputs(a, b);

describe('the input fingerprint', () => {
  it('is the same for the same inputs, and names every input', () => {
    const { fingerprint } = setUp();
    const first = fingerprint();
    expect(Object.keys(first)).toEqual([
      'vault',
      'vault git commit',
      'settings',
      "vault's Dataview settings",
      'arguments',
      'environment',
      'chromium',
      "tsunagu's code",
    ]);
    expect(changed(first, fingerprint())).toEqual([]);
  });

  it("changes with a note's text, and with its time alone (dates come from it)", () => {
    const { fingerprint, write, root } = setUp();
    const first = fingerprint();
    write('vault/a.md', 'A note, edited.\n');
    const edited = fingerprint();
    expect(changed(first, edited)).toEqual(['vault']);
    utimesSync(path.join(root, 'vault/a.md'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(changed(edited, fingerprint())).toEqual(['vault']);
  });

  it('ignores hidden files and folders, as the vault scan does', () => {
    const { fingerprint, write } = setUp();
    const first = fingerprint();
    write('vault/.obsidian/workspace.json', '{"open": "a.md"}');
    write('vault/.hidden.md', 'Still never read.\n');
    write('vault/.trash/old.md', 'Deleted.\n');
    expect(changed(first, fingerprint())).toEqual([]);
  });

  it('resolves the vault as the build does: --vault, a plain argument, TSUNAGU_VAULT, the settings', () => {
    const { fingerprint, root } = setUp();
    const fromSettings = fingerprint();
    const other = path.join(root, 'other');
    const byFlag = fingerprint(['--vault', other]);
    expect(changed(fromSettings, byFlag)).toEqual(['vault', 'arguments']);
    expect(fingerprint([other]).vault).toBe(byFlag.vault);
    expect(fingerprint([`--vault=${other}`]).vault).toBe(byFlag.vault);
    expect(changed(fromSettings, fingerprint([], { TSUNAGU_VAULT: other }))).toEqual(['vault', 'environment']);
  });

  it("changes with the settings files: the project's (created, edited, touched), TSUNAGU_CONFIG's, the vault's", () => {
    const { fingerprint, write, root, project } = setUp();
    const first = fingerprint();
    write('project/tsunagu.config.yaml', 'vault: ../vault\ntitle: Renamed\n');
    const edited = fingerprint();
    expect(changed(first, edited)).toEqual(['settings']);
    utimesSync(path.join(project, 'tsunagu.config.yaml'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(changed(edited, fingerprint())).toEqual(['settings']);
    write('elsewhere.yaml', 'vault: ../vault\n');
    const elsewhere = fingerprint([], { TSUNAGU_CONFIG: path.join(root, 'elsewhere.yaml') });
    write('elsewhere.yaml', 'vault: ../vault\ntitle: Else\n');
    expect(changed(elsewhere, fingerprint([], { TSUNAGU_CONFIG: path.join(root, 'elsewhere.yaml') }))).toEqual(['settings']);
    const before = fingerprint();
    write('vault/tsunagu.yaml', 'title: From the vault\n');
    // The vault's settings file is also one of its files.
    expect(changed(before, fingerprint())).toEqual(['vault', 'settings']);
  });

  it("changes with the two Dataview files of the vault's hidden .obsidian/ (created, edited), and with no other hidden file", () => {
    const { fingerprint, write } = setUp();
    const first = fingerprint();
    write('vault/.obsidian/community-plugins.json', '["dataview"]');
    const plugins = fingerprint();
    expect(changed(first, plugins)).toEqual(["vault's Dataview settings"]);
    write('vault/.obsidian/plugins/dataview/data.json', '{"inlineQueryPrefix":"=>"}');
    const saved = fingerprint();
    expect(changed(plugins, saved)).toEqual(["vault's Dataview settings"]);
    write('vault/.obsidian/workspace.json', '{}');
    expect(changed(saved, fingerprint())).toEqual([]);
  });

  it("counts the project's settings file when it is created", () => {
    const { fingerprint, project } = setUp();
    rmSync(path.join(project, 'tsunagu.config.yaml'));
    const withoutFile = fingerprint([], { TSUNAGU_VAULT: '../vault' });
    writeFileSync(path.join(project, 'tsunagu.config.yaml'), 'title: New\n');
    expect(changed(withoutFile, fingerprint([], { TSUNAGU_VAULT: '../vault' }))).toEqual(['settings']);
  });

  it('changes with the arguments, TSUNAGU_*, the clock and zone, but not with where the build writes its records', () => {
    const { fingerprint } = setUp();
    const first = fingerprint();
    expect(changed(first, fingerprint(['--strict']))).toEqual(['arguments']);
    for (const variable of ['TSUNAGU_STRICT', 'SOURCE_DATE_EPOCH', 'TZ'])
      expect(changed(first, fingerprint([], { [variable]: '1' })), variable).toEqual(['environment']);
    expect(changed(first, fingerprint([], { TSUNAGU_CHROMIUM: process.execPath }))).toEqual(['environment', 'chromium']);
    expect(changed(first, fingerprint([], { TSUNAGU_TIMINGS: '/tmp/t.json', TSUNAGU_BUILD_FACTS: '/tmp/f.json', TSUNAGU_FORCE: '1', HOME: '/x' }))).toEqual([]);
  });

  it("changes with tsunagu's own code", () => {
    const { fingerprint, write } = setUp();
    const first = fingerprint();
    write('project/src/page.ts', 'export const changed = 1;\n');
    expect(changed(first, fingerprint())).toEqual(["tsunagu's code"]);
    write('project/public/favicon.svg', '<svg/>');
    write('project/package-lock.json', '{}');
    expect(changed(first, fingerprint())).toEqual(["tsunagu's code"]);
  });

  it('throws when the settings cannot be read: such a build is never skipped', () => {
    const { fingerprint, write } = setUp();
    write('project/tsunagu.config.yaml', 'vault: ../vault\nnot-an-option: 1\n');
    expect(() => fingerprint()).toThrow(/not-an-option/);
  });
});

describe('the output fingerprint', () => {
  it("changes when a file is added, removed, or changes size or time; not with a file's content alone at the same size and time", () => {
    const dir = tempDir();
    const file = path.join(dir, 'index.html');
    writeFileSync(file, '<p>a</p>');
    const stamp = new Date(2024, 0, 1);
    utimesSync(file, stamp, stamp);
    const first = outputFingerprint(dir);
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a/index.html'), 'x');
    const added = outputFingerprint(dir);
    expect(added).not.toBe(first);
    rmSync(path.join(dir, 'a'), { recursive: true });
    expect(outputFingerprint(dir)).toBe(first);
    writeFileSync(file, '<p>ab</p>');
    utimesSync(file, stamp, stamp);
    expect(outputFingerprint(dir)).not.toBe(first);
    writeFileSync(file, '<p>b</p>');
    utimesSync(file, stamp, stamp);
    expect(outputFingerprint(dir)).toBe(first);
    utimesSync(file, stamp, new Date(2024, 0, 2));
    expect(outputFingerprint(dir)).not.toBe(first);
  });
});

describe('changedInputs', () => {
  it('names inputs whose digests differ, or that one side lacks', () => {
    expect(changedInputs({ a: '1', b: '2', c: '3' }, { a: '1', b: 'x', d: '4' })).toEqual(['b', 'd', 'c']);
  });
});
