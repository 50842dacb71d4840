// config `sections`: built-in lists a note's own dataview block already shows are not repeated underneath.
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { dataviewLinkedUrls, shownSections } from './repeated-sections';

const tree: Root = {
  type: 'root',
  children: [
    { type: 'html', value: '<div class="dataview" data-section="dataview"><a href="/a/">A</a><a href="/b/#x">B</a></div>' },
    { type: 'html', value: '<p><a href="/c/">not dataview</a></p>' },
  ],
};
const sections = {
  related: [
    { tag: '#t', ids: ['a', 'b'] },
    { tag: '#u', ids: ['a', 'c'] },
  ],
  outgoing: [{ id: 'b', backlinks: [] }],
};
const url = (id: string) => `/${id}/`;

describe('sections', () => {
  test('the URLs a dataview block links to, without fragments; other HTML does not count', () => {
    expect([...dataviewLinkedUrls(tree)]).toEqual(['/a/', '/b/']);
  });

  test('auto drops the lists whose notes the block all lists; always keeps them; never drops all', () => {
    const listed = dataviewLinkedUrls(tree);
    expect(shownSections(sections, 'auto', listed, url)).toEqual({ related: [{ tag: '#u', ids: ['a', 'c'] }], outgoing: [] });
    expect(shownSections(sections, 'always', listed, url)).toBe(sections);
    expect(shownSections(sections, 'never', listed, url)).toEqual({ related: [], outgoing: [] });
    expect(shownSections(sections, 'auto', new Set(), url)).toBe(sections);
  });
});
