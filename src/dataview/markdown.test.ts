import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../test/helpers/markdown';
import { inlineMarkdownRenderer } from './markdown';

const render = inlineMarkdownRenderer(() => fakeContext('A.md', { 'A.md': '', 'B.md': '' }));

describe('text values of block output', () => {
  it('render as markdown, one paragraph without its <p>', () => {
    expect(render('**bold** and [[B]]', 'A.md')).toBe('<strong>bold</strong> and <a class="internal-link" href="/n/B.md">B</a>');
  });

  it('stay within the note budgets: a value flooded with emphasis marks shows them as written', () => {
    // A note's field or text a query lists is parsed again here; it took minutes when only note bodies were bounded.
    const flood = '*_'.repeat(5000);
    expect(render(flood, 'A.md')).toBe(flood);
  });
});
