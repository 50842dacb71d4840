// Task-list checkboxes get an accessible name: the text of their item (GFM emits a bare <input>).
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walk } from '../html/walk';

const MAX_LABEL = 120;

export function rehypeTaskLabels() {
  return (tree: Root) => {
    walk(tree, (item) => {
      if (item.type !== 'element' || item.tagName !== 'li') return undefined;
      const checkbox = findCheckbox(item);
      if (!checkbox || checkbox.properties.ariaLabel) return undefined;
      const label = toString(item).replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
      if (label) checkbox.properties.ariaLabel = label;
      return undefined;
    });
  };
}

/** The checkbox GFM puts first in the item, or first in its leading paragraph. */
function findCheckbox(item: Element): Element | undefined {
  const first = item.children.find((c) => c.type === 'element');
  if (first?.type !== 'element') return undefined;
  if (first.tagName === 'input' && first.properties.type === 'checkbox') return first;
  if (first.tagName !== 'p') return undefined;
  const inner = first.children.find((c) => c.type === 'element');
  return inner?.type === 'element' && inner.tagName === 'input' && inner.properties.type === 'checkbox' ? inner : undefined;
}
