// A note's tree key must hold from one build to the next: the per-note memo of a build is read by the next one.
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { openParseCache } from '../vault/parse-cache';

const nonces = vi.hoisted(() => ['first-process-nonce', 'second-process-nonce']);
vi.mock('../safety/trusted', () => ({ buildNonce: vi.fn(() => nonces.shift()) }));
const { TreeStates } = await import('./tree-states');

const tempDir = useTempDirs('tsunagu-tree-states-');

describe('tree keys', () => {
  it("are the same in two processes for the same tree and replacements, whatever each process's trust nonce", () => {
    const dir = tempDir();
    const cache = openParseCache({ vaultDir: dir, cacheDir: dir, projectDir: process.cwd() });
    const keyIn = (nonce: string) => {
      const states = new TreeStates();
      const tree = cache.parse('Some text.\n', 1).tree;
      states.replaced({ noteId: 'a.md', path: [0], node: { type: 'html', value: `<tsunagu-trusted data-nonce="${nonce}">x</tsunagu-trusted>` } });
      return states.key('a.md', tree);
    };
    const first = keyIn('first-process-nonce');
    expect(first).toBeDefined();
    expect(keyIn('second-process-nonce')).toBe(first);
  });

  it('differ when a replacement differs', () => {
    const dir = tempDir();
    const cache = openParseCache({ vaultDir: dir, cacheDir: dir, projectDir: process.cwd() });
    const keyWith = (value: string) => {
      const states = new TreeStates();
      const tree = cache.parse('Some text.\n', 1).tree;
      states.replaced({ noteId: 'a.md', path: [0], node: { type: 'html', value } });
      return states.key('a.md', tree);
    };
    expect(keyWith('<b>one</b>')).not.toBe(keyWith('<b>two</b>'));
  });
});
