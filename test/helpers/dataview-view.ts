// What a reader sees of a dataview block's HTML, as plain text to compare with Dataview's documented output: a
// table's headers ("File (3)": the count badge in brackets) and cells, a list's items, a task list's lines.
// Nested lists inside a cell or item read as `|a|b`.
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export type View =
  | { kind: 'table'; headers: string[]; rows: string[][]; empty: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'tasks'; lines: string[] }
  | { kind: 'calendar'; dots: number }
  | { kind: 'notice'; text: string };

const classes = (node: Element): string[] => {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};
const elements = (nodes: (ElementContent | Root['children'][number])[]): Element[] => nodes.filter((n): n is Element => n.type === 'element');

function find(nodes: Root['children'] | ElementContent[], test: (node: Element) => boolean): Element | undefined {
  for (const node of elements(nodes)) {
    if (test(node)) return node;
    const inner = find(node.children, test);
    if (inner) return inner;
  }
  return undefined;
}

function text(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (classes(node).includes('small-text')) return ` (${node.children.map(text).join('')})`;
  const inner = node.children.map(text).join('');
  return node.tagName === 'li' ? `|${inner}` : node.tagName === 'img' ? `<img ${String(node.properties.src ?? '')}>` : inner;
}

function taskLines(list: Element, depth: number): string[] {
  return elements(list.children).flatMap((li) => {
    const box = find(li.children, (n) => n.tagName === 'input');
    const mark = box ? (box.properties.checked ? '[x] ' : '[ ] ') : '';
    const own = li.children.filter((c) => !(c.type === 'element' && c.tagName === 'ul'));
    const nested = elements(li.children).filter((c) => c.tagName === 'ul');
    return [`${'  '.repeat(depth)}${mark}${own.map(text).join('').trim()}`, ...nested.flatMap((ul) => taskLines(ul, depth + 1))];
  });
}

export function readView(html: string): View {
  const root = fromHtml(html, { fragment: true });
  const table = find(root.children, (n) => n.tagName === 'table' && classes(n).includes('table-view-table'));
  if (table) {
    const headers = elements(find(table.children, (n) => n.tagName === 'thead')?.children ?? []).flatMap((tr) =>
      elements(tr.children).map((th) => text(th).trim()),
    );
    const body = find(table.children, (n) => n.tagName === 'tbody');
    const rows = elements(body?.children ?? []).map((tr) => elements(tr.children).map((td) => text(td).trim()));
    return { kind: 'table', headers, rows, empty: html.includes('dataview-error-box') };
  }
  const list = find(root.children, (n) => n.tagName === 'ul' && classes(n).includes('list-view-ul'));
  if (list) return { kind: 'list', items: elements(list.children).map((li) => li.children.map(text).join('').trim()) };
  const container = find(root.children, (n) => classes(n).includes('dataview-container'));
  if (container) {
    const lines: string[] = [];
    for (const child of elements(container.children)) {
      if (child.tagName === 'h4') lines.push(`# ${child.children.map(text).join('').trim()}`);
      const ul = child.tagName === 'ul' ? child : find(child.children, (n) => n.tagName === 'ul');
      if (ul && child.tagName !== 'h4') lines.push(...taskLines(ul, 0));
    }
    return { kind: 'tasks', lines };
  }
  const calendar = find(root.children, (n) => classes(n).includes('dataview-calendar'));
  if (calendar) return { kind: 'calendar', dots: (html.match(/dataview-calendar-dot/g) ?? []).length };
  return { kind: 'notice', text: root.children.map((c) => text(c as ElementContent)).join('') };
}
