import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, generateVault, writeVault, type GeneratedFile } from '../scripts/lib/generate-vault';

const options = { ...DEFAULT_OPTIONS, notes: 200 };
// The seed note of the sample vault, as the dataview fixture vault keeps it (the seeds folder is outside the repository).
const SEED_NOTE = path.join(import.meta.dirname, 'fixtures/dataview-vault/Seed.md');

const notesOf = (files: GeneratedFile[]) => files.filter((f) => f.path.endsWith('.md')).map((f) => ({ path: f.path, text: String(f.content) }));

describe('generateVault', () => {
  it('gives the same files for the same seed, and other files for another seed', () => {
    const first = generateVault(options);
    expect(generateVault(options)).toEqual(first);
    expect(notesOf(generateVault({ ...options, seed: 2 }))).not.toEqual(notesOf(first));
  });

  it('writes the requested number of notes, glossary terms included', () => {
    const notes = notesOf(generateVault(options));
    expect(notes).toHaveLength(200);
    expect(new Set(notes.map((n) => n.path.toLowerCase())).size).toBe(200);
  });

  it('makes term notes in 用語集/ with type, aliases, a hiragana reading and a description, mentioned by other notes', () => {
    const notes = notesOf(generateVault(options));
    const terms = notes.filter((n) => n.path.startsWith('用語集/'));
    expect(terms.length).toBeGreaterThanOrEqual(10);
    for (const term of terms) {
      expect(term.text).toMatch(/^---\ntype: term\naliases: \[.+\]\nreading: [\u3041-\u309f\u30fc]+\ndescription: .+\n/);
    }
    const name = path.posix.basename(terms[0].path, '.md');
    expect(notes.some((n) => !n.path.startsWith('用語集/') && n.text.includes(name) && !n.text.includes(`[[${name}`))).toBe(true);
  });

  it('links to notes, headings and blocks that exist, 5–10 links per note', () => {
    const notes = notesOf(generateVault(options)).filter((n) => !n.path.startsWith('用語集/'));
    const byTitle = new Map(notes.map((n) => [path.posix.basename(n.path, '.md'), n.text]));
    const forms = new Set<string>();
    for (const note of notes) {
      const body = note.text.replace(/^---\n[\s\S]*?\n---\n/, '');
      const links = [...body.matchAll(/(?<!!)\[\[([^\]|#\\]+)(#\^?[^\]|\\]+)?(?:\\?\|[^\]]+)?\]\]/g)];
      expect(links.length).toBeGreaterThanOrEqual(5);
      expect(links.length).toBeLessThanOrEqual(10);
      for (const [, target, subpath] of links) {
        if (target.startsWith('未作成のノート')) continue;
        const text = byTitle.get(path.posix.basename(target));
        expect(text, target).toBeDefined();
        if (subpath?.startsWith('#^')) expect(text).toContain(` ^${subpath.slice(2)}`);
        else if (subpath) expect(text).toContain(`## ${subpath.slice(1)}\n`);
        forms.add(subpath?.startsWith('#^') ? 'block' : subpath ? 'heading' : target.includes('/') ? 'path' : 'name');
      }
    }
    expect([...forms].sort()).toEqual(['block', 'heading', 'name', 'path']);
  });

  it('has embeds, callouts, tables and code, and mermaid only when asked', () => {
    const text = notesOf(generateVault(options))
      .map((n) => n.text)
      .join('\n');
    for (const construct of [/!\[\[[^\]]+\.png/, /!\[\[[^\]]+#/, /^> \[!\w+\]/m, /^\| --- \|/m, /^```(ts|bash|yaml)$/m]) expect(text).toMatch(construct);
    const mermaidNotes = (share: number) => notesOf(generateVault({ ...options, mermaidShare: share })).filter((n) => n.text.includes('```mermaid')).length;
    expect(mermaidNotes(0)).toBe(0);
    expect(mermaidNotes(0.1)).toBeGreaterThan(0);
  });

  it("puts the seed note's dataviewjs block, verbatim, in about the requested share of notes", () => {
    const seed = readFileSync(SEED_NOTE, 'utf8').trimEnd();
    const block = seed.slice(seed.indexOf('```dataviewjs'));
    const notes = notesOf(generateVault({ ...options, dataviewShare: 0.25 }));
    const withBlock = notes.filter((n) => n.text.includes('```dataviewjs'));
    expect(withBlock.length).toBeGreaterThan(20);
    expect(withBlock.length).toBeLessThan(80);
    for (const note of withBlock) expect(note.text).toContain(block);
  });
});

describe('writeVault', () => {
  it('writes every file with its date, and never into a folder that holds files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'generated-vault-'));
    const files = generateVault({ ...options, notes: 20 });
    writeVault(dir, files);
    for (const file of files) {
      expect(readFileSync(path.join(dir, file.path))).toEqual(Buffer.from(file.content));
      expect(statSync(path.join(dir, file.path)).mtimeMs).toBe(file.mtime.getTime());
    }
    expect(() => writeVault(dir, files)).toThrow(/not empty/);
  });
});
