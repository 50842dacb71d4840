import { describe, expect, test } from 'vitest';
import { allFolders, folderPath, folderTree } from './folders';

const note = (id: string, title = id.slice(id.lastIndexOf('/') + 1).replace(/\.md$/, '')) => {
  const slash = id.lastIndexOf('/');
  return { id, title, url: `/${id}/`, modified: '2025-01-01T00:00:00.000Z', folder: slash === -1 ? '' : id.slice(0, slash), name: title };
};
const ref = ({ id, title, url, modified }: ReturnType<typeof note>) => ({ id, title, url, modified });

describe('folderTree', () => {
  test('nested folders, notes and folders sorted (numbers numerically, Japanese by reading order)', () => {
    const n = {
      root: note('Welcome.md'),
      a10: note('Docker/10 Volumes.md'),
      a2: note('Docker/2 Images.md'),
      deep: note('Docker/Compose/入門.md'),
      kana: note('あ/い.md'),
      other: note('Linux/Shell.md'),
    };
    const tree = folderTree([n.other, n.deep, n.a10, n.root, n.kana, n.a2], '/base/');
    expect(tree).toEqual({
      name: '',
      path: '',
      slug: '',
      url: '/base/',
      count: 6,
      notes: [ref(n.root)],
      folders: [
        {
          name: 'Docker',
          path: 'Docker',
          slug: 'docker',
          url: '/base/folders/docker/',
          count: 3,
          notes: [ref(n.a2), ref(n.a10)],
          folders: [
            {
              name: 'Compose',
              path: 'Docker/Compose',
              slug: 'docker/compose',
              url: '/base/folders/docker/compose/',
              count: 1,
              notes: [ref(n.deep)],
              folders: [],
            },
          ],
        },
        { name: 'Linux', path: 'Linux', slug: 'linux', url: '/base/folders/linux/', count: 1, notes: [ref(n.other)], folders: [] },
        { name: 'あ', path: 'あ', slug: 'あ', url: '/base/folders/あ/', count: 1, notes: [ref(n.kana)], folders: [] },
      ],
    });
    expect(allFolders(tree).map((f) => f.path)).toEqual(['Docker', 'Docker/Compose', 'Linux', 'あ']);
    expect(folderPath(tree, 'Docker/Compose').map((f) => f.name)).toEqual(['Docker', 'Compose']);
    expect(folderPath(tree, '')).toEqual([]);
  });

  test('notes sort by title, not file name', () => {
    const tree = folderTree([note('a.md', 'Zebra'), note('z.md', 'Apple')], '/');
    expect(tree.notes.map((r) => r.title)).toEqual(['Apple', 'Zebra']);
  });

  test('no notes: an empty root', () => {
    expect(folderTree([], '/')).toEqual({ name: '', path: '', slug: '', url: '/', count: 0, folders: [], notes: [] });
  });
});
