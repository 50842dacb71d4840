// A page's first paragraph as plain text: what feeds and link previews show of a note.
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';

/**
 * Text of the first `<p>` of rendered HTML, entities decoded (named and numeric) and whitespace collapsed, cut to
 * `maxChars` code points with `…` when longer: counted by code point, so a cut never splits a surrogate pair.
 */
export function firstParagraphSummary(html: string, maxChars: number): string {
  const paragraph = /<p[\s>][\s\S]*?<\/p>/.exec(html)?.[0];
  if (!paragraph) return '';
  const text = hastText(fromHtml(paragraph, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(text);
  return chars.length > maxChars
    ? `${chars
        .slice(0, maxChars - 1)
        .join('')
        .trimEnd()}…`
    : text;
}
