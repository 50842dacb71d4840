// rehype plugin: sanitize a note's HTML (the author's raw HTML, already parsed by rehype-raw) with the note schema,
// keeping build-time output wrapped by trustedHtml() exactly as it was made.
import type { Element, ElementContent, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { walk } from '../html/walk';
import { noteSchema } from './sanitize-schema';
import { removeScriptingStyles } from './style';
import { buildNonce, isTrustedWrapper } from './trusted';

const SLOT_TAG = 'tsunagu-slot';
const schema = noteSchema([SLOT_TAG], { [SLOT_TAG]: ['dataSlot'] });

export function rehypeSanitizeNote() {
  return (tree: Root): Root => {
    const trusted = setAsideTrusted(tree);
    const clean = sanitize(tree, schema) as Root;
    removeScriptingStyles(clean);
    restoreTrusted(clean, trusted);
    return clean;
  };
}

/** Replaces each trusted wrapper by a slot the sanitizer keeps; returns the wrappers' children by slot number. */
function setAsideTrusted(tree: Root): ElementContent[][] {
  const trusted: ElementContent[][] = [];
  walk(tree, (node, index, parent) => {
    if (node.type !== 'element' || !isTrustedWrapper(node)) return undefined;
    parent.children[index] = slot(trusted.push(node.children) - 1);
    return index + 1;
  });
  return trusted;
}

/** Puts trusted content back; a slot the author wrote (without this build's nonce) just disappears. */
function restoreTrusted(tree: Root, trusted: ElementContent[][]): void {
  walk(tree, (node, index, parent) => {
    if (node.type !== 'element' || node.tagName !== SLOT_TAG) return undefined;
    const [nonce, slotIndex] = String(node.properties.dataSlot ?? '').split(':');
    const content = nonce === buildNonce() ? (trusted[Number(slotIndex)] ?? []) : [];
    parent.children.splice(index, 1, ...content);
    return index + content.length;
  });
}

function slot(index: number): Element {
  return { type: 'element', tagName: SLOT_TAG, properties: { dataSlot: `${buildNonce()}:${index}` }, children: [] };
}
