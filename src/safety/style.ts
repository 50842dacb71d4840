// Inline styles stay (Obsidian keeps them), except legacy ways of running script from CSS: expression(),
// javascript:/vbscript: URLs, behaviors and bindings. CSS escapes and comments are undone before looking.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const SCRIPT_IN_CSS = /expression\(|javascript:|vbscript:|behavior:|-moz-binding/;

export function isScriptFreeStyle(css: string): boolean {
  const plain = css
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/\\(.)/g, '$1')
    .replace(/[\s\u0000-\u001f]+/g, '')
    .toLowerCase();
  return !SCRIPT_IN_CSS.test(plain);
}

export function removeScriptingStyles(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (typeof node.properties.style === 'string' && !isScriptFreeStyle(node.properties.style)) delete node.properties.style;
  });
}
