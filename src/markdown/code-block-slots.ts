// Nodes that a build step replaces (dataview output, inline queries and typed inline-field values, mermaid SVG, typeset
// math), and where each sits.
import type { Code, InlineCode, Nodes, Root } from 'mdast';
import type { InlineFieldNode } from './inline-fields';

interface Slot<Node> {
  node: Node;
  /** Child index at each level from the root: where a replacement goes. */
  path: number[];
}

/** Every node that passes `wanted`, in document order, with where it sits (what a found node holds is not searched). */
export function slotsOf<Node extends Nodes>(tree: Root, wanted: (node: Nodes) => node is Node): Slot<Node>[] {
  const found: Slot<Node>[] = [];
  const walk = (parent: Extract<Nodes, { children: unknown }>, path: number[]) => {
    parent.children.forEach((child, index) => {
      if (wanted(child)) found.push({ node: child, path: [...path, index] });
      else if ('children' in child) walk(child, [...path, index]);
    });
  };
  walk(tree, []);
  return found;
}

/** Every ``` block whose language (case-insensitive; `langs` lowercase) is one of `langs` or passes it, with where it sits. */
export function codeBlocks(tree: Root, langs: ReadonlySet<string> | ((lang: string) => boolean)): Slot<Code>[] {
  const wantedLang = typeof langs === 'function' ? langs : (lang: string) => langs.has(lang.toLowerCase());
  return slotsOf(tree, (node): node is Code => node.type === 'code' && !!node.lang && wantedLang(node.lang));
}

/** Every `inline code` span whose text passes `wanted`, with where it sits. */
export function inlineCodes(tree: Root, wanted: (text: string) => boolean): Slot<InlineCode>[] {
  return slotsOf(tree, (node): node is InlineCode => node.type === 'inlineCode' && wanted(node.value));
}

/** Every inline field's value as the note shows it (the bracket form's value chip, the parenthesis form), with where it sits. */
export function inlineFieldValues(tree: Root): Slot<InlineFieldNode & { value: string }>[] {
  return slotsOf(tree, (node): node is InlineFieldNode & { value: string } => node.type === 'inlineField' && typeof node.value === 'string');
}
