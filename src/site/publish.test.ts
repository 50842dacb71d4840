import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { markdownNote } from '../kinds/note';
import { KINDS } from '../kinds/registry';
import { loadVault } from '../vault/load';
import type { VaultEntry } from '../vault/types';
import { publishedFiles } from './publish';

const tempDir = useTempDirs('tsunagu-publish-');

describe('published pages render with the site settings', () => {
  it('strictLineBreaks reaches every render context: off, a newline in a paragraph is <br>; on, it is not', () => {
    const vaultDir = tempDir();
    writeFileSync(path.join(vaultDir, 'Note.md'), 'one\ntwo\n');
    const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
    const page = (strictLineBreaks: boolean) => {
      const published = publishedFiles(vault, { base: '/', lang: 'en', strictLineBreaks, kinds: KINDS, reserved: new Set() });
      return markdownNote.render!(vault.files.get('Note.md') as VaultEntry<undefined>, published.kindSite);
    };
    expect(page(false)).toBe('<p>one<br>\ntwo</p>');
    expect(page(true)).toBe('<p>one\ntwo</p>');
  });
});
