// Inline fields as Dataview reads them and as Obsidian's reading view draws them.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseFragment } from './parse';
import { renderTree as renderWith } from './render';
import { fakeContext } from '../../test/helpers/markdown';

/** The fields the parser records on the blocks of `markdown`. */
const fieldsOf = (markdown: string) => parseFragment(markdown).children.flatMap((block) => block.data?.inlineFields ?? []);
const renderTree = (tree: ReturnType<typeof parseFragment>) => renderWith(tree, fakeContext('Home.md', { 'Home.md': '', 'Alice.md': '' }));

describe('reading inline fields (Dataview inline-field.ts)', () => {
  test.each([
    ['text [rating:: 9] text', [['rating', '9', 'bracket']]],
    [
      'a (b:: c) and [d:: e]',
      [
        ['b', 'c', 'paren'],
        ['d', 'e', 'bracket'],
      ],
    ],
    ['[key:: [value]]', [['key', '[value]', 'bracket']]],
    ['[[[[hello:: 16]]', [['hello', '16', 'bracket']]],
    [
      '[link:: [[Page|x]]] (z:: 1)',
      [
        ['link', '[[Page|x]]', 'bracket'],
        ['z', '1', 'paren'],
      ],
    ],
    ['[key:value]', []],
    ['[a (b:: c)] no', [['b', 'c', 'paren']]],
  ])('%s', (line, expected) => {
    expect(fieldsOf(line).map((f) => [f.key, f.value, f.form])).toEqual(expected);
  });

  test.each([
    ['Rating:: 9', 'Rating', '9'],
    ['**Bold Field**:: Nice!', 'Bold Field', 'Nice!'],
    ['# Status:: open', 'Status', 'open'],
    ['due date::2021-01-01', 'due date', '2021-01-01'],
    // Dataview 0.5.68's keys (FULL_LINE_KEY_PARSER): underscores are key characters, leading emoji are dropped, and
    // its emoji-regex under the `u` flag matches no emoji outside the Basic Multilingual Plane.
    ['_Italic_:: it', '_Italic_', 'it'],
    ['key*_:: v', 'key', 'v'],
    ['key_*:: v', 'key_', 'v'],
    ['🎉 Party:: v', 'Party', 'v'],
    ['a✅b:: v', 'a✅b', 'v'],
    [':: v', '', 'v'],
  ])('full line %s', (line, key, value) => {
    expect(fieldsOf(line)).toMatchObject([{ key, value, form: 'line' }]);
  });

  test.each(['a.b:: c', 'x: y', 'what (is):: it', 'Emoji 🎉 key:: party', 'Bold **key**:: v'])('not a field: %s', (line) => {
    expect(fieldsOf(line)).toEqual([]);
  });
});

describe('drawing inline fields', () => {
  test('bracket fields show key and value chips; parenthesis fields only the value; full lines stay as typed', () => {
    const html = renderTree(parseFragment('I feel [mood:: happy] today (weather:: sunny).\n\nRating:: 9'));
    expect(html).toContain(
      '<span class="dataview inline-field"><span class="dataview inline-field-key" data-dv-key="mood" data-dv-norm-key="mood">mood</span><span class="dataview inline-field-value">happy</span></span>',
    );
    expect(html).toContain('<span class="dataview inline-field-standalone-value" data-dv-key="weather" data-dv-norm-key="weather">sunny</span>.');
    expect(html).not.toContain('[mood::');
    expect(html).toContain('Rating:: 9');
  });

  test('fields on every line of a paragraph are drawn, not only those of its first line', () => {
    const html = renderTree(parseFragment('Met [who:: Ann] at [when:: 10:00].\nThen [who:: Ben] at [when:: 11:30]\n'));
    expect(html.match(/class="dataview inline-field"/g)).toHaveLength(4);
    expect(html).toContain('<span class="dataview inline-field-value">Ben</span>');
    expect(html).not.toContain('[who::');
  });

  test('the chips are styled by the site stylesheet (key and value apart, as in Obsidian)', () => {
    const html = renderTree(parseFragment('I feel [mood:: happy] today (weather:: sunny).'));
    const classes = new Set([...html.matchAll(/class="dataview ([\w-]+)"/g)].map((m) => m[1]));
    expect([...classes].sort()).toEqual(['inline-field', 'inline-field-key', 'inline-field-standalone-value', 'inline-field-value']);
    const css = readFileSync(new URL('../styles/site.css', import.meta.url), 'utf8');
    for (const cls of [...classes].filter((c) => c !== 'inline-field')) expect(css).toMatch(new RegExp(`\\.dataview\\.${cls}(?![\\w-])[^{}]*\\{[^}]*padding`));
  });

  test('links and tags inside values go through the one grammar', () => {
    const tree = parseFragment('- task [owner:: [[Alice]]] [topic:: #work]');
    const html = renderTree(tree);
    expect(html).toMatch(/inline-field-value">(<[^>]+>)*<a [^>]*>Alice<\/a>/);
    expect(html).toMatch(/inline-field-value"><a [^>]*class="tag"[^>]*>#work<\/a>/);
  });

  test('fields are recorded on their block with their raw values', () => {
    const tree = parseFragment('Total:: 5 min\n\nsee [a:: 1] and (b:: [[X]])');
    const fields = tree.children.map((block) => block.data?.inlineFields?.map((f) => [f.key, f.value, f.form]));
    expect(fields).toEqual([
      [['Total', '5 min', 'line']],
      [
        ['a', '1', 'bracket'],
        ['b', '[[X]]', 'paren'],
      ],
    ]);
  });
});
