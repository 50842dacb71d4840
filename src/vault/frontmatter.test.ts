import { describe, expect, test } from 'vitest';
import { readFixtureVault } from '../../test/fixtures/vaults/fixture-vault';
import { decodeNote, splitFrontmatter } from './frontmatter';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (id: string, text: string) => splitFrontmatter(id, decodeNote(id, bytes(text)).text);

describe('decodeNote', () => {
  test('drops a UTF-8 BOM and turns CRLF and CR into LF', () => {
    expect(decodeNote('n.md', bytes('\uFEFF---\r\ntitle: x\r\n---\r\nbody\rmore'))).toEqual({ text: '---\ntitle: x\n---\nbody\nmore', diagnostics: [] });
  });

  test('invalid UTF-8: one diagnostic on the line of the first bad byte, text kept', () => {
    const result = decodeNote('bad.md', new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x0a, 0xfe]));
    expect(result.text).toBe('a\nb\uFFFD\n\uFFFD');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: 'bad.md', line: 2, severity: 'warning' });
  });
});

describe('splitFrontmatter', () => {
  test('no frontmatter: body is the whole text from line 1', () => {
    expect(read('n.md', '# Title\ntext')).toEqual({ frontmatter: {}, body: '# Title\ntext', bodyStartLine: 1, diagnostics: [] });
  });

  test('frontmatter with BOM and CRLF is read; body starts after the closing line', () => {
    expect(read('n.md', '\uFEFF---\r\ntitle: Hello\r\ntags: [a, b]\r\n---\r\nbody\r\n')).toEqual({
      frontmatter: { title: 'Hello', tags: ['a', 'b'] },
      body: 'body\n',
      bodyStartLine: 5,
      diagnostics: [],
    });
  });

  test('empty frontmatter and "..." as closing line', () => {
    expect(read('n.md', '---\n---\nbody')).toMatchObject({ frontmatter: {}, body: 'body', bodyStartLine: 3, diagnostics: [] });
    expect(read('n.md', '---\na: 1\n...\nbody')).toMatchObject({ frontmatter: { a: 1 }, body: 'body', bodyStartLine: 4 });
  });

  test('a closing line at the very end of the file: empty body', () => {
    expect(read('n.md', '---\na: 1\n---')).toMatchObject({ frontmatter: { a: 1 }, body: '', diagnostics: [] });
  });

  test('dates without a zone in YAML timestamps are UTC', () => {
    expect(read('n.md', '---\ncreated: 2025-07-08 22:51:30\n---\n').frontmatter.created).toEqual(new Date('2025-07-08T22:51:30Z'));
  });
});

describe('fixture vault "frontmatter"', () => {
  const { notes } = readFixtureVault('frontmatter');

  test('invalid YAML: one diagnostic on the file line of the error, body kept', () => {
    const note = notes.get('bad-indent.md')!;
    expect(note.frontmatter).toEqual({});
    expect(note.body).toBe('body\n');
    expect(note.bodyStartLine).toBe(7);
    expect(note.diagnostics).toHaveLength(1);
    // Line 5 of the file is " - b", the badly indented list item.
    expect(note.diagnostics[0]).toMatchObject({ file: 'bad-indent.md', line: 5, severity: 'warning' });
    expect(note.diagnostics[0].message).toContain('(A block sequence may not be used as an implicit map key)');
  });

  test.each([['list.md'], ['scalar.md']])('frontmatter that is not a map (%s): one diagnostic, body kept', (id) => {
    const note = notes.get(id)!;
    expect(note.frontmatter).toEqual({});
    expect(note.body).toBe('body\n');
    expect(note.diagnostics).toHaveLength(1);
    expect(note.diagnostics[0]).toMatchObject({ file: id, line: 2 });
  });

  test('YAML aliases that expand exponentially: refused quickly, one diagnostic naming the limit, body kept', () => {
    const note = notes.get('alias-bomb.md')!;
    expect(note.frontmatter).toEqual({});
    expect(note.body).toContain('billion laughs');
    expect(note.diagnostics).toHaveLength(1);
    expect(note.diagnostics[0]).toMatchObject({ file: 'alias-bomb.md', line: 2 });
    expect(note.diagnostics[0].message).toContain('limits.yamlAliases');
  });

  test('more aliases than limits.yamlAliases never reach the parser (it looks each one up across the document)', () => {
    const text = `---\nbase: &b [x]\n${Array.from({ length: 500 }, (_, i) => `k${i}: *b`).join('\n')}\n---\nbody\n`;
    const note = read('aliases.md', text);
    expect(note.frontmatter).toEqual({});
    expect(note.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('limits.yamlAliases: 100')]);
    expect(read('few.md', '---\nbase: &b [x]\ncopy: *b\nstar: a *b c\n---\n').frontmatter).toEqual({ base: ['x'], copy: ['x'], star: 'a *b c' });
  });

  test('dates stay dates and << merges a map, as the YAML 1.1 reader before did', () => {
    expect(notes.get('dates-and-merge.md')!.frontmatter).toEqual({
      created: new Date('2024-03-01T00:00:00Z'),
      base: { lang: 'ja' },
      merged: { lang: 'ja', extra: 1 },
    });
  });

  test('unterminated frontmatter: one diagnostic, whole file kept as body', () => {
    const note = notes.get('unterminated.md')!;
    expect(note).toMatchObject({ frontmatter: {}, body: '---\ntitle: never closed\n\nbody\n', bodyStartLine: 1 });
    expect(note.diagnostics).toHaveLength(1);
    expect(note.diagnostics[0]).toMatchObject({ file: 'unterminated.md', line: 1 });
  });

  test('bodyStartLine maps body lines to file lines', () => {
    const note = notes.get('body-line.md')!;
    expect(note.frontmatter).toEqual({ title: 'Links', tags: ['x'] });
    expect(note.diagnostics).toEqual([]);
    const bodyLine = note.body.split('\n').findIndex((l) => l.includes('[[Target]]'));
    // "See [[Target]] here." is on line 8 of the file.
    expect(note.bodyStartLine + bodyLine).toBe(8);
  });
});

describe('frontmatter Obsidian reads but the YAML spec does not', () => {
  test('a [ ] or { } value whose lines are indented with tabs, or not at all, is read as Obsidian reads it', () => {
    const note = read('n.md', '---\nlist: [\n\t{name: "a", n: 1},\n\t{name: "b [x]", n: 2}\n]\nflat: [\n"c",\n"d"\n]\nafter: ok\n---\nbody\n');
    expect(note.diagnostics).toEqual([]);
    expect(note.frontmatter).toEqual({
      list: [
        { name: 'a', n: 1 },
        { name: 'b [x]', n: 2 },
      ],
      flat: ['c', 'd'],
      after: 'ok',
    });
  });

  test('YAML that is wrong for another reason still gets its diagnostic on its line', () => {
    const note = read('n.md', "---\ntitle: it's [open\nlist: [\n\ta,\n---\nbody\n");
    expect(note.frontmatter).toEqual({});
    expect(note.diagnostics).toHaveLength(1);
    expect(note.diagnostics[0].message).toMatch(/invalid YAML/);
  });
});
