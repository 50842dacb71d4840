// The words Pagefind's browser search looks up for a query, split as it splits them (pagefind.js, `search`):
// word segments where the language needs them (Japanese), else spaces; punctuation dropped, lower case.
import type { Lang } from '../config/config';

/** The punctuation classes Pagefind drops from a query (dashes, brackets, quotes, other punctuation). */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/u;

export function queryTerms(query: string, lang: Lang): string[] {
  const graphemes = new Intl.Segmenter(lang, { granularity: 'grapheme' });
  const clean = (text: string) =>
    [...graphemes.segment(text)]
      .map(({ segment }) => segment)
      .filter((grapheme) => !DROPPED.test(grapheme))
      .join('')
      .toLocaleLowerCase();
  const words = lang === 'ja' ? [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(query)].map(({ segment }) => clean(segment)) : [clean(query)];
  return words
    .join(' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}
