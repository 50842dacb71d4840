import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../test/helpers/markdown';
import { parseBody, parseFragment } from './parse';
import { renderTree } from './render';

const html = (markdown: string, strictLineBreaks?: boolean) =>
  renderTree(parseFragment(markdown), { ...fakeContext('n.md', { 'n.md': '', 'B.md': '' }), strictLineBreaks });

describe('soft line breaks (Obsidian, "Strict line breaks" off)', () => {
  it('renders a single newline inside a paragraph as a line break', () => {
    expect(html('one\ntwo\nthree')).toBe('<p>one<br>\ntwo<br>\nthree</p>');
  });

  it('breaks inside emphasis, list items, quotes and callouts, around links and tags', () => {
    expect(html('*a\nb*')).toBe('<p><em>a<br>\nb</em></p>');
    expect(html('- item\n  more')).toContain('<li>item<br>\nmore</li>');
    expect(html('> a\n> b')).toContain('<p>a<br>\nb</p>');
    expect(html('> [!note] Title\n> a\n> b')).toContain('a<br>\nb');
    expect(html('[[B]]\n#tag')).toMatch(/<a class="internal-link"[^>]*>B<\/a><br>\n<a class="tag"/);
  });

  it('reads CRLF files alike, leaves hard breaks single, and code as written', () => {
    expect(html('a\r\nb')).toBe('<p>a<br>\r\nb</p>');
    expect(html('a  \nb')).toBe('<p>a<br>\nb</p>');
    expect(html('a\\\nb')).toBe('<p>a<br>\nb</p>');
    expect(html('`a\nb`')).not.toContain('<br>');
    expect(html('```\na\nb\n```')).not.toContain('<br>');
  });

  it('with strictLineBreaks: true, a newline is a space, as CommonMark says', () => {
    expect(html('one\ntwo', true)).toBe('<p>one\ntwo</p>');
    expect(html('a  \nb', true)).toBe('<p>a<br>\nb</p>');
  });

  it('leaves the text of a paragraph as it was: descriptions, block ids and tags read it whole', () => {
    const parsed = parseBody('first line\nsecond line #tag ^block-1\n', 1);
    expect(toString(parsed.tree)).toBe('first line\nsecond line #tag');
    expect(parsed.firstParagraph).toBe('first line second line #tag');
    expect(parsed.blockIds).toEqual(['block-1']);
    expect(parsed.tags.map((t) => t.tag)).toEqual(['tag']);
  });
});
