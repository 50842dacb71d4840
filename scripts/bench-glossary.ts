// Micro-benchmark of glossary auto-linking: 10,000 generated notes × 1,000 terms, deterministic.
// Run: npx node scripts/bench-glossary.ts   (Node 24 strips the types itself)
import './lib/src-imports.ts';
import { seededRandom } from './lib/prng.ts';
import { performance } from 'node:perf_hooks';
import type { Root } from 'mdast';

const { compileMatcher } = await import('../src/glossary/matcher.ts');
const { linkTermMentions } = await import('../src/glossary/mentions.ts');
const { applyReplacement } = await import('../src/site/steps.ts');

const NOTES = 10_000;
const TERMS = 1_000;
const PARAGRAPHS_PER_NOTE = 8;
const WORDS_PER_PARAGRAPH = 40;

/** The same input on every run. */
function random(seed: number): () => number {
  const source = seededRandom(seed);
  return () => source.next();
}
const next = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
const word = (alphabet: string, min: number, max: number) =>
  Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick([...alphabet])).join('');

const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴパピプペポー';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const KANJI = '設定構成管理実行環境開発運用検索変換記録接続認証暗号圧縮展開';
const FILLER = ['は', 'を', 'に', 'で', 'と', 'の', 'です。', 'します。', 'これは', 'ファイル', '手順', '確認', ' ', 'the ', 'and '];

const terms = Array.from({ length: TERMS }, (_, i) => {
  const kind = i % 3;
  const title = kind === 0 ? word(KATAKANA, 3, 7) : kind === 1 ? word(LATIN, 4, 10) : word(KANJI, 2, 4);
  return { id: `用語集/${i}.md`, surfaces: [title, word(LATIN, 3, 9), `${title}値`] };
});
const entries = terms.flatMap((term) => term.surfaces.map((surface) => ({ termId: term.id, surface })));

const notes = Array.from({ length: NOTES }, () =>
  Array.from({ length: PARAGRAPHS_PER_NOTE }, () =>
    Array.from({ length: WORDS_PER_PARAGRAPH }, () => (next() < 0.05 ? pick(pick(terms).surfaces) : pick(FILLER))).join(''),
  ),
);
const totalChars = notes.reduce((sum, paragraphs) => sum + paragraphs.reduce((s, p) => s + p.length, 0), 0);

let started = performance.now();
const matcher = compileMatcher(entries);
const compileMs = performance.now() - started;

started = performance.now();
let matchCount = 0;
for (const paragraphs of notes) for (const paragraph of paragraphs) matchCount += matcher.findAll(paragraph).length;
const findAllMs = performance.now() - started;

const trees: Root[] = notes.map((paragraphs) => ({
  type: 'root',
  children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
}));
started = performance.now();
let mentionCount = 0;
for (const tree of trees) {
  const link = (termId: string, surface: string) => ({ type: 'link' as const, url: termId, children: [{ type: 'text' as const, value: surface }] });
  const { mentions, splits } = linkTermMentions(tree, matcher, { mode: 'first', alreadyLinked: new Set(), link });
  for (const split of [...splits].reverse()) applyReplacement(tree, split);
  mentionCount += mentions.length;
}
const linkMs = performance.now() - started;

const chars = (totalChars / 1e6).toFixed(1);
console.log(`${NOTES} notes (${chars}M chars), ${TERMS} terms (${entries.length} surfaces)`);
console.log(`compile matcher:        ${compileMs.toFixed(0)} ms`);
console.log(`findAll over all notes: ${findAllMs.toFixed(0)} ms (${matchCount} matches)`);
console.log(`linkTermMentions + applying its splits (mdast, mode first): ${linkMs.toFixed(0)} ms (${mentionCount} mentions)`);
