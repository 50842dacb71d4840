// Small builders for the hast elements the renderer makes by hand.
import type { Element, ElementContent, Nodes, Properties, Text } from 'hast';
import { visit } from 'unist-util-visit';

export function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** A link target that does not exist or is not published: plain text, marked for styling, never a link. */
export function unresolvedLink(children: ElementContent[]): Element {
  return element('span', { className: ['internal-link', 'is-unresolved'] }, children);
}

/** Removes every id: embedded content appears inside another page, where its ids would be duplicates. */
export function removeIds(tree: Nodes): void {
  visit(tree, 'element', (node) => {
    delete node.properties.id;
  });
}
