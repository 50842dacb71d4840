import { describe, expect, test } from 'vitest';
import { folderTree } from './folders';
import { sidebarKey, sidebarView } from './sidebar';

const notes = (folder: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const title = `n${String(i).padStart(3, '0')}`;
    const id = `${folder ? `${folder}/` : ''}${title}.md`;
    return { id, title, url: `/${id}/`, modified: '2025-01-01T00:00:00.000Z', folder };
  });

describe('sidebarView', () => {
  test('a small vault: the whole tree, open on the current path, the current note marked', () => {
    const tree = folderTree([...notes('', 1), ...notes('A/B', 2), ...notes('C', 1)], '/');
    const view = sidebarView(tree, 'A/B/n001.md', 'A/B');
    expect(view.folders.map((f) => [f.name, f.open, Boolean(f.contents)])).toEqual([
      ['A', true, true],
      ['C', false, true],
    ]);
    expect(view.folders[0].contents!.folders[0].contents!.notes.map((n) => [n.title, n.current])).toEqual([
      ['n000', false],
      ['n001', true],
    ]);
    expect(view.more).toBeUndefined();
  });

  test('a large vault: other folders are links, a big folder shows a window around the current note', () => {
    const tree = folderTree([...notes('Big', 300), ...notes('Other', 5)], '/');
    const view = sidebarView(tree, 'Big/n150.md', 'Big');
    const [big, other] = view.folders;
    expect(other).toEqual({ name: 'Other', url: other.url, count: 5, open: false });
    expect(big.contents!.notes.map((n) => n.title)).toEqual(Array.from({ length: 30 }, (_, i) => `n${135 + i}`));
    expect(big.contents!.more).toEqual({ name: 'Big', url: big.url, count: 300 });
  });
});

describe('sidebarKey', () => {
  type Note = ReturnType<typeof notes>[number];
  const vault = (edit: (note: Note) => Note = (note) => note) =>
    folderTree([...notes('Big/Sub', 300), ...notes('Big', 40), ...notes('Other', 5)].map(edit), '/');
  const retitled = (id: string) => (note: Note) => (note.id === id ? { ...note, title: 'renamed' } : note);
  const pages: [string, string][] = [
    ['Big/Sub/n150.md', 'Big/Sub'],
    ['Big/n005.md', 'Big'],
    ['Other/n001.md', 'Other'],
  ];

  // Equal keys must mean equal views (a stale sidebar otherwise); a key may change where the view does not.
  test('changes whenever the view does: a title in a window, a folder on the path, the current page', () => {
    const before = vault();
    let changedViews = 0;
    for (const change of ['Big/Sub/n140.md', 'Big/n001.md', 'Other/n004.md', 'Big/Sub/n299.md']) {
      const after = vault(retitled(change));
      for (const [id, folder] of pages) {
        const viewChanged = JSON.stringify(sidebarView(after, id, folder)) !== JSON.stringify(sidebarView(before, id, folder));
        if (viewChanged) changedViews++;
        if (viewChanged) expect(sidebarKey(after, id, folder), `${change} on ${id}`).not.toBe(sidebarKey(before, id, folder));
      }
    }
    expect(changedViews).toBe(4);
    expect(sidebarKey(before, 'Big/Sub/n150.md', 'Big/Sub')).not.toBe(sidebarKey(before, 'Big/Sub/n151.md', 'Big/Sub'));
  });

  test('stays when a folder the page does not open changes, or a date the sidebar does not show', () => {
    const before = vault();
    expect(sidebarKey(vault(retitled('Big/Sub/n140.md')), 'Other/n001.md', 'Other')).toBe(sidebarKey(before, 'Other/n001.md', 'Other'));
    const redated = vault((note) => ({ ...note, modified: '2026-01-01T00:00:00.000Z' }));
    expect(sidebarKey(redated, 'Big/n005.md', 'Big')).toBe(sidebarKey(before, 'Big/n005.md', 'Big'));
  });
});
