// Soft line breaks as Obsidian shows them: with "Strict line breaks" off (its default), a single newline inside a
// paragraph is a line break. The parser marks each one with a `softBreak` node before the newline, which stays in
// the text after it (so the text of a paragraph reads as before); the renderer writes `<br>` there unless the site
// sets `strictLineBreaks: true`, when nothing is written and the newline is a space, as in CommonMark.
import type { Data, Node, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

interface SoftBreakData extends Data {
  /** A converter that does not know the node writes it as `<br>` (the default). */
  hName: 'br';
}

interface SoftBreak extends Node {
  type: 'softBreak';
  data: SoftBreakData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    softBreak: SoftBreak;
  }
  interface RootContentMap {
    softBreak: SoftBreak;
  }
}

const LINE_ENDING = /\r\n|\r|\n/g;

export function remarkSoftBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !/[\r\n]/.test(node.value)) return undefined;
      const parts: (Text | SoftBreak)[] = [];
      let from = 0;
      for (const ending of node.value.matchAll(LINE_ENDING)) {
        if (ending.index > from) parts.push({ type: 'text', value: node.value.slice(from, ending.index) });
        parts.push({ type: 'softBreak', data: { hName: 'br' } });
        from = ending.index;
      }
      parts.push({ type: 'text', value: node.value.slice(from) });
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      return [SKIP, index + parts.length];
    });
  };
}
