import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it, test } from 'vitest';
import { parseWikiLink, remarkWikiLinks, type WikiLink, wikiLinkText } from './wikilinks';

function wikiLinks(markdown: string): Omit<WikiLink, 'position'>[] {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkWikiLinks).parse(markdown);
  const found: Omit<WikiLink, 'position'>[] = [];
  visit(tree, 'wikiLink', ({ position, ...link }) => {
    found.push(link);
  });
  return found;
}

describe('wikilinks', () => {
  it('parses target, subpath and display', () => {
    expect(wikiLinks('see [[folder/Note#Heading|the note]] here')).toEqual([
      { type: 'wikiLink', value: 'the note', target: 'folder/Note', subpath: 'Heading', display: 'the note', embed: false },
    ]);
  });

  it('keeps underscores, emphasis markers and links inside the brackets raw', () => {
    expect(wikiLinks('[[a_b_c]] and [[Note|*x*]] and [[http://x.com]]').map((l) => [l.target, l.display])).toEqual([
      ['a_b_c', undefined],
      ['Note', '*x*'],
      ['http://x.com', undefined],
    ]);
  });

  it('handles same-note headings, block refs and .md targets', () => {
    expect(wikiLinks('[[#Heading]] [[Note#^block-1]] [[Note.md]]').map((l) => [l.target, l.subpath, l.value])).toEqual([
      ['', 'Heading', 'Heading'],
      ['Note', '^block-1', 'Note > ^block-1'],
      ['Note.md', undefined, 'Note.md'],
    ]);
  });

  it('reads an escaped bar inside a GFM table cell as the display separator', () => {
    const links = wikiLinks('| a | b |\n|---|---|\n| [[Note\\|text]] | x |');
    expect(links.map((l) => [l.target, l.display])).toEqual([['Note', 'text']]);
  });

  it('marks embeds and keeps an image size as display', () => {
    expect(wikiLinks('![[pic.png|100x145]]\n\n![[Note#Part]]').map((l) => [l.target, l.display, l.embed, l.value])).toEqual([
      ['pic.png', '100x145', true, ''],
      ['Note', undefined, true, ''],
    ]);
  });

  it('records the position of the whole link', () => {
    const tree = unified().use(remarkParse).use(remarkWikiLinks).parse('x\n\nab [[Note]]');
    let start: unknown;
    visit(tree, 'wikiLink', (node) => {
      start = node.position?.start;
    });
    expect(start).toMatchObject({ line: 3, column: 4 });
  });

  it('leaves non-links alone', () => {
    expect(wikiLinks('[[]] [[ ]] [[a\nb]] [[a]b]] [x](y) `[[code]]`')).toEqual([]);
  });

  it('shows nested subpaths like Obsidian', () => {
    expect(wikiLinkText(parseWikiLink('Note#A#B'))).toBe('Note > A > B');
  });
});

describe('parseWikiLink', () => {
  test.each([
    ['Note', { target: 'Note' }],
    [' Note ', { target: 'Note' }],
    ['Note#Heading', { target: 'Note', subpath: 'Heading' }],
    ['Note#A#B|shown', { target: 'Note', subpath: 'A#B', display: 'shown' }],
    ['#^block', { target: '', subpath: '^block' }],
    ['folder/Note.md|', { target: 'folder/Note.md' }],
    ['pic.png|300', { target: 'pic.png', display: '300' }],
    ['Note\\|shown', { target: 'Note', display: 'shown' }],
  ])('%s', (inner, parts) => {
    expect(parseWikiLink(inner)).toEqual(parts);
  });
});
