import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KINDS } from '../kinds/registry';
import { fixtureDir } from '../../test/fixtures/vaults/fixture-vault';
import { parseBody } from '../markdown/parse';
import { loadVault } from './load';
import { openParseCache } from './parse-cache';

const PROJECT_DIR = process.cwd();
const VAULTS = [path.join(PROJECT_DIR, 'notes'), fixtureDir('glossary'), fixtureDir('resolution'), fixtureDir('bad-input')];
const BODY = '# Title\n\nText with [[Link#Heading|shown]], #tag/nested, ==mark== and a block. ^block-id\n\n> [!note] Callout\n> body\n';

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'parse-cache-'));
  forgetMemory();
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

/** As a new process would start: only the disk is left. */
function forgetMemory() {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('tsunagu.parse-cache')];
}

function cacheLines(): string[] {
  const [file] = readdirSync(cacheDir);
  return readFileSync(path.join(cacheDir, file), 'utf8').split('\n').filter(Boolean);
}

describe('parse cache', () => {
  it('gives back exactly what parsing gives, for every note of the sample and fixture vaults, from memory and from disk', () => {
    for (const vaultDir of VAULTS) {
      const fresh = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
      for (const round of ['first', 'memory', 'disk']) {
        if (round === 'disk') forgetMemory();
        const cache = openParseCache({ vaultDir, cacheDir, projectDir: PROJECT_DIR, keepInMemory: true });
        const cached = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS, parse: cache.parse });
        cache.save();
        for (const [id, note] of fresh.notes) expect(cached.notes.get(id), `${vaultDir} ${id} (${round})`).toStrictEqual(note);
      }
    }
  });

  it('keeps nothing in memory after saving unless asked to: a build would carry every tree twice, as objects and as text', () => {
    const held = () => (globalThis as Record<symbol, unknown>)[Symbol.for('tsunagu.parse-cache')];
    const build = openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR });
    build.parse(BODY, 1);
    build.save();
    expect(held()).toBeUndefined();
    expect(cacheLines()).toHaveLength(1);
    const dev = openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR, keepInMemory: true });
    dev.parse(BODY, 1);
    dev.save();
    expect(held()).toBeDefined();
    openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR }).save();
    expect(held()).toBeUndefined();
  });

  it('in the dev server, writes the file a while after a save that changed it, not at every save', () => {
    vi.useFakeTimers();
    try {
      const open = () => openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR, keepInMemory: true });
      const start = open();
      start.parse(BODY, 1);
      start.save();
      expect(cacheLines()).toHaveLength(1);
      for (const text of ['one save', 'the next save']) {
        const save = open();
        save.parse(BODY, 1);
        save.parse(text, 1);
        save.save();
      }
      expect(cacheLines()).toHaveLength(1);
      vi.advanceTimersByTime(2000);
      expect(cacheLines()).toHaveLength(2);
      expect(cacheLines().some((line) => line.includes('the next save'))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands out a tree of its own on every hit: steps that rewrite trees in place do not reach the cache', () => {
    const first = openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR });
    first.parse(BODY, 3).tree.children.length = 0;
    first.save();
    const second = openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR });
    const hit = second.parse(BODY, 3);
    hit.tree.children.pop();
    expect(second.parse(BODY, 3)).toStrictEqual(parseBody(BODY, 3));
  });

  it('in the dev server, reads kept trees back while it waits for the next load: each handed out once, as parsing gives it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate'] });
    try {
      const open = () => openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR, keepInMemory: true });
      const first = open();
      first.parse(BODY, 3);
      first.save();
      vi.runAllTimers();
      const second = open();
      const readBack = vi.spyOn(JSON, 'parse');
      const hit = second.parse(BODY, 3);
      expect(readBack).not.toHaveBeenCalled();
      readBack.mockRestore();
      expect(hit).toStrictEqual(parseBody(BODY, 3));
      hit.tree.children.pop();
      // The same body twice in one load (two notes): the second gets a tree of its own.
      expect(second.parse(BODY, 3)).toStrictEqual(parseBody(BODY, 3));
      second.save();
      vi.runAllTimers();
      expect(open().parse(BODY, 3)).toStrictEqual(parseBody(BODY, 3));
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps only the bodies the last load read, and misses on a changed body or start line', () => {
    const first = openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR });
    first.parse(BODY, 1);
    first.parse('old text', 1);
    first.save();
    expect(cacheLines()).toHaveLength(2);

    forgetMemory();
    const second = openParseCache({ vaultDir: 'v', cacheDir, projectDir: PROJECT_DIR });
    expect(second.parse(BODY, 2).headings[0].line).toBe(2);
    second.parse(BODY, 1);
    second.save();
    expect(cacheLines()).toHaveLength(2);
    expect(cacheLines().some((line) => line.includes('old text'))).toBe(false);
  });

  it('caches nothing without the parser source to fingerprint', () => {
    const cache = openParseCache({ vaultDir: 'v', cacheDir, projectDir: cacheDir });
    expect(cache.parse(BODY, 1)).toStrictEqual(parseBody(BODY, 1));
    cache.save();
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
