// A note's tree key must hold from one build to the next: the per-note memo of a build is read by the next one.
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { openParseCache } from '../vault/parse-cache';

// Each TreeStates reads the nonce once: two of them stand for two build processes.
const nonces = vi.hoisted(() => ['first-process-nonce', 'second-process-nonce']);
vi.mock('../safety/trusted', () => ({ buildNonce: vi.fn(() => nonces.shift() ?? 'a-later-nonce') }));
const { TreeStates } = await import('./tree-states');

const tempDir = useTempDirs('tsunagu-tree-states-');

/** A note's key in a new process, after a step replaced its first node with raw HTML. */
function keyAfterReplacing(html: string): string | undefined {
  const dir = tempDir();
  const states = new TreeStates();
  const tree = openParseCache({ vaultDir: dir, cacheDir: dir, projectDir: process.cwd() }).parse('Some text.\n', 1).tree;
  states.replaced({ noteId: 'a.md', path: [0], node: { type: 'html', value: html } });
  return states.key('a.md', tree);
}

const trusted = (nonce: string) => `<tsunagu-trusted data-nonce="${nonce}">x</tsunagu-trusted>`;

describe('tree keys', () => {
  it("are the same in two processes for the same tree and replacements, whatever each process's trust nonce", () => {
    const first = keyAfterReplacing(trusted('first-process-nonce'));
    expect(first).toBeDefined();
    expect(keyAfterReplacing(trusted('second-process-nonce'))).toBe(first);
  });

  it('differ when a replacement differs', () => {
    expect(keyAfterReplacing('<b>one</b>')).not.toBe(keyAfterReplacing('<b>two</b>'));
  });
});
