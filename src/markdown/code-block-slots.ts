// Fenced code blocks that a build step replaces in place (dataview output, mermaid SVG).
import type { Code, Root } from 'mdast';

export interface CodeBlockSlot {
  node: Code;
  parent: { children: unknown[] };
  index: number;
}

/** Every ``` block whose language (case-insensitive; `langs` lowercase) is one of `langs`, with where it sits. */
export function codeBlocks(tree: Root, langs: ReadonlySet<string>): CodeBlockSlot[] {
  const found: CodeBlockSlot[] = [];
  const walk = (parent: { children?: unknown[] }) => {
    parent.children?.forEach((child, index) => {
      const node = child as { type: string; lang?: string | null; children?: unknown[] };
      if (node.type === 'code' && node.lang && langs.has(node.lang.toLowerCase()))
        found.push({ node: node as Code, parent: parent as CodeBlockSlot['parent'], index });
      else if (node.children) walk(node);
    });
  };
  walk(tree);
  return found;
}
