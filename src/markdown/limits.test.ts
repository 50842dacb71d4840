import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { deepBlockquote, deepList, emphasisRun, manyTags } from '../../scripts/lib/hostile-notes';
import { DEFAULT_LIMITS } from '../config/limits';
import { bracketDepth, capTags, hideMarkFloods, overDeepLine, overDeepNode } from './limits';
import { parseBody } from './parse';

describe('overDeepLine', () => {
  it('counts quote markers and list items indented under each other', () => {
    expect(overDeepLine('> > > a\n', 2)).toEqual({ limit: 'depth', line: 1, found: 3 });
    expect(overDeepLine('- a\n  - b\n    - c\n', 2)).toEqual({ limit: 'depth', line: 3, found: 3 });
    expect(overDeepLine('- - - x\n', 2)?.found).toBe(3);
  });

  it('does not count sibling items, dedented items, thematic breaks or list markers in fenced code', () => {
    expect(overDeepLine('- a\n- b\n  - c\n- d\n', 2)).toBeUndefined();
    expect(overDeepLine('* * * * * *\n', 2)).toBeUndefined();
    expect(overDeepLine('```\n- - - - -\n1. 2. 3. x\n```\n', 2)).toBeUndefined();
    expect(overDeepLine(`${' '.repeat(400)}indented text\n`, 2)).toBeUndefined();
  });
});

describe('hideMarkFloods', () => {
  it('counts ] that close no [ and how deep [ nest (micromark scans back over them), not links side by side', () => {
    expect(hideMarkFloods('[a](b) ](\n', 2).hit).toBeUndefined();
    expect(hideMarkFloods(`${'['.repeat(8000)}x${'](u)'.repeat(8000)}\n`, 500).hit).toEqual({ limit: 'inlineMarks', line: 1, found: 8000 });
    expect(hideMarkFloods('](](](\n', 2)).toEqual({ text: '\uFDD3(\uFDD3(\uFDD3(\n', hit: { limit: 'inlineMarks', line: 1, found: 3 } });
    expect(hideMarkFloods('[[c]] [[d]]\n', 2).hit).toBeUndefined();
  });

  it('counts [ that never close, and hides them too (each split the text micromark merges back in quadratic time)', () => {
    const flood = `${'&(-['.repeat(600)}\n`;
    expect(hideMarkFloods(flood, 500)).toEqual({ text: flood.replaceAll('[', '\uFDD4'), hit: { limit: 'inlineMarks', line: 1, found: 600 } });
    const parsed = parseBody(flood, 1);
    expect(parsed.limit).toMatchObject({ limit: 'inlineMarks', line: 1 });
    expect(parsed.tree.children).toMatchObject([{ type: 'paragraph', children: [{ type: 'text', value: flood.trimEnd() }] }]);
  });

  it('hides the marks of a paragraph with too many runs, and only that paragraph; the tree gets them back', () => {
    const { text, hit } = hideMarkFloods('*a* _b_\n\n*_*_*_\n\n```\n*_*_*_\n```\n', 4);
    expect(text).toBe('*a* _b_\n\n\uFDD0\uFDD1\uFDD0\uFDD1\uFDD0\uFDD1\n\n```\n*_*_*_\n```\n');
    expect(hit).toEqual({ limit: 'inlineMarks', line: 3, found: 6 });
    const parsed = parseBody('*a* x\n\n*_*_*_ `c*d` [l] <https://e.x/u_v>\n', 1, { ...DEFAULT_LIMITS, inlineMarks: 4 });
    expect(parsed.limit).toMatchObject({ limit: 'inlineMarks', line: 3 });
    expect(JSON.stringify(parsed.tree)).not.toMatch(/[\uFDD0-\uFDD4]/);
    expect(parsed.tree.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph']);
    expect(JSON.stringify(parsed.tree.children[1])).toContain('"value":"*_*_*_ "');
    expect(JSON.stringify(parsed.tree.children[1])).toContain('"value":"c*d"');
    expect(JSON.stringify(parsed.tree.children[1])).toContain('"url":"https://e.x/u_v"');
  });
});

describe('overDeepNode and capTags', () => {
  it('finds a node past the depth without recursion', () => {
    let node: Root['children'][number] = { type: 'text', value: 'x' };
    for (let i = 0; i < 100_000; i++) node = { type: 'emphasis', children: [node] } as Root['children'][number];
    expect(overDeepNode({ type: 'root', children: [node] }, 50)?.found).toBe(51);
  });

  it('keeps the first distinct tags and turns the rest into text', () => {
    const tree = parseBody('#a #b #a #c #d\n', 1).tree;
    expect(capTags(tree, 2)).toMatchObject({ limit: 'tags', found: 4 });
    expect(JSON.stringify(tree)).toContain('"type":"text","value":"#c"');
  });

  it('bracketDepth bounds YAML nesting', () => expect(bracketDepth('a: [[1, {b: [2]}], 3]')).toBe(4));
});

describe('parseBody within limits (the inputs of issue 16)', () => {
  it.each([
    ['a blockquote 5,000 deep', deepBlockquote(), 'depth', 1],
    ['a list 2,000 deep', deepList(), 'depth', 101],
    ['a 200 KB line of *_', emphasisRun(), 'inlineMarks', 1],
  ])('%s: text of the note, the limit and its line', (_, body, limit, line) => {
    const parsed = parseBody(body, 1);
    expect(parsed.limit).toMatchObject({ limit, line });
    expect(JSON.stringify(parsed).length).toBeGreaterThan(body.length / 2);
  });

  it('5,000 tags: the first ones are tags, the rest text', () => {
    const parsed = parseBody(manyTags(), 3);
    expect(parsed.limit).toMatchObject({ limit: 'tags', line: 5, found: 5000 });
    expect(new Set(parsed.tags.map((t) => t.tag)).size).toBe(DEFAULT_LIMITS.tags);
  });

  it('a note over noteSize is its text; comments stay out of it', () => {
    const parsed = parseBody('kept %%secret%% <!-- hidden -->text\n', 1, { ...DEFAULT_LIMITS, noteSize: 10 });
    expect(parsed.limit).toMatchObject({ limit: 'noteSize', line: 1 });
    expect(parsed.tree.children).toEqual([{ type: 'code', value: 'kept  text' }]);
  });
});
