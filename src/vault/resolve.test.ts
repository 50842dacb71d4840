import { describe, expect, test } from 'vitest';
import { readFixtureVault } from '../../test/fixtures/vaults/fixture-vault';
import { frontmatterAliases } from './properties';
import { LinkResolver } from './resolve';

function resolverFor(fileIds: string[], aliases: Record<string, string[]> = {}, aliasFallback = true): LinkResolver {
  return new LinkResolver({ fileIds, aliases: new Map(Object.entries(aliases)), aliasFallback });
}

describe('fixture vault "resolution"', () => {
  const { scan, notes } = readFixtureVault('resolution');
  const aliases = new Map([...notes].map(([id, note]) => [id, frontmatterAliases(note.frontmatter)]));
  const resolver = new LinkResolver({ fileIds: scan.files.map((f) => f.id), aliases, aliasFallback: true });
  const to = (from: string, target: string) => resolver.resolve(from, target)?.id;

  test('the fixture holds what the cases below expect', () => {
    expect(scan.files.map((f) => f.id)).toEqual([
      'Home.md',
      'a/Note.md',
      'a/Other.md',
      'a/b/Note.md',
      'assets/pic.png',
      'b/Note.md',
      'c/Note.md',
      'c/Other.md',
    ]);
  });

  test.each([
    // [from, link, expected]
    ['a/Other.md', 'Note', 'a/Note.md'], // own folder first
    ['c/Other.md', 'Note', 'c/Note.md'],
    ['a/b/Note.md', 'Note', 'a/b/Note.md'],
    ['Home.md', 'Note', 'a/Note.md'], // equal lengths: lexicographic
    ['Home.md', 'Other', 'a/Other.md'],
    ['c/Note.md', 'Other', 'c/Other.md'],
    ['a/Other.md', 'b/Note', 'b/Note.md'], // exact vault path beats a/b/Note.md
    ['Home.md', 'b/Note', 'b/Note.md'],
    ['Home.md', 'b/Note.md', 'b/Note.md'],
    ['Home.md', 'a/b/Note', 'a/b/Note.md'],
    ['Home.md', 'NOTE.MD', 'a/Note.md'],
    ['Home.md', 'B/note', 'b/Note.md'],
    ['Home.md', '  c/Note  ', 'c/Note.md'],
    ['Home.md', '/c/Note', 'c/Note.md'],
    ['a/b/Note.md', './Note', 'a/b/Note.md'],
    ['a/b/Note.md', '../Other', 'a/Other.md'],
    ['a/b/Note.md', '../../c/Note.md', 'c/Note.md'],
    ['Home.md', 'pic.png', 'assets/pic.png'],
    ['a/Other.md', 'PIC.PNG', 'assets/pic.png'],
    ['c/Note.md', '', 'c/Note.md'],
    ['a/Note.md', 'start', 'Home.md'], // alias fallback
    ['a/Note.md', 'Front page', 'Home.md'],
  ])('from %s, [[%s]] → %s', (from, link, expected) => {
    expect(to(from, link)).toBe(expected);
  });

  test.each([
    ['Home.md', 'pic'], // attachments need their extension
    ['Home.md', 'Missing'],
    ['a/Other.md', './Missing'],
    ['Home.md', '../Home'], // leaves the vault
    ['a/Other.md', 'x/Note'], // trailing path must match whole segments
    ['a/Other.md', 'ote'],
  ])('from %s, [[%s]] → nothing', (from, link) => {
    expect(resolver.resolve(from, link)).toBeUndefined();
  });

  test('viaAlias says how the note was found', () => {
    expect(resolver.resolve('a/Note.md', 'Start')).toEqual({ id: 'Home.md', viaAlias: true });
    expect(resolver.resolve('a/Note.md', 'Home')).toEqual({ id: 'Home.md', viaAlias: false });
  });
});

describe('LinkResolver', () => {
  test('a trailing path match prefers the shortest path, then lexicographic order', () => {
    const resolver = resolverFor(['zz/Note.md', 'aaa/Note.md', 'x/b/Note.md', 'y/b/Note.md']);
    expect(resolver.resolve('Home.md', 'Note')?.id).toBe('zz/Note.md');
    expect(resolver.resolve('Home.md', 'b/Note')?.id).toBe('x/b/Note.md');
  });

  test('ties do not depend on the order files were listed in', () => {
    const ids = ['q/Note.md', 'p/Note.md', 'r/Note.md'];
    expect(resolverFor(ids).resolve('Home.md', 'Note')?.id).toBe('p/Note.md');
    expect(resolverFor([...ids].reverse()).resolve('Home.md', 'Note')?.id).toBe('p/Note.md');
  });

  test('two files differing only in case: the exact spelling wins, else the first in sorted order', () => {
    for (const ids of [
      ['Note.md', 'note.md'],
      ['note.md', 'Note.md'],
    ]) {
      const resolver = resolverFor(ids);
      expect(resolver.resolve('x.md', 'Note')?.id).toBe('Note.md');
      expect(resolver.resolve('x.md', 'note')?.id).toBe('note.md');
      expect(resolver.resolve('x.md', 'NOTE')?.id).toBe('Note.md');
    }
  });

  test('a folder-qualified link resolves through case differences', () => {
    expect(resolverFor(['Docs/Setup.md']).resolve('x.md', 'docs/setup')?.id).toBe('Docs/Setup.md');
  });

  test('NFD link text finds an NFC file name', () => {
    expect(resolverFor(['日本/ガイド.md']).resolve('x.md', 'ガイド'.normalize('NFD'))?.id).toBe('日本/ガイド.md');
  });

  test('an alias is used only when no file matches', () => {
    const resolver = resolverFor(['Start.md', 'Home.md'], { 'Home.md': ['Start', 'Begin'] });
    expect(resolver.resolve('x.md', 'Start')).toEqual({ id: 'Start.md', viaAlias: false });
    expect(resolver.resolve('x.md', 'begin')).toEqual({ id: 'Home.md', viaAlias: true });
  });

  test('a shared alias goes to the note first in id order, whatever the map order', () => {
    const aliases = { 'b.md': ['Shared'], 'a.md': ['Shared'] };
    expect(resolverFor(['a.md', 'b.md'], aliases).resolve('x.md', 'shared')?.id).toBe('a.md');
  });

  test('aliasFallback: false resolves as Obsidian does, never through an alias', () => {
    expect(resolverFor(['Home.md'], { 'Home.md': ['Start'] }, false).resolve('x.md', 'Start')).toBeUndefined();
  });
});
