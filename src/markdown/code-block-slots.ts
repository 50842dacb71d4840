// Nodes that a build step replaces (dataview output, inline queries and typed inline-field values, mermaid SVG, typeset
// math), and where each sits.
import type { Code, InlineCode, Nodes, Root } from 'mdast';
import type { InlineFieldNode } from './inline-fields';

export interface Slot<Node> {
  node: Node;
  /** Child index at each level from the root: where a replacement goes. */
  path: number[];
}

/** Every node that passes `wanted`, in document order, with where it sits (what a found node holds is not searched). */
export function slotsOf<Node extends Nodes>(tree: Root, wanted: (node: Nodes) => node is Node): Slot<Node>[] {
  return slotsOfEach(tree, [wanted])[0] as Slot<Node>[];
}

type Wanted = (node: Nodes) => boolean;

/** slotsOf for several tests in one walk of the tree: each gets what slotsOf would give it alone. */
export function slotsOfEach(tree: Root, tests: readonly Wanted[]): Slot<Nodes>[][] {
  const found = tests.map((): Slot<Nodes>[] => []);
  const path: number[] = [];
  // `open[i]`: test i may still find nodes here (no ancestor passed it). Plain loops, and a new `open` only below a
  // node some test found: the dataview step walks every published tree with this (0.25 s at 10,000 notes with maps).
  const walk = (parent: Extract<Nodes, { children: unknown }>, open: readonly boolean[]) => {
    const children = parent.children;
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      path.push(index);
      let inside = open;
      for (let i = 0; i < tests.length; i++) {
        if (!open[i] || !tests[i](child)) continue;
        found[i].push({ node: child, path: path.slice() });
        if (inside === open) inside = open.slice();
        (inside as boolean[])[i] = false;
      }
      if ('children' in child && inside.includes(true)) walk(child, inside);
      path.pop();
    }
  };
  walk(
    tree,
    tests.map(() => true),
  );
  return found;
}

/** Every ``` block whose language (case-insensitive; `langs` lowercase) is one of `langs` or passes it, with where it sits. */
export function codeBlocks(tree: Root, langs: ReadonlySet<string> | ((lang: string) => boolean)): Slot<Code>[] {
  return slotsOf(tree, isCodeBlock(langs));
}

export function isCodeBlock(langs: ReadonlySet<string> | ((lang: string) => boolean)) {
  const wantedLang = typeof langs === 'function' ? langs : (lang: string) => langs.has(lang.toLowerCase());
  return (node: Nodes): node is Code => node.type === 'code' && !!node.lang && wantedLang(node.lang);
}

/** Every `inline code` span whose text passes `wanted`, with where it sits. */
export function inlineCodes(tree: Root, wanted: (text: string) => boolean): Slot<InlineCode>[] {
  return slotsOf(tree, isInlineCode(wanted));
}

export function isInlineCode(wanted: (text: string) => boolean) {
  return (node: Nodes): node is InlineCode => node.type === 'inlineCode' && wanted(node.value);
}

/** Every inline field's value as the note shows it (the bracket form's value chip, the parenthesis form), with where it sits. */
export function inlineFieldValues(tree: Root): Slot<InlineFieldNode & { value: string }>[] {
  return slotsOf(tree, isInlineFieldValue);
}

export function isInlineFieldValue(node: Nodes): node is InlineFieldNode & { value: string } {
  return node.type === 'inlineField' && typeof node.value === 'string';
}
