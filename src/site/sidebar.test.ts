import { describe, expect, test } from 'vitest';
import { folderTree } from './folders';
import { sidebarView } from './sidebar';

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
