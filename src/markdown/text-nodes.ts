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

/** The point of `node.value[index]` in the source; continuation lines may lose their indentation, so columns there are approximate unless the value is its source verbatim. */
export function pointAt(node: Text, index: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const starts = lineStarts(node);
  // The last line starting at or before `index` (binary search: a text with thousands of tags asks thousands of times).
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= index) low = middle;
    else high = middle - 1;
  }
  if (low === 0) {
    return { line: start.line, column: start.column + index, ...(start.offset === undefined ? {} : { offset: start.offset + index }) };
  }
  // A value as long as its source is the source verbatim (nothing stripped or unescaped): offsets are exact there too.
  const end = node.position?.end.offset;
  if (start.offset !== undefined && end !== undefined && end - start.offset === node.value.length) {
    return { line: start.line + low, column: index - starts[low] + 1, offset: start.offset + index };
  }
  return { line: start.line + low, column: index - starts[low] + 1 };
}

/** Where each line of a text node's value starts, kept while the value is unchanged. */
const LINE_STARTS = new WeakMap<Text, { value: string; starts: number[] }>();

function lineStarts(node: Text): number[] {
  const cached = LINE_STARTS.get(node);
  if (cached?.value === node.value) return cached.starts;
  const starts = [0];
  for (let i = node.value.indexOf('\n'); i !== -1; i = node.value.indexOf('\n', i + 1)) starts.push(i + 1);
  LINE_STARTS.set(node, { value: node.value, starts });
  return starts;
}
