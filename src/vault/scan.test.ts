import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { KINDS } from '../kinds/registry';
import { fixtureDir } from '../../test/fixtures/vaults/fixture-vault';
import { scanVault } from './scan';
import { useTempDirs } from '../../test/helpers/temp-dir';

const tempDir = useTempDirs('tsunagu-scan-');

describe('scanVault', () => {
  test('finds notes and attachments, skipping .obsidian, .trash and hidden files', () => {
    const { files, diagnostics } = scanVault(fixtureDir('scan'), KINDS);
    expect(files.map((f) => [f.id, f.kind])).toEqual([
      ['Home.md', 'note'],
      ['sub/Inner.MD', 'note'],
      ['sub/pic.png', 'attachment'],
    ]);
    expect(diagnostics).toEqual([]);
    const pic = files.find((f) => f.id === 'sub/pic.png')!;
    expect(pic.size).toBe(3);
    expect(pic.absPath).toBe(path.join(fixtureDir('scan'), 'sub', 'pic.png'));
  });

  test('ids are NFC even when the file system stores NFD names (macOS)', () => {
    const vault = tempDir();
    const folder = 'が'.normalize('NFD');
    const name = 'ノート.md'.normalize('NFD');
    mkdirSync(path.join(vault, folder));
    writeFileSync(path.join(vault, folder, name), '# x\n');
    const { files } = scanVault(vault, KINDS);
    expect(files.map((f) => f.id)).toEqual(['が/ノート.md'.normalize('NFC')]);
    expect(files[0].id).not.toBe(`${folder}/${name}`);
    // The absolute path keeps the name as stored, so the file can still be read.
    expect(files[0].absPath).toBe(path.join(vault, folder, name));
  });

  test('a symbolic link out of the vault is a diagnostic, not scanned', () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.md'), 'secret');
    const vault = tempDir();
    writeFileSync(path.join(vault, 'a.md'), 'a');
    symlinkSync(path.join(outside, 'secret.md'), path.join(vault, 'linked.md'));
    symlinkSync(outside, path.join(vault, 'linked-folder'));
    symlinkSync(path.join(vault, 'missing.md'), path.join(vault, 'dangling.md'));
    const { files, diagnostics } = scanVault(vault, KINDS);
    expect(files.map((f) => f.id)).toEqual(['a.md']);
    expect(diagnostics.map((d) => [d.file, d.severity])).toEqual([
      ['dangling.md', 'warning'],
      ['linked-folder', 'warning'],
      ['linked.md', 'warning'],
    ]);
    expect(diagnostics[1].message).toMatch(/outside the vault/);
  });

  test('a symbolic link to a file inside the vault is scanned under the link name', () => {
    const vault = tempDir();
    mkdirSync(path.join(vault, 'real'));
    writeFileSync(path.join(vault, 'real', 'n.md'), 'n');
    symlinkSync(path.join(vault, 'real', 'n.md'), path.join(vault, 'alias.md'));
    const { files, diagnostics } = scanVault(vault, KINDS);
    expect(files.map((f) => f.id)).toEqual(['alias.md', 'real/n.md']);
    expect(diagnostics).toEqual([]);
  });

  test('a symbolic link to a parent folder inside the vault does not loop forever', () => {
    const vault = tempDir();
    mkdirSync(path.join(vault, 'a'));
    writeFileSync(path.join(vault, 'a', 'n.md'), 'n');
    symlinkSync(path.join(vault, 'a'), path.join(vault, 'a', 'loop'));
    const { files, diagnostics } = scanVault(vault, KINDS);
    expect(files.map((f) => f.id)).toEqual(['a/n.md']);
    expect(diagnostics.map((d) => d.file)).toEqual(['a/loop']);
  });
});
