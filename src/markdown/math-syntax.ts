// micromark constructs for Obsidian's math delimiters (Pandoc's rules, which Obsidian follows):
// - `$$` at the start of a line opens a block that closes at the next `$$` ending a line (the same line included:
//   `$$x$$`); a block never closed is not math, its text stays as written.
// - inside text, `$$…$$` is display math; `$…$` is inline math on one line, whose opening `$` is not followed by
//   whitespace and whose closing `$` is not preceded by whitespace nor followed by a digit (`$5 と $10` is text).
// - `\$` is a literal dollar (micromark's character escape takes it before these constructs see it); inside math,
//   a backslash keeps the next character, so `\$` never closes.
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mathFlow: 'mathFlow';
    mathFlowFence: 'mathFlowFence';
    mathFlowValue: 'mathFlowValue';
    mathText: 'mathText';
    mathTextData: 'mathTextData';
  }
}

const DOLLAR = 36;
const BACKSLASH = 92;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const SPACE = 32;

/** micromark codes: -5…-3 line endings, -2 tab, -1 virtual space (tab expansion). */
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === SPACE || code === -2 || code === -1;
const isDigit = (code: Code): boolean => code !== null && code >= DIGIT_0 && code <= DIGIT_9;

const mathFlow: Construct = { name: 'mathFlow', tokenize: tokenizeMathFlow, concrete: true };
const mathText: Construct = { name: 'mathText', tokenize: tokenizeMathText, previous: (code) => code !== DOLLAR };
const closingFence: Construct = { tokenize: tokenizeClosingFence, partial: true };
const nonLazyContinuation: Construct = { tokenize: tokenizeNonLazyContinuation, partial: true };

export const mathSyntax: Extension = { flow: { [DOLLAR]: mathFlow }, text: { [DOLLAR]: mathText } };

function tokenizeMathFlow(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let firstLine = true;
  let afterDollar = false;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('mathFlow');
    effects.enter('mathFlowFence');
    effects.consume(code);
    return secondDollar;
  }

  function secondDollar(code: Code): State | undefined {
    if (code !== DOLLAR) return nok(code);
    effects.consume(code);
    return afterOpening;
  }

  function afterOpening(code: Code): State | undefined {
    if (code === DOLLAR) return nok(code);
    effects.exit('mathFlowFence');
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return lineEnd(code);
    if (code === DOLLAR) return effects.check(closingFence, closeAtLineStart, startValue)(code);
    return startValue(code);
  }

  function startValue(code: Code): State | undefined {
    effects.enter('mathFlowValue');
    return value(code);
  }

  function closeAtLineStart(code: Code): State | undefined {
    return effects.attempt(closingFence, done, nok)(code);
  }

  function value(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('mathFlowValue');
      return lineEnd(code);
    }
    if (code === DOLLAR) return effects.check(closingFence, close, dollarInValue)(code);
    afterDollar = false;
    effects.consume(code);
    return code === BACKSLASH ? escaped : value;
  }

  function escaped(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return value(code);
    effects.consume(code);
    return value;
  }

  function dollarInValue(code: Code): State | undefined {
    // `$$x$$ and more` on the opening line is display math inside a paragraph, not a block.
    if (firstLine && afterDollar) return nok(code);
    afterDollar = true;
    effects.consume(code);
    return value;
  }

  function close(code: Code): State | undefined {
    effects.exit('mathFlowValue');
    return effects.attempt(closingFence, done, nok)(code);
  }

  function lineEnd(code: Code): State | undefined {
    // Unclosed at the end of the document or of its container: not math.
    if (code === null) return nok(code);
    // Whether a block can interrupt a paragraph is decided on its first line, as for code fences.
    if (self.interrupt) return ok(code);
    firstLine = false;
    afterDollar = false;
    return effects.attempt(nonLazyContinuation, lineStart, nok)(code);
  }

  function done(code: Code): State | undefined {
    effects.exit('mathFlow');
    return ok(code);
  }
}

/** `$$` then only whitespace to the end of the line. */
function tokenizeClosingFence(effects: Effects, ok: State, nok: State): State {
  let dollars = 0;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('mathFlowFence');
    return sequence(code);
  }

  function sequence(code: Code): State | undefined {
    if (code === DOLLAR && dollars < 2) {
      dollars++;
      effects.consume(code);
      return sequence;
    }
    if (dollars < 2) return nok(code);
    return trailing(code);
  }

  function trailing(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return trailing;
    }
    if (code !== null && !isLineEnding(code)) return nok(code);
    effects.exit('mathFlowFence');
    return ok(code);
  }
}

/** The next line still belongs to the block's container (not a lazy paragraph continuation). */
function tokenizeNonLazyContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return (code: Code) => {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return (next: Code) => (this.parser.lazy[this.now().line] ? nok(next) : ok(next));
  };
}

function tokenizeMathText(effects: Effects, ok: State, nok: State): State {
  let afterSpace = false;
  let displayContent = false;
  let inData = false;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('mathText');
    effects.consume(code);
    return afterOpening;
  }

  function afterOpening(code: Code): State | undefined {
    if (code === DOLLAR) {
      effects.consume(code);
      return display;
    }
    if (code === null || isLineEnding(code) || isSpace(code)) return nok(code);
    return inline(code);
  }

  function inline(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    if (code === DOLLAR && !afterSpace) {
      effects.consume(code);
      return inlineAfterDollar;
    }
    afterSpace = isSpace(code);
    effects.consume(code);
    return code === BACKSLASH ? inlineEscaped : inline;
  }

  function inlineEscaped(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    afterSpace = false;
    effects.consume(code);
    return inline;
  }

  /** A `$` followed by a digit is part of the formula (a price inside it); otherwise it closes. */
  function inlineAfterDollar(code: Code): State | undefined {
    if (isDigit(code)) return inline(code);
    effects.exit('mathText');
    return ok(code);
  }

  function display(code: Code): State | undefined {
    if (code === null) return nok(code);
    // Across lines, micromark's text tokenizer needs each line ending as a token of its own and every other
    // character inside a token too (characters consumed straight into mathText after a line ending hung the parser).
    if (isLineEnding(code)) {
      if (inData) effects.exit('mathTextData');
      inData = false;
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return display;
    }
    if (!inData) effects.enter('mathTextData');
    inData = true;
    effects.consume(code);
    if (code === DOLLAR) return displayAfterDollar;
    if (!isSpace(code)) displayContent = true;
    return code === BACKSLASH ? displayEscaped : display;
  }

  function displayEscaped(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return display(code);
    effects.consume(code);
    return display;
  }

  function displayAfterDollar(code: Code): State | undefined {
    if (code === DOLLAR && displayContent) {
      effects.consume(code);
      effects.exit('mathTextData');
      effects.exit('mathText');
      return ok;
    }
    displayContent = true;
    return display(code);
  }
}
