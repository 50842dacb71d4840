// A deterministic Obsidian vault for benchmarks: the same options give byte-identical files.
import { mkdirSync, readdirSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { noteText, type NoteTextOptions } from './note-text.ts';
import { seededRandom } from './prng.ts';
import { ATTACHMENT_FOLDER, planVault } from './vault-plan.ts';

export interface GenerateOptions extends NoteTextOptions {
  /** Notes in all, glossary terms included. */
  notes: number;
  seed: number;
}

export const DEFAULT_OPTIONS: GenerateOptions = { notes: 1000, seed: 1, dataviewShare: 0.1, mermaidShare: 0.005 };

export interface GeneratedFile {
  /** Vault-relative, `/`-separated. */
  path: string;
  content: string | Uint8Array;
  /** Modification time to give the file (the note's update date), so file dates are part of the seed too. */
  mtime: Date;
}

// A 1×1 transparent PNG: attachments only need to exist and be copied.
const PIXEL_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));
const ATTACHMENT_DATE = new Date(Date.UTC(2024, 0, 1));

export function generateVault(options: GenerateOptions): GeneratedFile[] {
  const random = seededRandom(options.seed);
  const plan = planVault(options.notes, random);
  return [
    ...[...plan.terms, ...plan.notes].map((note) => ({ path: note.id, content: noteText(note, plan, random, options), mtime: note.updated })),
    ...plan.images.map((name) => ({ path: `${ATTACHMENT_FOLDER}/${name}`, content: PIXEL_PNG, mtime: ATTACHMENT_DATE })),
  ];
}

/** Writes the files under `dir`, which must not exist or be empty (a vault is never written over). */
export function writeVault(dir: string, files: readonly GeneratedFile[]): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; choose a new folder for the generated vault.`);
  for (const file of files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    utimesSync(target, file.mtime, file.mtime);
  }
}
