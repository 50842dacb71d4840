// Fenced code blocks that a build step replaces (dataview output, mermaid SVG), and where each sits.
import type { Code, Root } from 'mdast';

interface CodeBlockSlot {
  node: Code;
  /** Child index at each level from the root: where a replacement goes. */
  path: number[];
}

/** Every ``` block whose language (case-insensitive; `langs` lowercase) is one of `langs` or passes it, with where it sits. */
export function codeBlocks(tree: Root, langs: ReadonlySet<string> | ((lang: string) => boolean)): CodeBlockSlot[] {
  const wanted = typeof langs === 'function' ? langs : (lang: string) => langs.has(lang.toLowerCase());
  const found: CodeBlockSlot[] = [];
  const walk = (parent: { children?: unknown[] }, path: number[]) => {
    parent.children?.forEach((child, index) => {
      const node = child as { type: string; lang?: string | null; children?: unknown[] };
      if (node.type === 'code' && node.lang && wanted(node.lang)) found.push({ node: node as Code, path: [...path, index] });
      else if (node.children) walk(node, [...path, index]);
    });
  };
  walk(tree, []);
  return found;
}
