import { expect, test } from 'vitest';
import { folderTree } from './folders';
import { folderNeighbours } from './neighbours';

const note = (id: string) => {
  const folder = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
  const name = id.slice(id.lastIndexOf('/') + 1);
  return { id: `${id}.md`, title: name, name, folder, url: `/${id}/`, modified: '2025-01-01T00:00:00.000Z' };
};

test('neighbours stay inside one folder, in the sidebar order (numeric, Japanese)', () => {
  const tree = folderTree(['a/step 10', 'a/step 2', 'a/step 1', 'a/sub/x', 'b/only', 'root'].map(note), '/');
  const n = folderNeighbours(tree);
  expect(n.get('a/step 1.md')).toEqual({ next: { id: 'a/step 2.md', title: 'step 2', url: '/a/step 2/', modified: '2025-01-01T00:00:00.000Z' } });
  expect(n.get('a/step 2.md')?.previous?.id).toBe('a/step 1.md');
  expect(n.get('a/step 2.md')?.next?.id).toBe('a/step 10.md');
  expect(n.get('a/step 10.md')?.next).toBeUndefined();
  expect(n.get('a/sub/x.md')).toEqual({});
  expect(n.get('b/only.md')).toEqual({});
  expect(n.get('root.md')).toEqual({});
});
