// Inline styles stay (Obsidian keeps them), except legacy ways of running script from CSS: expression(),
// javascript:/vbscript: URLs, behaviors and bindings. The style is read as CSS tokenizes it (CSS Syntax 3: strings,
// comments, escapes), and old browsers ignored comments even inside a name (ex/**/pression), so the check runs on
// the text with comments removed, escapes decoded, and strings kept (a url("javascript:…") is in one).
import type { Root } from 'hast';
import { walk } from '../html/walk';

const SCRIPT_IN_CSS = /expression\(|javascript:|vbscript:|behavior:|-moz-binding/;

export function isScriptFreeStyle(css: string): boolean {
  return !SCRIPT_IN_CSS.test(
    cssWithoutComments(css)
      .replace(/[\s\u0000-\u001f]+/g, '')
      .toLowerCase(),
  );
}

const HEX = /^[0-9a-f]{1,6}/i;

/** The style's text as tokens read it: comments dropped, escapes decoded, string delimiters kept. */
export function cssWithoutComments(css: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '\\') {
      const escaped = readEscape(css, i + 1);
      out += escaped.text;
      i = escaped.end - 1;
    } else if (quote) {
      // A string ends at its quote, or (a bad string) at a newline.
      if (c === quote || c === '\n') quote = '';
      out += c;
    } else if (c === '/' && css[i + 1] === '*') {
      const close = css.indexOf('*/', i + 2);
      i = close === -1 ? css.length : close + 1;
    } else {
      if (c === '"' || c === "'") quote = c;
      out += c;
    }
  }
  return out;
}

/** A backslash escape starting after the backslash at `at`: hex digits and one whitespace, or one character. */
function readEscape(css: string, at: number): { text: string; end: number } {
  const hex = HEX.exec(css.slice(at, at + 6))?.[0];
  if (hex) {
    const code = Number.parseInt(hex, 16);
    const text = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
    return { text, end: at + hex.length + (/\s/.test(css[at + hex.length] ?? '') ? 1 : 0) };
  }
  // An escaped newline (in a string, a line continuation) stands for nothing; at the end, for U+FFFD.
  if (at >= css.length) return { text: '\uFFFD', end: at };
  if (css[at] === '\n') return { text: '', end: at + 1 };
  const char = String.fromCodePoint(css.codePointAt(at)!);
  return { text: char, end: at + char.length };
}

export function removeScriptingStyles(tree: Root): void {
  walk(tree, (node) => {
    if (node.type === 'element' && typeof node.properties.style === 'string' && !isScriptFreeStyle(node.properties.style)) delete node.properties.style;
    return undefined;
  });
}
