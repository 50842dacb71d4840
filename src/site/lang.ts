// The site's language when the settings leave it out: Japanese when most published notes are mostly Japanese. Each
// note has one vote, so that no single note (a pasted log, five thousand English tags) decides a whole site's language.
import type { Root } from 'mdast';
import type { Lang } from '../config/config';
import { reuseEach } from './note-memo';
import { keyWith, type TreeKey } from './tree-states';

export interface DetectedLang {
  lang: Lang;
  /** Notes whose prose is mostly Japanese, and notes with prose, for the build report. */
  japaneseNotes: number;
  notesWithProse: number;
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー]/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;
/** Code, math and raw HTML say nothing about the language the author writes in. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'html', 'yaml']);
/** About how many Japanese characters carry one English word's worth of text. */
const CHARS_PER_WORD = 2;

/** Whether a note's prose is mostly Japanese; undefined when it has none. */
function noteIsJapanese(note: { title: string; tree: Root }): boolean | undefined {
  let japaneseChars = 0;
  let latinWords = 0;
  const count = (text: string) => {
    japaneseChars += text.match(JAPANESE)?.length ?? 0;
    latinWords += text.match(LATIN_WORD)?.length ?? 0;
  };
  // A stack, not recursion: the tree's depth comes from the note.
  const stack: { type: string; value?: unknown; children?: unknown[] }[] = [note.tree];
  count(note.title);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (NOT_PROSE.has(node.type)) continue;
    if (typeof node.value === 'string') count(node.value);
    for (const child of node.children ?? []) stack.push(child as typeof node);
  }
  if (japaneseChars === 0 && latinWords === 0) return undefined;
  return japaneseChars / CHARS_PER_WORD > latinWords;
}

/** `treeKey`: a note's vote is reused while its tree and title are unchanged (the dev server asks at every save). */
export function detectLang(notes: readonly { id: string; title: string; tree: Root }[], treeKey?: TreeKey): DetectedLang {
  let japaneseNotes = 0;
  let notesWithProse = 0;
  // null, not undefined: a kept result is JSON (note-memo.ts).
  for (const japanese of reuseEach(
    'lang',
    notes,
    (note) => keyWith(treeKey, note, note.title),
    (note) => noteIsJapanese(note) ?? null,
  )) {
    if (japanese === null) continue;
    notesWithProse++;
    if (japanese) japaneseNotes++;
  }
  return { lang: japaneseNotes * 2 > notesWithProse ? 'ja' : 'en', japaneseNotes, notesWithProse };
}
