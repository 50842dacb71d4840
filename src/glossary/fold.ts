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
/** By code unit: 0 not known yet, 1 combines, 2 does not (surrogate pairs are tested each time). */
const combiningUnits = new Uint8Array(0x10000);
/** Folded form of single-unit chunks by code unit (the common case), and of longer chunks by text. */
const foldedUnits = new Array<string | undefined>(0x10000).fill(undefined);
const foldedChunks = new Map<string, string>();

/**
 * Folds `s` one chunk (a code point plus its combining marks) at a time so every folded unit maps
 * back to the chunk it came from; per-chunk results are cached.
 */
export function foldForMatch(s: string): FoldedText {
  const pieces: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < s.length) {
    const chunkEnd = endOfChunk(s, i);
    const folded = chunkEnd === i + 1 ? foldUnit(s, i) : foldChunk(s.slice(i, chunkEnd));
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
  while (next < s.length && isCombiningAt(s, next)) next += s.codePointAt(next)! > 0xffff ? 2 : 1;
  return next;
}

function isCombiningAt(s: string, index: number): boolean {
  const unit = s.charCodeAt(index);
  if (unit < 0x300) return false;
  if (unit >= 0xd800 && unit <= 0xdfff) return COMBINING.test(String.fromCodePoint(s.codePointAt(index)!));
  if (combiningUnits[unit] === 0) combiningUnits[unit] = COMBINING.test(s[index]) ? 1 : 2;
  return combiningUnits[unit] === 1;
}

function foldUnit(s: string, index: number): string {
  const unit = s.charCodeAt(index);
  return (foldedUnits[unit] ??= foldForFilter(s[index]));
}

function foldChunk(chunk: string): string {
  let folded = foldedChunks.get(chunk);
  if (folded === undefined) {
    folded = foldForFilter(chunk);
    foldedChunks.set(chunk, folded);
  }
  return folded;
}
