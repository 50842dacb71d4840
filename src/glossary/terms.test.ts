import { describe, expect, it } from 'vitest';
import { buildGlossary, isTermNote, type TermNoteInput } from './terms';

const cfg = { folder: '用語集' };
const note = (id: string, fields: Partial<TermNoteInput> = {}): TermNoteInput => ({
  id,
  title: id.replace(/^.*\//, '').replace(/\.md$/, ''),
  aliases: [],
  folder: id.includes('/') ? id.replace(/\/[^/]*$/, '') : '',
  frontmatter: {},
  firstParagraph: 'A definition.',
  ...fields,
});

describe('isTermNote', () => {
  it('takes notes in the folder or its subfolders, or typed term anywhere', () => {
    expect(isTermNote(note('用語集/イメージ.md'), cfg)).toBe(true);
    expect(isTermNote(note('用語集/Docker/タグ.md'), cfg)).toBe(true);
    expect(isTermNote(note('用語集2/タグ.md'), cfg)).toBe(false);
    expect(isTermNote(note('docs/タグ.md', { frontmatter: { type: 'term' } }), cfg)).toBe(true);
    expect(isTermNote(note('docs/タグ.md'), cfg)).toBe(false);
  });

  it('lets a note in the folder opt out with another type, and an empty folder disable the folder rule', () => {
    expect(isTermNote(note('用語集/用語集.md', { frontmatter: { type: 'index' } }), cfg)).toBe(false);
    expect(isTermNote(note('用語集/タグ.md'), { folder: '' })).toBe(false);
  });

  it('compares folders in NFC', () => {
    expect(isTermNote(note('x.md', { folder: '用語集/ハ\u309Aス'.normalize('NFD') }), { folder: '用語集/パス' })).toBe(true);
  });
});

describe('buildGlossary', () => {
  it('builds terms with reading, English name, definition and related terms', () => {
    const digest = note('用語集/ダイジェスト.md', {
      aliases: ['ダイジェスト値', 'digest', 'Digest'],
      frontmatter: { type: 'term', reading: 'だいじぇすと', description: ' イメージの内容のハッシュ。 ' },
      linkedIds: ['用語集/イメージ.md', 'docs/手順.md', '用語集/ダイジェスト.md'],
    });
    const { terms, diagnostics } = buildGlossary([digest, note('用語集/イメージ.md'), note('docs/手順.md')], cfg);
    expect(diagnostics).toEqual([]);
    expect(terms.find((t) => t.id === digest.id)).toEqual({
      id: '用語集/ダイジェスト.md',
      title: 'ダイジェスト',
      reading: 'だいじぇすと',
      aliases: ['ダイジェスト値', 'digest', 'Digest'],
      english: 'digest',
      definition: 'イメージの内容のハッシュ。',
      relatedTermIds: ['用語集/イメージ.md'],
    });
  });

  it('falls back to the first paragraph, and reports a term without definition at its line', () => {
    const { terms, diagnostics } = buildGlossary(
      [note('用語集/タグ.md', { firstParagraph: '  ', frontmatterLines: { description: 4 } }), note('用語集/イメージ.md')],
      cfg,
    );
    expect(terms.map((t) => t.definition)).toEqual(['A definition.', undefined]);
    expect(diagnostics).toEqual([{ file: '用語集/タグ.md', line: 4, severity: 'warning', message: expect.stringContaining('no definition') }]);
  });

  it('reports a term defined twice (case and width folded) and links its mentions to the first', () => {
    const first = note('用語集/Docker.md');
    const second = note('用語集/misc/ｄｏｃｋｅｒ.md', { frontmatterLines: { title: 2 } });
    const { entries, diagnostics } = buildGlossary([second, first], cfg);
    expect(diagnostics).toEqual([
      { file: second.id, line: 2, severity: 'warning', message: expect.stringMatching(/「ｄｏｃｋｅｒ」 is defined twice \(also in 用語集\/Docker\.md\)/) },
    ]);
    expect(entries).toEqual([{ termId: first.id, surface: 'Docker' }]);
  });

  it('reports an alias shared by two terms, or equal to another term’s title', () => {
    const image = note('用語集/イメージ.md', { aliases: ['image'] });
    const baseImage = note('用語集/ベースイメージ.md', { aliases: ['Image', 'イメージ', 'base image'], frontmatterLines: { aliases: 3 } });
    const { entries, diagnostics } = buildGlossary([image, baseImage], cfg);
    expect(diagnostics.map((d) => [d.file, d.line, d.message.slice(0, d.message.indexOf(':'))])).toEqual([
      [baseImage.id, 3, 'alias 「Image」 is also the title or an alias of 用語集/イメージ.md'],
      [baseImage.id, 3, 'alias 「イメージ」 is also the title or an alias of 用語集/イメージ.md'],
    ]);
    expect(entries).toEqual([
      { termId: image.id, surface: 'イメージ' },
      { termId: baseImage.id, surface: 'ベースイメージ' },
      { termId: image.id, surface: 'image' },
      { termId: baseImage.id, surface: 'base image' },
    ]);
  });

  it('accepts an alias repeating its own title, and warns about a reading that is not kana', () => {
    const { entries, diagnostics } = buildGlossary([note('用語集/Dockerfile.md', { aliases: ['dockerfile'], frontmatter: { reading: 'Dockerfile' } })], cfg);
    expect(entries).toEqual([{ termId: '用語集/Dockerfile.md', surface: 'Dockerfile' }]);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('does not start with kana')]);
  });
});
