import { describe, expect, it } from 'vitest';
import { remarkObsidianTags } from './tags';
import { nodesOfType, treeWith } from '../../test/helpers/markdown';
import { remarkWikiLinks } from './wikilinks';

function tags(markdown: string): string[] {
  return nodesOfType(treeWith(markdown, remarkWikiLinks, remarkObsidianTags), 'obsidianTag').map((node) => node.tag);
}

describe('inline tags', () => {
  it('follows the character rules', () => {
    expect(tags('#tag #1234 #日本語タグ #a/b-c_d #y2024 #t-notes/Docker')).toEqual(['tag', '日本語タグ', 'a/b-c_d', 'y2024', 't-notes/Docker']);
  });

  it('needs whitespace or the start before the #', () => {
    expect(tags('a#b x.com/#frag 日本#語 ＃全角 (#paren)')).toEqual([]);
    expect(tags('line one\n#two\tand\u3000#three')).toEqual(['two', 'three']);
  });

  it('ends at punctuation', () => {
    expect(tags('end #tag. and #other, #q?')).toEqual(['tag', 'other', 'q']);
  });

  it('skips code, links, URLs and escaped hashes', () => {
    expect(tags('`#code` [#label](x.md) https://x.com/#frag <https://y.com/#z> \\#escaped [[Note#Heading]]')).toEqual([]);
    expect(tags('```\n#fenced\n```')).toEqual([]);
  });

  it('finds tags in headings, emphasis, lists and tables but not the heading marker', () => {
    expect(tags('# Title #inheading\n\n- item #inlist\n\n**#bold**\n\n| a |\n|---|\n| #cell |')).toEqual(['inheading', 'inlist', 'bold', 'cell']);
    expect(tags('# Heading only')).toEqual([]);
  });

  it('does not start a tag right after another inline node', () => {
    expect(tags('`code`#x [[Note]]#y')).toEqual([]);
  });

  it('keeps the surrounding text and positions', () => {
    const tree = treeWith('x\n\nsee #tag here', remarkObsidianTags);
    const paragraph = tree.children[1];
    expect(paragraph.type === 'paragraph' && paragraph.children.map((n) => n.type)).toEqual(['text', 'obsidianTag', 'text']);
    expect(nodesOfType(tree, 'obsidianTag')[0]).toMatchObject({
      value: '#tag',
      position: { start: { line: 3, column: 5, offset: 7 }, end: { line: 3, column: 9 } },
    });
  });
});
