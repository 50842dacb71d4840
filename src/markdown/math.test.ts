// Obsidian's math delimiters, as the parser reads them.
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { parseFragment } from './parse';
import { nodesOfType } from '../../test/helpers/markdown';

function math(markdown: string) {
  const tree = parseFragment(markdown);
  return [
    ...nodesOfType(tree, 'mathBlock').map((n) => ({ block: n.value })),
    ...nodesOfType(tree, 'mathInline').map((n) => ({ inline: n.value, display: n.display })),
  ];
}

function text(tree: Root): string[] {
  return nodesOfType(tree, 'text').map((n) => n.value);
}

describe('inline $…$', () => {
  test('opens when not followed by whitespace, closes when not preceded by whitespace nor followed by a digit', () => {
    expect(math('Euler: $e^{2i\\pi} = 1$.')).toEqual([{ inline: 'e^{2i\\pi} = 1', display: false }]);
    expect(math('$5 と $10')).toEqual([]);
    expect(math('a $ x$ b')).toEqual([]);
    expect(math('$x $ y')).toEqual([]);
    expect(math('costs $5 and $10 or $20')).toEqual([]);
    // A `$` followed by a digit does not close: the formula goes on to the next `$`.
    expect(math('$a$5 b$')).toEqual([{ inline: 'a$5 b', display: false }]);
  });

  test('stays on one line', () => {
    expect(math('$a\nb$')).toEqual([]);
  });

  test('\\$ is a literal dollar, outside math and inside it', () => {
    expect(text(parseFragment('An escaped \\$ and \\$x\\$.'))).toEqual(['An escaped $ and $x$.']);
    expect(math('$a \\$ b$')).toEqual([{ inline: 'a \\$ b', display: false }]);
  });

  test('keeps what is inside as written: no escapes, emphasis, tags or links', () => {
    expect(math('$\\\\ *a* [[b]] #tag$')).toEqual([{ inline: '\\\\ *a* [[b]] #tag', display: false }]);
    expect(nodesOfType(parseFragment('$#1$ and #real'), 'obsidianTag').map((t) => t.tag)).toEqual(['real']);
  });

  test('code spans win over math that starts inside them', () => {
    expect(math('`$x$` and $y$')).toEqual([{ inline: 'y', display: false }]);
  });
});

describe('display $$…$$', () => {
  test('a block on lines of its own, keeping \\\\ and blank lines', () => {
    expect(math('$$\n\\begin{vmatrix}a & b\\\\ c & d\\end{vmatrix}=ad-bc\n$$')).toEqual([{ block: '\\begin{vmatrix}a & b\\\\ c & d\\end{vmatrix}=ad-bc' }]);
    expect(math('$$\na\n\nb\n$$')).toEqual([{ block: 'a\n\nb' }]);
  });

  test('opens and closes on one line, or closes at the end of a line of formula', () => {
    expect(math('$$x^2$$')).toEqual([{ block: 'x^2' }]);
    expect(math('$$ a\n= b $$')).toEqual([{ block: 'a\n= b' }]);
  });

  test('inside a line of text it is display math in the paragraph', () => {
    expect(math('text $$x^2$$ more')).toEqual([{ inline: 'x^2', display: true }]);
    expect(math('$$a$$ and $b$')).toEqual([
      { inline: 'a', display: true },
      { inline: 'b', display: false },
    ]);
  });

  test('across lines of a paragraph, with indented lines, tabs and a lone $ (once a hang and a parser crash)', () => {
    expect(math('x $$a\n b$$')).toEqual([{ inline: 'a\n b', display: true }]);
    expect(math('x $$a\nb\tc $ d$$ y')).toEqual([{ inline: 'a\nb\tc $ d', display: true }]);
    expect(math('- item $$a\n  \\b\n  c$$')).toEqual([{ inline: 'a\n\\b\nc', display: true }]);
    expect(math('> x $$a\n> \tb$$')).toEqual([{ inline: 'a\n\tb', display: true }]);
  });

  test('interrupts a paragraph; an unclosed $$ stays text', () => {
    const tree = parseFragment('para\n$$\nq\n$$\nafter');
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'mathBlock', 'paragraph']);
    expect(math('$$\nunclosed\n\nmore')).toEqual([]);
    // Text, split only where the soft line break is marked (line-breaks.ts).
    expect(text(parseFragment('$$\nunclosed')).join('')).toBe('$$\nunclosed');
  });

  test('inside callouts, lists, tables and footnotes', () => {
    expect(math('> [!note]\n> $$\n> a\\\\b\n> $$\n> and $x$')).toEqual([{ block: 'a\\\\b' }, { inline: 'x', display: false }]);
    expect(math('- item $y$\n  $$\n  z\n  $$')).toEqual([{ block: 'z' }, { inline: 'y', display: false }]);
    expect(math('| a |\n|---|\n| $x^2$ |')).toEqual([{ inline: 'x^2', display: false }]);
    expect(math('text[^1]\n\n[^1]: note $f$')).toEqual([{ inline: 'f', display: false }]);
  });
});

test('math-free text keeps highlights, strikethrough and emphasis next to Japanese punctuation', () => {
  const tree = parseFragment('==mark== ~~gone~~ **「強調」**を $x$');
  expect(nodesOfType(tree, 'highlight')).toHaveLength(1);
  expect(nodesOfType(tree, 'delete')).toHaveLength(1);
  expect(nodesOfType(tree, 'strong')).toHaveLength(1);
});
