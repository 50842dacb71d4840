import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../config/limits';
import { fixtureDir } from '../../../test/fixtures/vaults/fixture-vault';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { loadVault, type Vault } from '../../vault/load';
import { openParseCache } from '../../vault/parse-cache';
import { KINDS } from '../registry';
import { type ParseAhead, startParseAhead, takeParseAhead } from './parse-ahead';

const PROJECT_DIR = process.cwd();
const VAULTS = [path.join(PROJECT_DIR, 'notes'), fixtureDir('glossary'), fixtureDir('resolution'), fixtureDir('bad-input')];
const tempDir = useTempDirs('parse-ahead-');

let cacheDir: string;
beforeEach(() => {
  cacheDir = tempDir();
});

function started(vaultDir: string, minMisses = 1): ParseAhead {
  startParseAhead({ vaultDir, projectDir: PROJECT_DIR, cacheDir, limits: DEFAULT_LIMITS, minMisses });
  const ahead = takeParseAhead(vaultDir);
  expect(ahead).toBeDefined();
  return ahead!;
}

/** Loads `vaultDir` through the parse cache with `ahead`; `fromAhead`: how many notes came from the worker. */
function load(vaultDir: string, ahead?: ParseAhead): { vault: Vault; fromAhead: number } {
  let fromAhead = 0;
  const counted = ahead && {
    take(id: string, key: string) {
      const json = ahead.take(id, key);
      if (json !== undefined) fromAhead++;
      return json;
    },
  };
  const cache = openParseCache({ vaultDir, cacheDir, projectDir: PROJECT_DIR, ...(counted ? { ahead: counted } : {}) });
  const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS, parse: cache.parse });
  ahead?.close();
  cache.save();
  return { vault, fromAhead };
}

function expectSameVault(actual: Vault, expected: Vault, label: string) {
  for (const [id, note] of expected.notes) expect(actual.notes.get(id), `${label} ${id}`).toStrictEqual(note);
  expect(actual.notes.size).toBe(expected.notes.size);
  // Broken frontmatter, bad bytes, over-limit notes: the same diagnostics, naming file and line.
  expect(actual.diagnostics, label).toStrictEqual(expected.diagnostics);
}

describe('parse-ahead', () => {
  it('gives every note of the sample and fixture vaults exactly as parsing it here does, diagnostics included', async () => {
    for (const vaultDir of VAULTS) {
      const fresh = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
      const ahead = started(vaultDir);
      await ahead.finished;
      const { vault, fromAhead } = load(vaultDir, ahead);
      expect(fromAhead, vaultDir).toBe(fresh.notes.size);
      expectSameVault(vault, fresh, vaultDir);
    }
  });

  it('gives the same vault when the load starts at once and both threads parse, each note once', () => {
    const vaultDir = VAULTS[0];
    const fresh = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
    const { vault, fromAhead } = load(vaultDir, started(vaultDir));
    expect(fromAhead).toBeLessThanOrEqual(fresh.notes.size);
    expectSameVault(vault, fresh, 'racing');
  });

  it('parses a note here when its file changed after the worker read it', async () => {
    const vaultDir = tempDir();
    cpSync(VAULTS[0], vaultDir, { recursive: true });
    const ahead = started(vaultDir);
    await ahead.finished;
    appendFileSync(path.join(vaultDir, 'about.md'), '\n\nAdded after the worker read it: [[guide]] #added\n');
    const { vault, fromAhead } = load(vaultDir, ahead);
    expect(vault.notes.get('about.md')?.tags).toContain('added');
    expect(fromAhead).toBe(vault.notes.size - 1);
    expectSameVault(vault, loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS }), 'changed');
  });

  it('parses only the notes the parse cache lacks, and none when fewer than minMisses do', async () => {
    const vaultDir = tempDir();
    cpSync(VAULTS[0], vaultDir, { recursive: true });
    load(vaultDir);
    appendFileSync(path.join(vaultDir, 'about.md'), '\n\nEdited.\n');
    appendFileSync(path.join(vaultDir, 'guide.md'), '\n\nEdited.\n');
    const fewer = started(vaultDir, 3);
    await fewer.finished;
    expect(load(vaultDir, fewer).fromAhead).toBe(0);
    appendFileSync(path.join(vaultDir, 'about.md'), '\n\nEdited again.\n');
    appendFileSync(path.join(vaultDir, 'guide.md'), '\n\nEdited again.\n');
    const enough = started(vaultDir, 2);
    await enough.finished;
    expect(load(vaultDir, enough).fromAhead).toBe(2);
  });

  it('is taken once, by a load of the vault it was started for', () => {
    startParseAhead({ vaultDir: VAULTS[1], projectDir: PROJECT_DIR, cacheDir, limits: DEFAULT_LIMITS });
    expect(takeParseAhead(VAULTS[2])).toBeUndefined();
    const ahead = takeParseAhead(VAULTS[1]);
    expect(ahead).toBeDefined();
    ahead!.close();
    expect(takeParseAhead(VAULTS[1])).toBeUndefined();
  });
});
