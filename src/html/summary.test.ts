import { describe, expect, test } from 'vitest';
import { firstParagraphSummary } from './summary';

describe('firstParagraphSummary', () => {
  test('the first paragraph only, tags removed, whitespace collapsed', () => {
    expect(firstParagraphSummary('<h1>Title</h1><p>One <strong>bold</strong>\n  word.</p><p>Second.</p>', 100)).toBe('One bold word.');
    expect(firstParagraphSummary('<pre><code>x</code></pre><h2>no paragraph</h2>', 100)).toBe('');
  });

  test('entities decoded, numeric ones too', () => {
    expect(firstParagraphSummary('<p>a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1F600; &#12354; &nbsp;&copy;</p>', 100)).toBe(
      'a & b <c> "d" \'e\' 😀 あ ©',
    );
  });

  test('cut at a code-point count with …, never inside a surrogate pair', () => {
    expect(firstParagraphSummary('<p>日本語の文章です。</p>', 5)).toBe('日本語の…');
    expect(firstParagraphSummary('<p>日本語</p>', 3)).toBe('日本語');
    // Four emoji are eight UTF-16 units: a cut by units would leave half a pair.
    const cut = firstParagraphSummary('<p>😀😀😀😀</p>', 3);
    expect(cut).toBe('😀😀…');
    expect(cut.isWellFormed()).toBe(true);
  });
});
