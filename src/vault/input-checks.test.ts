import { describe, expect, it } from 'vitest';
import { parsedNote as note } from '../../test/helpers/parsed-note';
import { parseBody } from '../markdown/parse';
import type { ResolvedLink } from './types';
import { frontmatterKeyLines } from './frontmatter-lines';
import { frontmatterAliases } from './properties';
import { embedCycleDiagnostics, noteInputDiagnostics, subpathDiagnostics, vaultInputDiagnostics } from './input-checks';

describe('noteInputDiagnostics', () => {
  it('a map where Obsidian expects text (aliases: [{a: b}]) is a diagnostic on its line, never the alias "[object Object]"', () => {
    const frontmatter = { title: { a: 1 }, aliases: ['ok', { a: 'b' }], tags: 'fine' };
    const frontmatterLines = frontmatterKeyLines('---\ntitle: {a: 1}\naliases: [ok, {a: b}]\ntags: fine\n---\n');
    const found = noteInputDiagnostics(note('n.md', { frontmatter, frontmatterLines, aliases: frontmatterAliases(frontmatter) }), []);
    expect(frontmatterAliases(frontmatter)).toEqual(['ok']);
    expect(found.map((d) => [d.line, d.message.split(',')[0]])).toEqual([
      [2, 'has a map (key: value) in its "title" property'],
      [3, 'has a map (key: value) in its "aliases" property'],
    ]);
  });

  it('names link syntax in a file name, all-digit tags and aliases listed twice, with lines', () => {
    const frontmatterLines = frontmatterKeyLines('---\ntags: [2024, ok]\naliases: [Dup, dup]\n---\nBody #123\n');
    const found = noteInputDiagnostics(note('C#.md', { tags: ['123', '2024', 'ok'], aliases: ['Dup', 'dup'], frontmatterLines }), [{ tag: '123', line: 5 }]);
    expect(found.map((d) => [d.line, d.message.split(',')[0]])).toEqual([
      [undefined, 'has "#" in its name'],
      [5, 'has the tag "123"'],
      [2, 'has the tag "2024"'],
      [3, 'lists the alias "dup" twice. Remove one.'],
    ]);
  });

  it('names a callout of unknown type at its file line; known types and aliases pass', () => {
    const tree = parseBody('> [!note]\n> a\n\n> [!FAQ]\n> b\n\n> [!recipe] Custom\n> c\n', 4).tree;
    const found = noteInputDiagnostics(note('a.md', { tree, bodyStartLine: 4 }), []);
    expect(found.map((d) => [d.line, d.message.split(';')[0]])).toEqual([[10, 'has a callout of unknown type "recipe"']]);
  });

  it('says nothing about names with spaces, &, % or Japanese', () => {
    for (const id of ['with space.md', 'Tom & Jerry.md', '100%.md', '日本語.md']) expect(noteInputDiagnostics(note(id), [])).toEqual([]);
  });
});

describe('vaultInputDiagnostics', () => {
  it('reports names equal but for case and aliases two notes claim, once each', () => {
    const found = vaultInputDiagnostics([note('readme.md', { aliases: ['Shared'] }), note('README.md'), note('b.md', { aliases: ['shared', 'Shared'] })], true);
    // Sorted ids, as the resolver sorts them: README.md, b.md, readme.md. The first owner of an alias keeps it.
    expect(found.map((d) => d.file)).toEqual(['readme.md', 'readme.md']);
    expect(found[0].message).toContain('differs from README.md only in case');
    expect(found[1].message).toContain('which b.md has too');
  });
});

describe('embedCycleDiagnostics', () => {
  const embed = (from: string, to: string, line: number): ResolvedLink => ({ from, to, target: to, embed: true, source: 'body', syntax: 'wikilink', line });
  it('reports each cycle once, at the embed that closes it; a self-embed too; chains without cycles pass', () => {
    const links = new Map<string, ResolvedLink[]>([
      ['A.md', [embed('A.md', 'B.md', 3)]],
      ['B.md', [embed('B.md', 'A.md', 7)]],
      ['C.md', [embed('C.md', 'A.md', 1), embed('C.md', 'D.md', 2)]],
      ['D.md', []],
      ['Self.md', [embed('Self.md', 'Self.md', 5)]],
    ]);
    expect(embedCycleDiagnostics(links).map((d) => [d.file, d.line, d.message.split(';')[0]])).toEqual([
      ['B.md', 7, 'embeds A.md, which leads back here (A.md → B.md → A.md)'],
      ['Self.md', 5, 'embeds Self.md, which leads back here (Self.md → Self.md)'],
    ]);
  });
});

describe('subpathDiagnostics', () => {
  const target = note('T.md', { headings: [{ depth: 2, text: 'Setup', slug: 'setup', line: 3 }], blockIds: ['abc'] });
  const hidden = note('Hidden.md', { publish: { published: false, reason: 'publish-false' } });
  const notes = new Map([target, hidden, note('A.md')].map((n) => [n.id, n]));
  const link = (subpath: string, fields: Partial<ResolvedLink> = {}): ResolvedLink => ({
    from: 'A.md',
    to: 'T.md',
    target: 'T',
    subpath,
    embed: false,
    source: 'body',
    syntax: 'wikilink',
    line: 4,
    ...fields,
  });

  it('names a heading or block the target does not have, and what the reader sees instead', () => {
    const links = new Map([['A.md', [link('Setup'), link('^ABC'), link('Setp'), link('Guide#Missing', { embed: true, line: 9 }), link('^nope')]]]);
    expect(subpathDiagnostics(links, notes, () => true).map((d) => [d.line, d.message.split('. ')[0]])).toEqual([
      [4, 'links to the heading "Setp" of T.md, which has no such heading; the link opens the note at its top'],
      [9, 'links to the heading "Guide > Missing" of T.md, which has no such heading; the embed shows its text instead'],
      [4, 'links to the block ^nope of T.md, which has no such block id; the link opens the note at its top'],
    ]);
  });

  it('says nothing of links from unpublished files, to unpublished notes, or inside comments', () => {
    const links = new Map([
      ['A.md', [link('x', { to: 'Hidden.md' }), link('x', { source: 'comment' })]],
      ['Hidden.md', [link('x', { from: 'Hidden.md' })]],
    ]);
    expect(subpathDiagnostics(links, notes, (id) => id !== 'Hidden.md')).toEqual([]);
  });
});
