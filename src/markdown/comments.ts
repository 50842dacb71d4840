// Obsidian comments (`%%…%%`) are cut out before markdown parsing, so their text can never reach a page.
// Only their line breaks stay, so everything after them keeps its line number. Obsidian still indexes the
// links and tags written inside comments, so the removed texts are returned for extraction.

interface RemovedComment {
  /** Text between the `%%` markers. */
  text: string;
  /** 1-based line of the input on which the comment (and so `text`) starts. */
  line: number;
}

interface CommentStrip {
  text: string;
  comments: RemovedComment[];
}

const MARKER = '%%';
/** A fence opener, also inside blockquotes and list items (indentation is not checked: loose on purpose). */
const FENCE_OPEN = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*(`{3,}|~{3,})/;
const BLANK_LINE = /\n[ \t]*\r?\n/g;

/** Removes every `%%comment%%` outside code; an unclosed `%%` hides the rest of the note, as in Obsidian. */
export function stripComments(input: string): CommentStrip {
  const pieces: string[] = [];
  const comments: RemovedComment[] = [];
  let copiedUpTo = 0;
  let i = 0;
  // Comments come in input order, so line numbers are counted forward once, not from the start for each comment.
  let line = 1;
  let countedUpTo = 0;
  const lineAt = (index: number) => {
    for (let n = input.indexOf('\n', countedUpTo); n >= 0 && n < index; n = input.indexOf('\n', n + 1)) line++;
    countedUpTo = index;
    return line;
  };
  while (i < input.length) {
    const codeEnd = skipCode(input, i);
    if (codeEnd > i) {
      i = codeEnd;
      continue;
    }
    if (!input.startsWith(MARKER, i)) {
      i++;
      continue;
    }
    const close = input.indexOf(MARKER, i + MARKER.length);
    const end = close < 0 ? input.length : close + MARKER.length;
    comments.push({ text: input.slice(i + MARKER.length, close < 0 ? end : close), line: lineAt(i) });
    pieces.push(input.slice(copiedUpTo, i), input.slice(i, end).replace(/[^\r\n]/g, ''));
    copiedUpTo = i = end;
  }
  pieces.push(input.slice(copiedUpTo));
  return { text: pieces.join(''), comments };
}

/** End of the fenced block or inline code span starting at `i`, or `i` when none starts there. */
function skipCode(input: string, i: number): number {
  if (i === 0 || input[i - 1] === '\n') {
    const fence = FENCE_OPEN.exec(lineFrom(input, i));
    if (fence) return fencedBlockEnd(input, i, fence[1]);
  }
  return input[i] === '`' ? inlineCodeEnd(input, i) : i;
}

function fencedBlockEnd(input: string, start: number, opener: string): number {
  const closer = new RegExp(`^[ \\t>]*\\${opener[0]}{${opener.length},}[ \\t]*\\r?$`);
  let lineStart = nextLineStart(input, start);
  while (lineStart < input.length) {
    const next = nextLineStart(input, lineStart);
    if (closer.test(lineFrom(input, lineStart))) return next;
    lineStart = next;
  }
  return input.length;
}

/** A run of n backticks closes at the next run of exactly n in the same paragraph; unmatched runs are literal. */
function inlineCodeEnd(input: string, start: number): number {
  const length = runLength(input, start);
  BLANK_LINE.lastIndex = start;
  const paragraphEnd = BLANK_LINE.exec(input)?.index ?? input.length;
  for (let j = input.indexOf('`', start + length); j >= 0 && j < paragraphEnd; j = input.indexOf('`', j)) {
    const run = runLength(input, j);
    if (run === length) return j + run;
    j += run;
  }
  return start + length;
}

function runLength(input: string, start: number): number {
  let end = start;
  while (input[end] === input[start]) end++;
  return end - start;
}

function lineFrom(input: string, start: number): string {
  const end = input.indexOf('\n', start);
  return input.slice(start, end < 0 ? input.length : end);
}

function nextLineStart(input: string, from: number): number {
  const end = input.indexOf('\n', from);
  return end < 0 ? input.length : end + 1;
}
