// Dataview inline fields: `Key:: value` lines, `[key:: value]` and `(key:: value)` anywhere in text. Read as Dataview
// reads them (src/data-import/inline-field.ts: on the source line, nested brackets and `\` escapes honoured, the
// earliest field wins) and recorded on the block in `data.inlineFields`; the bracket forms are drawn as Obsidian's
// reading view draws them (key and value chips; the parenthesis form shows only the value). List items also record
// their marker, task status (any character in `[ ]`) and text as written, for Dataview's file.lists and TASK queries.
import type { Data, Heading, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root, TableCell, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { textSlice } from './text-nodes';

export interface InlineField {
  key: string;
  /** The value as written, trimmed. */
  value: string;
  form: 'line' | 'bracket' | 'paren';
  /** Offsets of the whole field and of its value in the parsed text. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export interface InlineFieldNode extends Parent {
  type: 'inlineField';
  key: string;
  form: 'bracket' | 'paren';
  /** On the node that shows the value: the value as written (Dataview renders it typed, e.g. a date's long form). */
  value?: string;
  children: PhrasingContent[];
  data?: Data;
}

/** A list item's own source facts, as Dataview's list index reads them. */
interface ListItemSource {
  /** `-`, `*`, `+`, `1.`, `1)`. */
  symbol: string;
  /** The character between `[ ]` when the item is a task (any character, as Obsidian reads it). */
  status?: string;
  /** The item's own text after marker and checkbox, as written (continuation lines joined with `\n`). */
  text: string;
}

declare module 'mdast' {
  interface Data {
    /** Dataview inline fields written in this block, in line order. */
    inlineFields?: InlineField[];
    /** On list items: marker, task status and text as written. */
    listItemSource?: ListItemSource;
  }
  interface PhrasingContentMap {
    inlineField: InlineFieldNode;
  }
  interface RootContentMap {
    inlineField: InlineFieldNode;
  }
}

const CLOSER: Record<string, string> = { '[': ']', '(': ')' };
const KEY_FORBIDDEN = /[[\]()]/;

/** The value from `start` to the closer matching `open` (nesting and `\` escapes honoured): its end index, or -1. */
function findClosing(line: string, start: number, open: string, close: string): number {
  let nesting = 0;
  let escaped = false;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      escaped = !escaped;
      continue;
    }
    if (escaped) {
      escaped = false;
      continue;
    }
    if (c === open) nesting++;
    else if (c === close) nesting--;
    if (nesting < 0) return i;
  }
  return -1;
}

/** Bracket and parenthesis fields of one line, offsets relative to the line; overlapping ones: the earliest wins. */
function bracketFields(line: string): InlineField[] {
  const found: InlineField[] = [];
  for (const open of ['[', '(']) {
    for (let at = line.indexOf(open); at >= 0; at = line.indexOf(open, at + 1)) {
      const separator = line.indexOf('::', at + 1);
      if (separator < 0) break;
      const key = line.slice(at + 1, separator).trim();
      if (KEY_FORBIDDEN.test(key) || key === '') continue;
      const close = findClosing(line, separator + 2, open, CLOSER[open]);
      if (close < 0) continue;
      const raw = line.slice(separator + 2, close);
      const lead = raw.length - raw.trimStart().length;
      const value = raw.trim();
      found.push({
        key,
        value,
        form: open === '[' ? 'bracket' : 'paren',
        start: at,
        end: close + 1,
        valueStart: separator + 2 + lead,
        valueEnd: separator + 2 + lead + value.length,
      });
      at = close;
    }
  }
  found.sort((a, b) => a.start - b.start);
  return found.filter((field, i) => i === 0 || found[i - 1].end <= field.start);
}

/** A character of a full-line key: Dataview's `[0-9\p{Letter}\w\s_/-]`, or an emoji its emoji-regex matches under
 * the `u` flag (written with surrogate escapes, it matches only emoji in the Basic Multilingual Plane). */
function isKeyChar(c: string): boolean {
  return /^[0-9\p{L}\w\s/-]$/u.test(c) || (c.length === 1 && /^(?:\p{Extended_Pictographic}|\uFE0F|\u20E3)$/u.test(c));
}

/** Dataview's FULL_LINE_KEY_PARSER: leading non-word characters dropped, then key characters, then only `_*~` and
 * backticks; anything else after the key is no field. A key of no characters is Dataview's too (`:: x` is key ''). */
function fullLineKey(written: string): string | undefined {
  const body = written.trim().replace(/^[^0-9\w\p{L}]+/u, '');
  let end = 0;
  for (const c of body) {
    if (!isKeyChar(c)) break;
    end += c.length;
  }
  return /^[_*~`]*$/.test(body.slice(end)) ? body.slice(0, end) : undefined;
}

/** `Key:: value` as a whole line: leading markup (`**`, `#`, `>`) and trailing `*~` and backticks leave the key. */
function fullLineField(line: string): InlineField | undefined {
  const separator = line.indexOf('::');
  if (separator < 0) return undefined;
  const key = fullLineKey(line.slice(0, separator));
  if (key === undefined) return undefined;
  const raw = line.slice(separator + 2);
  const valueStart = separator + 2 + (raw.length - raw.trimStart().length);
  const value = raw.trim();
  return { key, value, form: 'line', start: 0, end: line.length, valueStart, valueEnd: valueStart + value.length };
}

/** The fields of one line: its bracket fields, else a full-line field (when allowed). */
export function lineFields(line: string, fullLine = true): InlineField[] {
  const brackets = bracketFields(line);
  if (brackets.length || !fullLine) return brackets;
  const full = fullLineField(line);
  return full ? [full] : [];
}

type FieldBlock = Paragraph | Heading | TableCell;

/** Splits the text child holding `offset` there, when its text is its source verbatim; false when it is not. */
function splitAt(block: FieldBlock, offset: number): boolean {
  for (let i = 0; i < block.children.length; i++) {
    const child = block.children[i];
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined) return false;
    if (offset === start || offset === end) return true;
    if (offset > start && offset < end) {
      if (child.type !== 'text' || end - start !== child.value.length) return false;
      const text = child as Text;
      block.children.splice(i, 1, textSlice(text, 0, offset - start), textSlice(text, offset - start, text.value.length));
      return true;
    }
  }
  return false;
}

/** The children between two source offsets (after splitAt made them boundaries). */
function childrenBetween(block: FieldBlock, from: number, to: number): [number, number] {
  const first = block.children.findIndex((c) => (c.position?.start.offset ?? -1) >= from);
  let last = first;
  while (last < block.children.length && (block.children[last].position?.end.offset ?? Infinity) <= to) last++;
  return [first, last];
}

/** Replaces a bracket field's text with its reading-view chips; left as text when its source cannot be mapped. */
function drawField(block: FieldBlock, field: InlineField): void {
  if (![field.start, field.valueStart, field.valueEnd, field.end].every((offset) => splitAt(block, offset))) return;
  const [first, last] = childrenBetween(block, field.start, field.end);
  const [valueFirst, valueLast] = childrenBetween(block, field.valueStart, field.valueEnd);
  if (first < 0 || valueFirst < first || valueLast > last) return;
  const value = block.children.slice(valueFirst, valueLast);
  const key = { 'data-dv-key': field.key, 'data-dv-norm-key': field.key.trim().toLowerCase().replace(/\s+/g, '-') };
  const node: InlineFieldNode =
    field.form === 'bracket'
      ? {
          type: 'inlineField',
          key: field.key,
          form: 'bracket',
          children: [
            {
              type: 'inlineField',
              key: field.key,
              form: 'bracket',
              children: [{ type: 'text', value: field.key }],
              data: { hName: 'span', hProperties: { className: ['dataview', 'inline-field-key'], ...key } },
            },
            {
              type: 'inlineField',
              key: field.key,
              form: 'bracket',
              value: field.value,
              children: value,
              data: { hName: 'span', hProperties: { className: ['dataview', 'inline-field-value'] } },
            },
          ],
          data: { hName: 'span', hProperties: { className: ['dataview', 'inline-field'] } },
        }
      : {
          type: 'inlineField',
          key: field.key,
          form: 'paren',
          value: field.value,
          children: value,
          data: { hName: 'span', hProperties: { className: ['dataview', 'inline-field-standalone-value'], ...key } },
        };
  block.children.splice(first, last - first, node);
}

const ITEM_START = /^[ \t>]*([-*+]|\d+[.)])[ \t]+(?:\[(.)\][ \t]+)?/;

/** A list item's marker, status and own text (its leading paragraph), from the source. */
function listItemSource(item: ListItem, source: string): ListItemSource | undefined {
  const from = item.position?.start.offset;
  if (from === undefined) return undefined;
  const lead = item.children[0];
  const leadEnd = lead?.type === 'paragraph' ? lead.position?.end.offset : undefined;
  const head = source.slice(from, leadEnd ?? source.indexOf('\n', from) >>> 0);
  const m = ITEM_START.exec(head);
  if (!m) return undefined;
  // Dataview's LIST_ITEM_REGEX drops a bracket of one character or none after the marker even when it makes no
  // task (`- [ ]no space`, `- [] x`, `- [a] x`): its text starts after it.
  const own = head.slice(m[0].length);
  const text = (m[2] === undefined ? own.replace(/^\[.?\]\s*/u, '') : own)
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
  return { symbol: m[1], ...(m[2] === undefined ? {} : { status: m[2] }), text };
}

/**
 * Dataview reads every line outside lists (Obsidian's sections but `list` and `ruling`), so fields written in code,
 * math and HTML blocks are the page's too, and a table row with no bracketed field is one `Key:: value` line: `| t:: 1 | x |`
 * is t = `1 | x |`. Recorded on the block, never drawn (a table's bracketed fields are its cells').
 */
function recordBlockLines(block: Nodes, source: string): void {
  const from = block.position?.start.offset;
  const to = block.position?.end.offset;
  if (from === undefined || to === undefined) return;
  const fields: InlineField[] = [];
  let lineStart = from;
  for (const line of source.slice(from, to).split('\n')) {
    const found = block.type === 'table' ? (bracketFields(line).length ? [] : [fullLineField(line.trim())]) : lineFields(line.trim());
    for (const f of found) if (f) fields.push({ ...f, start: lineStart, end: lineStart + line.length, valueStart: lineStart, valueEnd: lineStart });
    lineStart += line.length + 1;
  }
  if (fields.length) block.data = { ...block.data, inlineFields: fields };
}

/** remark plugin: record each block's inline fields (and each list item's source facts); draw the bracket forms. */
export function remarkInlineFields() {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value ?? '');
    visit(tree, 'listItem', (item) => {
      const facts = listItemSource(item, source);
      if (facts) item.data = { ...item.data, listItemSource: facts };
    });
    if (!source.includes('::')) return;
    visit(tree, (node, _index, parent) => {
      const htmlBlock = node.type === 'html' && (parent?.type === 'root' || parent?.type === 'blockquote');
      if (node.type === 'code' || node.type === 'mathBlock' || node.type === 'table' || htmlBlock) {
        recordBlockLines(node, source);
        return;
      }
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
      const block = node as FieldBlock;
      const from = block.position?.start.offset;
      const to = block.position?.end.offset;
      if (from === undefined || to === undefined) return;
      const text = source.slice(from, to);
      if (!text.includes('::')) return;
      const fields: InlineField[] = [];
      let lineStart = 0;
      for (const line of text.split('\n')) {
        for (const f of lineFields(line, block.type !== 'tableCell')) {
          const shift = from + lineStart;
          fields.push({ ...f, start: f.start + shift, end: f.end + shift, valueStart: f.valueStart + shift, valueEnd: f.valueEnd + shift });
        }
        lineStart += line.length + 1;
      }
      if (fields.length === 0) return;
      block.data = { ...block.data, inlineFields: fields };
      for (const field of [...fields].reverse()) if (field.form !== 'line') drawField(block, field);
    });
  };
}
