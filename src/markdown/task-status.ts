// Tasks with any status character, as Obsidian reads them: GFM knows only `[ ]` and `[x]`, so `- [>] later` or
// `- [-] dropped` would print their brackets. Obsidian draws every task as a checkbox, checked for any character but
// a space, and marks its item with `data-task` (the character; empty when open) and `is-checked`, which themes and
// publish.css style. Runs after remarkInlineFields, which records each item's status from the source.
import type { ListItem, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { textSlice } from './text-nodes';

export function remarkTaskStatus() {
  return (tree: Root): undefined => {
    visit(tree, 'listItem', (item: ListItem) => {
      const status = item.data?.listItemSource?.status;
      if (status === undefined) return;
      if (typeof item.checked !== 'boolean' && !dropStatusText(item, status)) return;
      const checked = status !== ' ';
      item.checked = checked;
      const dataTask = status.trim();
      item.data = { ...item.data, hProperties: checked ? { className: ['task-list-item', 'is-checked'], dataTask } : { dataTask } };
    });
  };
}

/** Removes the `[c] ` GFM left as text at the start of the item; false when the text is not there as written. */
function dropStatusText(item: ListItem, status: string): boolean {
  const lead = item.children[0];
  const first = lead?.type === 'paragraph' ? lead.children[0] : undefined;
  const prefix = /^\[(.)\][ \t]+/.exec(first?.type === 'text' ? first.value : '');
  if (lead?.type !== 'paragraph' || first?.type !== 'text' || !prefix || prefix[1] !== status) return false;
  if (first.value.length > prefix[0].length) lead.children[0] = textSlice(first, prefix[0].length, first.value.length);
  else lead.children.shift();
  return true;
}
