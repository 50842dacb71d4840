// `$…$` and `$$…$$` by Obsidian's rules, as atomic nodes: nothing inside is markdown (no escapes, emphasis, tags,
// links), so `\\` reaches KaTeX as written and `$#1$` is no tag. remark-math's rules differ (`$5 と $10` would be
// math), hence constructs of our own (src/markdown/math-syntax.ts).
import type { Literal } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import { mathSyntax } from './math-syntax';

/** A `$$` block on lines of its own (or `$$…$$` alone on one line). */
interface MathBlock extends Literal {
  type: 'mathBlock';
  /** The TeX as written. */
  value: string;
}

/** `$…$` inline, or `$$…$$` inside a line of text (display math, as Obsidian shows it). */
interface MathInline extends Literal {
  type: 'mathInline';
  value: string;
  display: boolean;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    mathInline: MathInline;
  }
  interface BlockContentMap {
    mathBlock: MathBlock;
  }
  interface RootContentMap {
    mathInline: MathInline;
    mathBlock: MathBlock;
  }
}

/** remark plugin: parse Obsidian math into `mathBlock` and `mathInline` nodes. */
export function remarkObsidianMath(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(mathSyntax);
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown);
}

const mathFromMarkdown: FromMarkdownExtension = {
  enter: { mathFlow: enterMathFlow, mathText: enterMathText },
  exit: { mathFlow: exitMathFlow, mathFlowValue: exitMathFlowValue, mathText: exitMathText },
};

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    /** Value chunks of the block being read, one per source line (blank lines have none). */
    mathFlowLines?: { line: number; text: string }[];
  }
}

function enterMathFlow(this: CompileContext, token: Token): undefined {
  this.data.mathFlowLines = [];
  this.enter({ type: 'mathBlock', value: '' }, token);
}

function exitMathFlowValue(this: CompileContext, token: Token): undefined {
  this.data.mathFlowLines?.push({ line: token.start.line, text: this.sliceSerialize(token) });
}

function exitMathFlow(this: CompileContext, token: Token): undefined {
  const lines = this.data.mathFlowLines ?? [];
  const node = this.stack[this.stack.length - 1] as MathBlock;
  // Chunks are rejoined by their lines, so blank lines inside the block survive.
  node.value = lines
    .map((chunk, i) => (i === 0 ? '' : '\n'.repeat(chunk.line - lines[i - 1].line)) + chunk.text)
    .join('')
    .trim();
  this.data.mathFlowLines = undefined;
  this.exit(token);
}

function enterMathText(this: CompileContext, token: Token): undefined {
  const raw = this.sliceSerialize(token);
  const display = raw.startsWith('$$');
  const fence = display ? 2 : 1;
  this.enter({ type: 'mathInline', value: raw.slice(fence, -fence).trim(), display }, token);
}

function exitMathText(this: CompileContext, token: Token): undefined {
  this.exit(token);
}
