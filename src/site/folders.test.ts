import { describe, expect, test } from 'vitest';
import { folderTree } from './folders';

const note = (id: string, title = id.slice(id.lastIndexOf('/') + 1).replace(/\.md$/, '')) => {
  const slash = id.lastIndexOf('/');
  return { id, title, url: `/${id}/`, folder: slash === -1 ? '' : id.slice(0, slash), name: title };
};
const ref = ({ id, title, url }: ReturnType<typeof note>) => ({ id, title, url });

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
    const tree = folderTree([n.other, n.deep, n.a10, n.root, n.kana, n.a2]);
    expect(tree).toEqual({
      name: '', path: '', notes: [ref(n.root)],
      folders: [
        {
          name: 'Docker', path: 'Docker', notes: [ref(n.a2), ref(n.a10)],
          folders: [{ name: 'Compose', path: 'Docker/Compose', notes: [ref(n.deep)], folders: [] }],
        },
        { name: 'Linux', path: 'Linux', notes: [ref(n.other)], folders: [] },
        { name: 'あ', path: 'あ', notes: [ref(n.kana)], folders: [] },
      ],
    });
  });

  test('notes sort by title, not file name', () => {
    const tree = folderTree([note('a.md', 'Zebra'), note('z.md', 'Apple')]);
    expect(tree.notes.map((r) => r.title)).toEqual(['Apple', 'Zebra']);
  });

  test('no notes: an empty root', () => {
    expect(folderTree([])).toEqual({ name: '', path: '', folders: [], notes: [] });
  });
});
