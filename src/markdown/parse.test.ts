import { describe, expect, it } from 'vitest';
import { parseBody } from './parse';

describe('parseBody', () => {
  it('reports tags and links with file lines; comment links count, comment tags and text do not', () => {
    const body = ['Intro #one and [[Alpha]].', '', '%% private [[Secret]] #hidden %%', '', '- item [b](Beta%20Note.md#Part) #two'].join('\n');
    const parsed = parseBody(body, 4);
    expect(parsed.tags).toEqual([
      { tag: 'one', line: 4 },
      { tag: 'two', line: 8 },
    ]);
    expect(parsed.links.map(({ target, subpath, source, syntax, line }) => ({ target, subpath, source, syntax, line }))).toEqual([
      { target: 'Alpha', subpath: undefined, source: 'body', syntax: 'wikilink', line: 4 },
      { target: 'Secret', subpath: undefined, source: 'comment', syntax: 'wikilink', line: 6 },
      { target: 'Beta Note.md', subpath: 'Part', source: 'body', syntax: 'markdown', line: 8 },
    ]);
    expect(JSON.stringify(parsed.tree)).not.toContain('private');
  });

  it('numbers lines inside a multi-line comment', () => {
    const parsed = parseBody('a\n%%\nx\n[[Deep]]\n%%\n[[After]]', 1);
    expect(parsed.links.map((link) => [link.target, link.line])).toEqual([
      ['Deep', 4],
      ['After', 6],
    ]);
  });

  it('gives each link the text of its list item or paragraph', () => {
    const parsed = parseBody('- see [[A]] for *details*\n  - nested [[B]]\n\nA sentence with [[C|a link]] inside.', 1);
    expect(parsed.links.map((link) => link.context)).toEqual(['see A for details', 'nested B', 'A sentence with a link inside.']);
  });

  it('cuts long contexts around the link', () => {
    const long = `${'word '.repeat(80)}[[Target]] ${'tail '.repeat(80)}`;
    const [link] = parseBody(long, 1).links;
    expect(link.context?.length).toBeLessThanOrEqual(202);
    expect(link.context).toMatch(/^….*Target.*…$/);
  });

  it('records embeds, image sizes and markdown images', () => {
    const parsed = parseBody('![[pic.png|300]]\n\n![alt](img/a%20b.png)\n\n![](https://x.com/remote.png)', 1);
    expect(parsed.links.map(({ target, display, embed, syntax }) => ({ target, display, embed, syntax }))).toEqual([
      { target: 'pic.png', display: '300', embed: true, syntax: 'wikilink' },
      { target: 'img/a b.png', display: 'alt', embed: true, syntax: 'markdown' },
    ]);
  });

  it('collects headings, block ids and the first paragraph', () => {
    const parsed = parseBody('---\n\n# Title\n\n<!-- note -->\n\nFirst **words** here. ^p1\n\n## Title', 10);
    expect(parsed.headings).toEqual([
      { depth: 1, text: 'Title', slug: 'title', line: 12 },
      { depth: 2, text: 'Title', slug: 'title-1', line: 18 },
    ]);
    expect(parsed.blockIds).toEqual(['p1']);
    expect(parsed.firstParagraph).toBe('First words here.');
  });

  it('counts tags right on tricky input', () => {
    const parsed = parseBody('#1234 #日本語タグ #a/b-c_d https://x.com/#frag `#code` a#b\n\n```\n#no\n```', 1);
    expect(parsed.tags.map((t) => t.tag)).toEqual(['日本語タグ', 'a/b-c_d']);
  });
});

describe('Japanese emphasis', () => {
  it('bolds **「…」** next to kana, as Obsidian does', () => {
    const { tree } = parseBody('保証した**「料理キット（イメージ）」**を真空パックにして', 1);
    const paragraph = tree.children[0] as import('mdast').Paragraph;
    expect(paragraph.children.map((c) => c.type)).toEqual(['text', 'strong', 'text']);
  });
});
