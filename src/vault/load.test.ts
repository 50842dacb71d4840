import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../kinds/registry';
import { loadVault } from './load';

function vaultWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-load-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('loadVault', () => {
  it('resolves an alias to the published note that has it, never to a private one listed first', () => {
    const vaultDir = vaultWith({
      'Aaa private.md': '---\npublish: false\naliases: [Shared name]\n---\nprivate',
      'Zzz public.md': '---\naliases: [Shared name]\n---\npublic',
      'Note.md': 'See [[Shared name]].',
    });
    const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
    expect(vault.links.get('Note.md')?.map((l) => [l.to, l.viaAlias])).toEqual([['Zzz public.md', true]]);
  });
});
