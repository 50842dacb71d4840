// Splitting text nodes while keeping positions, for the plugins that find syntax inside text (tags, highlights).
import type { Text } from 'mdast';
import type { Point } from 'unist';

/** `node.value.slice(start, end)` as a text node. Positions are exact unless escapes or entities precede the slice. */
export function textSlice(node: Text, start: number, end: number): Text {
  const slice: Text = { type: 'text', value: node.value.slice(start, end) };
  const from = pointAt(node, start);
  const to = pointAt(node, end);
  if (from && to) slice.position = { start: from, end: to };
  return slice;
}

/** The point of `node.value[index]` in the source; continuation lines lose their indentation, so columns there are approximate. */
export function pointAt(node: Text, index: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, index);
  const lastBreak = before.lastIndexOf('\n');
  if (lastBreak < 0) {
    return { line: start.line, column: start.column + index, ...(start.offset === undefined ? {} : { offset: start.offset + index }) };
  }
  return { line: start.line + before.split('\n').length - 1, column: index - lastBreak };
}
