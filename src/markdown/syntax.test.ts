import { describe, expect, it } from 'vitest';
import { remarkKbd } from '../../test/fixtures/plugins/remark-kbd';
import { markdownParser } from './parse';
import { renderTree } from './render';
import { SYNTAX } from './syntax';
import { fakeContext } from '../../test/helpers/markdown';

describe('adding a syntax', () => {
  it('takes a plugin file and one line in the syntax list: {{x}} becomes <kbd>x</kbd>', () => {
    const parse = markdownParser([...SYNTAX, remarkKbd]);
    const html = renderTree(parse('Press {{Ctrl}} + {{C}} to copy [[Home]].'), fakeContext('Home.md', { 'Home.md': '' }));
    expect(html).toBe('<p>Press <kbd>Ctrl</kbd> + <kbd>C</kbd> to copy <a class="internal-link" href="/n/Home.md">Home</a>.</p>');
  });

  it('without the line, the text stays as written', () => {
    expect(renderTree(markdownParser()('Press {{Ctrl}}.'), fakeContext('Home.md', { 'Home.md': '' }))).toBe('<p>Press {{Ctrl}}.</p>');
  });
});
