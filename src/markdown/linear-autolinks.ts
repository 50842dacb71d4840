// GFM's autolink literals (`www.x.com`, `https://…`, `a@b.c`) are not links inside an unclosed `[`. To know that,
// micromark walks back over the paragraph's events at every word start, and stops early only when the answer was
// "no": after one unclosed `[` (or `[ ]` in a task), every later word walks back to it, so a long paragraph took
// quadratic time (a 30,000-word line: 2.5 s, then minutes as V8 gave up on the walk). This plugin answers the same
// question first, remembering the open `[` it found, and lets the construct run only when the answer is "no".
import type { Construct, Event, Extension, State, Token, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

const AUTOLINKS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

/** micromark's own mark on a token to which a walk found no open label. */
type Walked = Token & { _gfmAutolinkLiteralWalkedInto?: boolean };

/** Tokens to which an earlier walk found an open `[`: that label and where it stood in the events. */
const openLabelBefore = new WeakMap<Token, { label: Token; index: number }>();

function isOpenLabel(token: Token): boolean {
  return (token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced;
}

/** micromark's own test (an open label nearer than any token already walked "no"), remembering a "yes". */
function afterOpenLabel(events: Event[]): boolean {
  for (let index = events.length - 1; index >= 0; index--) {
    const token = events[index][1];
    if (isOpenLabel(token)) return remember(events, { label: token, index });
    const known = openLabelBefore.get(token);
    // Still there and still open: the events before `token` are as they were (later ones only were replaced).
    if (known && events[known.index]?.[1] === known.label && isOpenLabel(known.label)) return remember(events, known);
    if ((token as Walked)._gfmAutolinkLiteralWalkedInto) return false;
  }
  return false;
}

function remember(events: Event[], found: { label: Token; index: number }): true {
  openLabelBefore.set(events[events.length - 1][1], found);
  return true;
}

function linear(construct: Construct): Construct {
  if (!construct.name || !AUTOLINKS.has(construct.name)) return construct;
  const tokenize = construct.tokenize;
  return {
    ...construct,
    tokenize(this: TokenizeContext, effects, ok, nok): State {
      const start = tokenize.call(this, effects, ok, nok);
      // The construct itself fails after an open label; answering first keeps it from walking back.
      return (code) => (afterOpenLabel(this.events) ? nok(code) : start(code));
    },
  };
}

/** Runs after remark-gfm: its autolink constructs, in the extension it added, get the linear test. */
export function remarkLinearAutolinks(this: Processor) {
  for (const extension of (this.data().micromarkExtensions ?? []) as Extension[]) {
    for (const [code, hooks] of Object.entries(extension.text ?? {})) {
      if (!hooks) continue;
      const text = extension.text as Record<string, Construct | Construct[]>;
      text[code] = Array.isArray(hooks) ? hooks.map(linear) : linear(hooks as Construct);
    }
  }
}
