// The site's language when the settings leave it out: Japanese when most of the published text is Japanese.
import type { Root } from 'mdast';
import type { Lang } from '../config/config';

export interface DetectedLang {
  lang: Lang;
  /** Japanese characters (kana, kanji) and Latin words counted, for the build report. */
  japaneseChars: number;
  latinWords: number;
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー]/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;
/** Code, math and raw HTML say nothing about the language the author writes in. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'html', 'yaml']);
/** About how many Japanese characters carry one English word's worth of text. */
const CHARS_PER_WORD = 2;

export function detectLang(notes: Iterable<{ title: string; tree: Root }>): DetectedLang {
  let japaneseChars = 0;
  let latinWords = 0;
  const count = (text: string) => {
    japaneseChars += text.match(JAPANESE)?.length ?? 0;
    latinWords += text.match(LATIN_WORD)?.length ?? 0;
  };
  const visit = (node: { type: string; value?: unknown; children?: unknown[] }) => {
    if (NOT_PROSE.has(node.type)) return;
    if (typeof node.value === 'string') count(node.value);
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  for (const note of notes) {
    count(note.title);
    visit(note.tree);
  }
  return { lang: japaneseChars / CHARS_PER_WORD > latinWords ? 'ja' : 'en', japaneseChars, latinWords };
}
