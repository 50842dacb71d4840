// The snapshot index: the order Dataview lists pages in when no SORT orders them.
import { expect, test } from 'vitest';
import { page } from '../test-vault';
import type { Link } from './values';
import { VaultIndex } from './vault-index';

test("pages are listed as Obsidian lists the vault: each folder's entries by name (code units), a folder's files where it comes", () => {
  // Dataview walks the vault's folder tree (data-index/index.ts PrefixIndex.get over TFolder.children), and Obsidian
  // reads each folder's entries sorted by name: `Daily` before `Daily Notes` before `Daily.md`, capitals first.
  const paths = ['Daily.md', 'Daily Notes/b.md', 'Daily/a.md', 'apple.md', 'Zebra.md', 'Daily Notes/A.md', 'Daily/Sub/c.md', 'Daily/b.md'];
  const index = new VaultIndex(paths.map((path) => page(path)));
  expect(index.pages.map((p) => p.path)).toEqual([
    'Daily/Sub/c.md',
    'Daily/a.md',
    'Daily/b.md',
    'Daily Notes/A.md',
    'Daily Notes/b.md',
    'Daily.md',
    'Zebra.md',
    'apple.md',
  ]);
});

test("a list item's section is a link to its heading as Dataview names it in links (Link.header normalises it)", () => {
  // Dataview: meta(L.section).subpath of an item under `## Meat & Ready-made` is "Meat Ready-made".
  const item = { line: 3, lineCount: 1, text: '2 pizzas', symbol: '-', list: 3, section: 'Meat & Ready-made', tags: [], outlinks: [], fields: [] };
  const index = new VaultIndex([
    page('Pantry.md', { lists: [item], outlinks: [{ path: 'Pantry.md', subpath: 'Meat & Ready-made', type: 'header', embed: false }] }),
  ]);
  const file = index.row(index.pages[0]).file as { lists: { section: Link }[]; outlinks: Link[] };
  expect(file.lists[0].section.subpath).toBe('Meat Ready-made');
  expect(file.outlinks[0].subpath).toBe('Meat Ready-made');
});
