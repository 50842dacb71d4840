// Finds the vault's files and names each one's kind. Hidden entries (.obsidian, .trash, dotfiles) are never read.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, FileReader, VaultFile } from './types';

export interface ScanResult {
  files: VaultFile[];
  diagnostics: Diagnostic[];
}

/** `kinds` in registry order: the first that recognises a file is its kind; a file none recognises is not read. */
export function scanVault(vaultDir: string, kinds: readonly Pick<FileReader, 'name' | 'recognises'>[]): ScanResult {
  const root = realpathSync(vaultDir);
  const files: VaultFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // Real paths of the folders being walked: a link back to one of them would recurse until ELOOP.
  const walking = new Set<string>();
  const walk = (dir: string, rel: string) => {
    const real = realpathSync(dir);
    if (walking.has(real)) {
      diagnostics.push({ file: rel, severity: 'warning', message: 'is a symbolic link to a folder that contains it; it is skipped. Remove the link.' });
      return;
    }
    walking.add(real);
    for (const entry of readdirSync(dir).sort()) {
      if (entry.startsWith('.')) continue;
      const abs = path.join(dir, entry);
      const id = (rel ? `${rel}/${entry}` : entry).normalize('NFC');
      let stat = lstatSync(abs);
      if (stat.isSymbolicLink()) {
        const target = safeRealpath(abs);
        if (!target || !isInside(root, target)) {
          diagnostics.push({
            file: id,
            severity: 'warning',
            message: 'is a symbolic link to a place outside the vault; it is not published. Copy the file into the vault to publish it.',
          });
          continue;
        }
        stat = statSync(abs);
      }
      if (stat.isDirectory()) walk(abs, id);
      else if (stat.isFile()) {
        const kind = kinds.find((k) => k.recognises(id));
        if (kind) files.push({ id, absPath: abs, kind: kind.name, mtimeMs: stat.mtimeMs, size: stat.size });
      }
    }
    walking.delete(real);
  };
  walk(root, '');
  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, diagnostics };
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
