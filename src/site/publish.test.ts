import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { loadConfig } from '../config/config';
import { markdownNote } from '../kinds/note';
import { KINDS } from '../kinds/registry';
import { loadVault } from '../vault/load';
import type { VaultEntry } from '../vault/types';
import { buildSite } from './build';
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

describe('a preview image given as a vault path', () => {
  it('publishes its attachment, is no Dataview link, and a missing one is an unresolved embed at its line', async () => {
    const vaultDir = tempDir();
    writeFiles(vaultDir, {
      'Cat.md': '---\ntitle: Cat\ncover: pic.png\n---\nA cat.\n\n```dataviewjs\ndv.paragraph(dv.current().file.outlinks.length)\n```\n',
      'Dog.md': '---\nimage: missing.png\n---\nA dog.\n',
      'Private.md': '---\npublish: false\ncover: secret.png\n---\n',
      'pic.png': 'png',
      'secret.png': 'png',
    });
    const site = await buildSite(loadConfig(path.dirname(vaultDir), { TSUNAGU_VAULT: vaultDir }), { kinds: KINDS, reserved: new Set() });
    expect(site.attachments.map((a) => a.id)).toEqual(['pic.png']);
    const cat = site.notes.find((n) => n.id === 'Cat.md')!;
    expect(cat.preview).toEqual({ image: '/attachments/pic.png' });
    expect(cat.html).toContain('<p><span>0</span></p>');
    expect(site.report.unresolvedLinks).toEqual([{ file: 'Dog.md', line: 2, written: 'image: missing.png' }]);
    expect(site.report.attachmentsUnused).toEqual(['secret.png']);
  });
});
