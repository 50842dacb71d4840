// The dataview step on the fixture vault, in process: blocks replaced by output or a notice naming the failure,
// dv.view reading the vault's published files, a private note's text out of reach.
import path from 'node:path';
import type { Html } from 'mdast';
import { describe, expect, test } from 'vitest';
import { KINDS } from '../kinds/registry';
import { isPublished, loadVault } from '../vault/load';
import { runDataviewBlocks } from './dataview';
import { applyReplacement } from './steps';

/** The fixture vault, loaded anew (the step rewrites its trees), and its published notes. */
const freshVault = () => {
  const loaded = loadVault({
    vaultDir: path.resolve(import.meta.dirname, '../../test/fixtures/dataview-vault'),
    excludeFolders: [],
    aliasFallback: false,
    kinds: KINDS,
  });
  return [loaded, [...loaded.notes.values()].filter(isPublished)] as const;
};
const [vault, published] = freshVault();
const options = {
  timeoutMs: 2000,
  lang: 'en' as const,
  hrefFor: (id: string) => `/${id.replace(/\.md$/, '').toLowerCase()}/`,
  hrefForTag: (tag: string) => `/tags/${tag}/`,
};
const { replacements, diagnostics } = await runDataviewBlocks(vault, published, { ...options, enabled: true });
for (const replacement of replacements) applyReplacement(vault.notes.get(replacement.noteId)!.tree, replacement);
const html = (id: string) =>
  vault.notes
    .get(id)!
    .tree.children.filter((n): n is Html => n.type === 'html')
    .map((n) => n.value)
    .join('\n');

describe('the dataview step', () => {
  test('DQL and dataviewjs output replaces each block; dv.view reads the script and CSS kept in the vault', () => {
    const queries = html('Queries.md');
    expect(queries).toContain('ALPHA-OPEN write the plan');
    expect(queries).toContain('<caption>March 2025</caption>');
    expect(queries).toContain('VIEW-CARD Projects');
    expect(queries).toContain('VIEW-CSS-MARKER');
    expect(queries).toContain('secret file: undefined');
    expect(queries).not.toContain('SECRET');
  });

  test('a failing block leaves a notice naming what failed, in the site language, and one diagnostic with file and line', () => {
    expect(html('Throws.md')).toMatch(
      /class="dataview-notice"[^>]*>This Dataview block could not be run\. <span class="dataview-notice-reason">boom from the author/,
    );
    expect(diagnostics.find((d) => d.file === 'Throws.md')).toMatchObject({ line: 4, severity: 'warning' });
  });

  test('inline queries become their value where the code stood, with `this` = the note; a failing one a notice and a diagnostic', () => {
    const paragraph = JSON.stringify(vault.notes.get('Projects/Beta.md')!.tree.children.at(-1));
    const query = (html: string) => JSON.stringify(`<span class="dataview dataview-inline-query">${html}</span>`).slice(1, -1);
    expect(paragraph).toContain(query('March 17, 2025'));
    expect(paragraph).toContain(query('<span>2025-03-17</span>'));
    expect(paragraph).toContain(query('<span>1</span>'));
    expect(paragraph).toContain(query('<span>Projects</span>'));
    expect(paragraph).toContain(query('<span>docker</span>'));
    expect(paragraph).toContain(query('<span>Beta!</span>'));
    // The private note's fields and name are not in the snapshot: null.
    expect(paragraph.split(query('<span>-</span>'))).toHaveLength(3);
    expect(paragraph).toContain('This Dataview inline query could not be evaluated. <span class=\\"dataview-notice-reason\\">Dataview (inline field');
    expect(paragraph).toContain('"type":"inlineCode","value":"code"');
    // An inline field's date value reads as Dataview's reading view shows it.
    expect(paragraph).toContain('"value":"2025-04-01","children":[{"type":"html","value":"April 01, 2025"}]');
    expect(paragraph).not.toContain('"value":"= ');
    expect(diagnostics.filter((d) => d.file === 'Projects/Beta.md')).toEqual([
      expect.objectContaining({ line: 8, severity: 'warning', message: expect.stringContaining("inline field 'this.due +'") }),
    ]);
  });

  test("inline queries off (the vault's Obsidian has Dataview off): inline code stays code, with no diagnostic; blocks still run", async () => {
    const [again, notes] = freshVault();
    const off = await runDataviewBlocks(again, notes, { ...options, enabled: true, inlineQueryPrefix: '', inlineJs: false });
    const beta = off.replacements.filter((r) => r.noteId === 'Projects/Beta.md');
    // Only the typed inline-field value is replaced; none of the inline code spans.
    expect(beta).toHaveLength(1);
    expect(beta.every((r) => r.node.type === 'inlineField')).toBe(true);
    expect(off.diagnostics.filter((d) => d.file === 'Projects/Beta.md')).toEqual([]);
    expect(off.replacements.some((r) => r.noteId === 'Queries.md' && r.node.type === 'html' && r.node.value.includes('ALPHA-OPEN'))).toBe(true);
  });

  test('disabled: every block becomes the notice, and nothing runs', async () => {
    const [again, notes] = freshVault();
    const disabled = await runDataviewBlocks(again, notes, { ...options, enabled: false });
    expect(disabled.diagnostics).toEqual([]);
    expect(disabled.replacements.some((r) => r.noteId === 'Queries.md' && r.node.type === 'html' && r.node.value.includes('was not run'))).toBe(true);
    const inline = disabled.replacements.filter((r) => r.noteId === 'Projects/Beta.md');
    expect(inline).toHaveLength(9);
    expect(inline.every((r) => r.node.type === 'html' && r.node.value.includes('inline query was not evaluated'))).toBe(true);
  });
});
