// What Dataview indexes from a note's body, read from the parsed tree (markdown/inline-fields.ts records the facts):
// page inline fields in Dataview's order, and every list item and task with its fields, tags, links and nesting.
import type { List, ListItem, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type InlineField, lineFields } from '../markdown/inline-fields';
import type { DvLink, DvListItemInput } from './types';

// Dataview's shorthand task dates, in its order (a lone U+FE0F before a date marks a due date there too).
const EMOJI_DATES: [RegExp, string][] = [
  [/\u{2795}\s*(\d{4}-\d{2}-\d{2})/u, 'created'],
  [/\u{1F6EB}\s*(\d{4}-\d{2}-\d{2})/u, 'start'],
  [/[\u{23F3}\u{231B}]\s*(\d{4}-\d{2}-\d{2})/u, 'scheduled'],
  [/(?:\u{1F4C5}|\u{1F4C6}|\u{1F5D3}|\u{FE0F})\s*(\d{4}-\d{2}-\d{2})/u, 'due'],
  [/\u{2705}\s*(\d{4}-\d{2}-\d{2})/u, 'completion'],
];

interface BodyData {
  fields: [string, string][];
  lists: DvListItemInput[];
}

const pairs = (fields: InlineField[] | undefined): [string, string][] => (fields ?? []).map((f) => [f.key, f.value]);

/** `linksOnLines(first, last)`: the note's links written on those file lines (1-based), in order. */
export function bodyData(tree: Root, bodyStartLine: number, linksOnLines: (first: number, last: number) => DvLink[]): BodyData {
  const itemFields: [string, string][] = [];
  const otherFields: [string, string][] = [];
  const lists: DvListItemInput[] = [];
  const fileLine = (line: number) => line + bodyStartLine - 2; // 0-based file line of a 1-based body line
  let section: string | undefined;

  function visitItem(item: ListItem, listLine: number, parent: number | undefined): void {
    const source = item.data?.listItemSource;
    const start = item.position?.start.line;
    if (!source || start === undefined) return;
    const lead = item.children[0]?.type === 'paragraph' ? item.children[0] : undefined;
    const line = fileLine(start);
    const leadEnd = fileLine(lead?.position?.end.line ?? start);
    const task = source.status !== undefined;
    // Dataview reads an item's fields from its text with the lines joined by spaces (a field may span them, and a
    // continuation line is no `Key:: value` line of its own); tasks never take the full-line form, other items only
    // when they have no bracketed field.
    const found = (lead ? lineFields(source.text.replace(/\n/g, ' '), !task) : []).map((f) => ({ at: f.start, pair: pairs([f])[0] }));
    if (!task) itemFields.push(...found.map((f) => f.pair));
    for (const [pattern, key] of task ? EMOJI_DATES : []) {
      const m = pattern.exec(source.text);
      if (m) found.push({ at: m.index, pair: [key, m[1]] });
    }
    // Dataview orders a task's fields, shorthand dates among them, by where they are written.
    const fields = found.sort((a, b) => a.at - b.at).map((f) => f.pair);
    const tags = lead ? collect(lead, 'obsidianTag').map((t) => `#${t}`) : [];
    const blockId = item.data?.blockId ?? lead?.data?.blockId;
    lists.push({
      line,
      lineCount: leadEnd - line + 1,
      text: source.text,
      symbol: source.symbol,
      ...(task ? { status: source.status } : {}),
      ...(parent === undefined ? {} : { parent }),
      list: listLine,
      ...(section ? { section } : {}),
      ...(blockId ? { blockId } : {}),
      tags,
      outlinks: linksOnLines(line + 1, leadEnd + 1),
      fields,
    });
    for (const child of item.children) if (child.type === 'list') visitList(child, line);
  }

  function visitList(list: List, parent: number | undefined): void {
    const listLine = fileLine(list.position?.start.line ?? 1);
    for (const item of list.children) visitItem(item, listLine, parent);
  }

  function visit(node: Nodes): void {
    if (node.type === 'list') {
      visitList(node, undefined);
      return;
    }
    if (node.type === 'heading') section = toString(node);
    if (node.data?.inlineFields) otherFields.push(...pairs(node.data.inlineFields));
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  }
  visit(tree);
  return { fields: [...itemFields, ...otherFields], lists };
}

function collect(node: Nodes, type: 'obsidianTag'): string[] {
  const found: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === type) found.push((n as { tag: string }).tag);
    if ('children' in n) for (const child of n.children) walk(child as Nodes);
  };
  walk(node);
  return found;
}
