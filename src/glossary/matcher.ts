// One pass per note: an Aho–Corasick automaton over the folded surfaces of every term and alias,
// instead of one regex per term. Surfaces and text are folded alike (see fold.ts); matches are
// leftmost-longest and never overlap.
import { foldForMatch, type FoldedText } from './fold';

export interface MatcherEntry {
  termId: string;
  surface: string;
}

/** A mention in the original text: `text.slice(start, end) === surface`. */
export interface Match {
  start: number;
  end: number;
  termId: string;
  surface: string;
}

export interface Matcher {
  findAll(text: string): Match[];
}

interface Pattern {
  termId: string;
  length: number;
  /** Latin surfaces need a word boundary on that side (`tag` must not match inside `tags`). */
  boundedStart: boolean;
  boundedEnd: boolean;
}

const ROOT = 0;
const NONE = -1;

/** Compiles the surfaces; when two entries fold to the same surface, the first one keeps it. */
export function compileMatcher(entries: MatcherEntry[]): Matcher {
  const children: Map<number, number>[] = [new Map()];
  const patternAt: number[] = [NONE];
  const patterns: Pattern[] = [];
  for (const { termId, surface } of entries) {
    const folded = foldForMatch(surface).text;
    if (folded === '') continue;
    let node = ROOT;
    for (let i = 0; i < folded.length; i++) {
      const unit = folded.charCodeAt(i);
      let child = children[node].get(unit);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        patternAt.push(NONE);
        children[node].set(unit, child);
      }
      node = child;
    }
    if (patternAt[node] !== NONE) continue;
    patternAt[node] = patterns.length;
    patterns.push({
      termId,
      length: folded.length,
      boundedStart: isAsciiWordUnit(folded.charCodeAt(0)),
      boundedEnd: isAsciiWordUnit(folded.charCodeAt(folded.length - 1)),
    });
  }
  const { fail, outputLink } = linkFailures(children, patternAt);
  // Most of a note's text is not in any term: a unit no surface contains sends the scan straight back
  // to the root, and the root's transitions are a flat table (0 = none, as no edge leads to the root).
  const inSomeSurface = new Uint8Array(0x10000);
  const rootChild = new Int32Array(0x10000);
  for (const node of children) for (const unit of node.keys()) inSomeSurface[unit] = 1;
  for (const [unit, child] of children[ROOT]) rootChild[unit] = child;

  function findAll(text: string): Match[] {
    const folded = foldForMatch(text);
    const t = folded.text;
    const candidates: { start: number; pattern: Pattern }[] = [];
    let node = ROOT;
    for (let i = 0; i < t.length; i++) {
      const unit = t.charCodeAt(i);
      if (inSomeSurface[unit] === 0) {
        node = ROOT;
        continue;
      }
      let next = node === ROOT ? undefined : children[node].get(unit);
      while (next === undefined && node !== ROOT) {
        node = fail[node];
        next = node === ROOT ? undefined : children[node].get(unit);
      }
      node = next ?? rootChild[unit];
      for (let out = patternAt[node] !== NONE ? node : outputLink[node]; out !== NONE; out = outputLink[out]) {
        const pattern = patterns[patternAt[out]];
        const start = i + 1 - pattern.length;
        if (isAcceptable(text, folded, start, i + 1, pattern)) candidates.push({ start, pattern });
      }
    }
    candidates.sort((a, b) => a.start - b.start || b.pattern.length - a.pattern.length);
    const matches: Match[] = [];
    let coveredUntil = 0;
    for (const { start, pattern } of candidates) {
      if (start < coveredUntil) continue;
      coveredUntil = start + pattern.length;
      const originalStart = folded.start[start];
      const originalEnd = folded.end[coveredUntil - 1];
      matches.push({ start: originalStart, end: originalEnd, termId: pattern.termId, surface: text.slice(originalStart, originalEnd) });
    }
    return matches;
  }

  return { findAll };
}

/** Breadth-first failure links; `outputLink` jumps to the nearest proper suffix that ends a pattern. */
function linkFailures(children: Map<number, number>[], patternAt: number[]): { fail: number[]; outputLink: number[] } {
  const fail = new Array<number>(children.length).fill(ROOT);
  const outputLink = new Array<number>(children.length).fill(NONE);
  const queue = [...children[ROOT].values()];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const [unit, child] of children[node]) {
      let suffix = fail[node];
      while (suffix !== ROOT && !children[suffix].has(unit)) suffix = fail[suffix];
      const target = children[suffix].get(unit);
      fail[child] = target ?? ROOT;
      outputLink[child] = patternAt[fail[child]] !== NONE ? fail[child] : outputLink[fail[child]];
      queue.push(child);
    }
  }
  return { fail, outputLink };
}

/**
 * Rejects matches that split a folded chunk, that, for Latin edges, touch an ASCII letter or digit, or that end
 * inside a katakana word: a katakana compound is named by its last word (コンテナイメージ is an イメージ), so a term
 * may end one but not begin or cut it (コマンド in コマンドパレット, ビュー in ビューアー).
 */
function isAcceptable(text: string, folded: FoldedText, start: number, end: number, pattern: Pattern): boolean {
  if (start > 0 && folded.start[start - 1] === folded.start[start]) return false;
  if (end < folded.text.length && folded.start[end] === folded.start[end - 1]) return false;
  if (pattern.boundedStart && start > 0 && isAsciiWordUnit(folded.text.charCodeAt(start - 1))) return false;
  if (pattern.boundedEnd && end < folded.text.length && isAsciiWordUnit(folded.text.charCodeAt(end))) return false;
  const after = folded.end[end - 1];
  if (after < text.length && isKatakanaUnit(text.charCodeAt(after)) && isKatakanaUnit(text.charCodeAt(after - 1))) return false;
  return true;
}

/** Katakana letters and the long-vowel mark (not the ・ between words), full and half width. */
function isKatakanaUnit(unit: number): boolean {
  return (unit >= 0x30a1 && unit <= 0x30fa) || unit === 0x30fc || (unit >= 0x31f0 && unit <= 0x31ff) || (unit >= 0xff66 && unit <= 0xff9f);
}

function isAsciiWordUnit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
}
