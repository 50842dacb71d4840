import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../kinds/registry';
import { writeFiles } from '../../test/helpers/temp-dir';
import { loadVault } from './load';

function vaultWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-load-'));
  writeFiles(dir, files);
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

  it('in opt-in mode publishes a base or canvas that a published note uses, not one only private notes or comments use', () => {
    const vaultDir = vaultWith({
      'Shown.md': '---\npublish: true\n---\n![[Used.base]] [[Board.canvas]] %%[[Commented.base]]%%',
      'Hidden.md': '[[Private.base]] [[Private.canvas]]',
      'Used.base': 'views: []',
      'Board.canvas': '{"nodes":[]}',
      'Commented.base': 'views: []',
      'Private.base': 'views: []',
      'Private.canvas': '{"nodes":[]}',
    });
    const published = (mode: 'all' | 'opt-in') =>
      [...loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS, publish: mode }).files.values()]
        .filter((e) => e.publish.published)
        .map((e) => e.id);
    expect(published('opt-in')).toEqual(['Board.canvas', 'Shown.md', 'Used.base']);
    expect(published('all')).toHaveLength(7);
  });
});
