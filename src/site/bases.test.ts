import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BaseData } from '../kinds/base';
import { KINDS } from '../kinds/registry';
import { isPublished, loadVault } from '../vault/load';
import type { VaultEntry } from '../vault/types';
import { runBases } from './bases';

const vaultDir = path.resolve(import.meta.dirname, '../../test/fixtures/vaults/bases/vault');

function run(lang: 'en' | 'ja' = 'en') {
  const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
  const published = [...vault.notes.values()].filter(isPublished);
  const pages = new Set([...vault.files.values()].filter((e) => e.kind !== 'attachment' && e.publish.published).map((e) => e.id));
  const { diagnostics } = runBases(vault, published, {
    lang,
    clock: () => Date.UTC(2026, 11, 1),
    hrefFor: (id) => (pages.has(id) || id === 'dune.png' ? `/${id}/` : undefined),
    hrefForTag: (tag) => `/tags/${tag}/`,
    attachments: new Map([['dune.png', { size: 70, mtimeMs: 0 }]]),
  });
  const html = (id: string) => JSON.stringify(vault.notes.get(id)!.tree);
  return { vault, diagnostics, html };
}

describe('the bases step', () => {
  it('reads .base files as pages with their own links, never as attachments', () => {
    const { vault } = run();
    const base = vault.files.get('Books.base') as VaultEntry<BaseData>;
    expect(base).toMatchObject({ kind: 'base', title: 'Books', publish: { published: true }, data: { source: expect.stringContaining('views:') } });
    expect(base.data.html).toContain('base-tabs');
    expect(base.data.html).not.toContain('tsunagu-trusted');
  });

  it('replaces embeds and blocks in the trees, and reports a broken formula once with file and line', () => {
    const { diagnostics, html } = run();
    const library = html('Library.md');
    expect(library).not.toContain('"wikiLink"');
    expect(library).toContain('data-view=\\"Shelf\\"');
    expect(library).toContain('data-view=\\"Sci-fi\\"');
    expect(diagnostics).toEqual([
      { file: 'Books.base', line: 8, severity: 'warning', message: expect.stringMatching(/^base: formula\.broken: unknown function frobnicate\(\)/) },
    ]);
    expect(html('People/Frank Herbert.md')).toMatch(/By author.*1 result/);
  });

  it('speaks the site language', () => {
    const { html } = run('ja');
    expect(html('Library.md')).toContain('3 件');
    expect(html('Library.md')).toContain('平均');
  });

  it('reports a broken base file and a broken block at their lines, and the rest still renders', async () => {
    const { readBase } = await import('../bases/model');
    const { compileBase } = await import('../bases/query');
    const base = compileBase(readBase('views:\n  - type: table\n    filters: "rating >"\n  - type: cards\n'));
    expect(base.problems).toEqual([{ line: 3, message: expect.stringMatching(/filter “rating >” cannot be read/) }]);
    expect(base.model.views).toHaveLength(2);
  });
});
