import { describe, expect, it } from 'vitest';
import { codeBlocks } from './code-block-slots';
import { parseFragment } from './parse';

describe('codeBlocks', () => {
  it('finds blocks of the wanted languages at any depth, with their slot', () => {
    const tree = parseFragment('```mermaid\na\n```\n\n> ```Mermaid\n> b\n> ```\n\n```js\nc\n```\n');
    const slots = codeBlocks(tree, new Set(['mermaid']));
    expect(slots.map((s) => s.node.value)).toEqual(['a', 'b']);
    const at = (path: number[]) => path.reduce<unknown>((node, index) => (node as { children: unknown[] }).children[index], tree);
    for (const slot of slots) expect(at(slot.path)).toBe(slot.node);
  });
});
