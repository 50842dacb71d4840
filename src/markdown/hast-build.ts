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

/**
 * Prefixes every id inside `tree`, and the in-page references to them (`href="#id"`, aria id lists), so content
 * embedded in another page can neither duplicate that page's ids nor lose its own footnote links.
 */
export function namespaceIds(tree: Nodes, prefix: string): void {
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id !== 'string') return;
    ids.add(node.properties.id);
    node.properties.id = prefix + node.properties.id;
  });
  const renamed = (id: string | number) => (ids.has(String(id)) ? prefix + id : id);
  visit(tree, 'element', ({ properties }) => {
    if (typeof properties.href === 'string' && properties.href.startsWith('#')) properties.href = `#${renamed(properties.href.slice(1))}`;
    for (const key of ['ariaDescribedBy', 'ariaLabelledBy']) {
      const value = properties[key];
      if (Array.isArray(value)) properties[key] = value.map(renamed);
    }
  });
}
