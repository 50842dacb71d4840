// Folds note text for matching while remembering where each folded character came from, because
// folding changes lengths (`ｶﾞ` → `が`, `㍿` → `株式会社`) and links must wrap the original text.
import { foldForFilter } from './filter';

export interface FoldedText {
  /** `foldForFilter` of the whole input. */
  text: string;
  /** For folded UTF-16 unit i, the original range [start[i], end[i]) it was folded from. */
  start: number[];
  end: number[];
}

/** Marks that NFKC composes with the character before them (combining marks, half-width (han)dakuten). */
const COMBINING = /[\p{M}\uff9e\uff9f]/u;
const foldedChunks = new Map<string, string>();

/**
 * Folds `s` one chunk (a code point plus its combining marks) at a time so every folded unit maps
 * back to the chunk it came from; per-chunk results are cached, ASCII takes a fast path.
 */
export function foldForMatch(s: string): FoldedText {
  const pieces: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < s.length) {
    const chunkEnd = endOfChunk(s, i);
    const folded = chunkEnd === i + 1 && s.charCodeAt(i) < 0x80 ? s[i].toLowerCase() : foldChunk(s.slice(i, chunkEnd));
    pieces.push(folded);
    for (let k = 0; k < folded.length; k++) {
      start.push(i);
      end.push(chunkEnd);
    }
    i = chunkEnd;
  }
  return { text: pieces.join(''), start, end };
}

function endOfChunk(s: string, from: number): number {
  const code = s.charCodeAt(from);
  let next = from + (code >= 0xd800 && code <= 0xdbff && from + 1 < s.length ? 2 : 1);
  while (next < s.length && s.charCodeAt(next) >= 0x300) {
    const mark = String.fromCodePoint(s.codePointAt(next)!);
    if (!COMBINING.test(mark)) break;
    next += mark.length;
  }
  return next;
}

function foldChunk(chunk: string): string {
  let folded = foldedChunks.get(chunk);
  if (folded === undefined) {
    folded = foldForFilter(chunk);
    foldedChunks.set(chunk, folded);
  }
  return folded;
}
