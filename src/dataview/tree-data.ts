// What Dataview indexes from a note's body, read from the parsed tree (markdown/inline-fields.ts records the facts):
// page inline fields in Dataview's order, and every list item and task with its fields, tags, links and nesting.
import type { Heading, List, ListItem, Nodes, Root } from 'mdast';
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
  /** Built on first read: most pages' list items are never read (the page's fields come from the walk alone). */
  readonly lists: DvListItemInput[];
}

/** Blocks whose fields are recorded on themselves (markdown/inline-fields.ts): their phrasing content holds none. */
const FIELD_LEAVES = new Set(['paragraph', 'heading', 'tableCell']);

const pairs = (fields: InlineField[] | undefined): [string, string][] => (fields ?? []).map((f) => [f.key, f.value]);

/** A list item as the walk meets it: what its entry in `lists` is made of. */
interface ItemPlace {
  item: ListItem;
  source: NonNullable<NonNullable<ListItem['data']>['listItemSource']>;
  lead: ListItem['children'][number] | undefined;
  line: number;
  leadEnd: number;
  listLine: number;
  parent: number | undefined;
  /** The nearest heading above: its text is the item's section. */
  heading: Heading | undefined;
  /** Its inline fields, with where each is written. */
  found: { at: number; pair: [string, string] }[];
}

/** `linksOnLines(first, last)`: the note's links written on those file lines (1-based), in order. */
export function bodyData(tree: Root, bodyStartLine: number, linksOnLines: (first: number, last: number) => DvLink[]): BodyData {
  const itemFields: [string, string][] = [];
  const otherFields: [string, string][] = [];
  const items: ItemPlace[] = [];
  const fileLine = (line: number) => line + bodyStartLine - 2; // 0-based file line of a 1-based body line
  let heading: Heading | undefined;

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
    items.push({ item, source, lead, line, leadEnd, listLine, parent, heading, found });
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
    if (node.type === 'heading') heading = node;
    if (node.data?.inlineFields) otherFields.push(...pairs(node.data.inlineFields));
    if ('children' in node && !FIELD_LEAVES.has(node.type)) for (const child of node.children) visit(child as Nodes);
  }
  visit(tree);
  let lists: DvListItemInput[] | undefined;
  return {
    fields: [...itemFields, ...otherFields],
    get lists() {
      lists ??= items.map((place) => listItem(place, linksOnLines));
      return lists;
    },
  };
}

function listItem(place: ItemPlace, linksOnLines: (first: number, last: number) => DvLink[]): DvListItemInput {
  const { item, source, lead, line, leadEnd, listLine, parent, heading } = place;
  const section = heading && toString(heading);
  const task = source.status !== undefined;
  const found = place.found.slice();
  for (const [pattern, key] of task ? EMOJI_DATES : []) {
    const m = pattern.exec(source.text);
    if (m) found.push({ at: m.index, pair: [key, m[1]] });
  }
  // Dataview orders a task's fields, shorthand dates among them, by where they are written.
  const fields = found.sort((a, b) => a.at - b.at).map((f) => f.pair);
  const tags = lead ? collect(lead, 'obsidianTag').map((t) => `#${t}`) : [];
  const blockId = item.data?.blockId ?? lead?.data?.blockId;
  return {
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
  };
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
