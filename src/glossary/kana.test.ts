import { describe, expect, it } from 'vitest';
import { gojuonRow, groupTerms } from './kana';

describe('gojuonRow', () => {
  it('finds the row of plain, voiced, semi-voiced and small kana', () => {
    expect(gojuonRow('あめ')).toBe('あ');
    expect(gojuonRow('がぞう')).toBe('か');
    expect(gojuonRow('ぱっけーじ')).toBe('は');
    expect(gojuonRow('ゃ')).toBe('や');
    expect(gojuonRow('っ')).toBe('た');
    expect(gojuonRow('ゔぃむ')).toBe('あ');
    expect(gojuonRow('をかし')).toBe('わ');
    expect(gojuonRow('んごろ')).toBe('わ');
  });

  it('reads katakana and half-width katakana', () => {
    expect(gojuonRow('ダイジェスト')).toBe('た');
    expect(gojuonRow('ﾀﾞｲｼﾞｪｽﾄ')).toBe('た');
    expect(gojuonRow('ヴィム')).toBe('あ');
  });

  it('gives no row to a long-vowel mark, kanji, Latin or empty reading', () => {
    expect(gojuonRow('ーる')).toBeUndefined();
    expect(gojuonRow('仮想化')).toBeUndefined();
    expect(gojuonRow('docker')).toBeUndefined();
    expect(gojuonRow('')).toBeUndefined();
  });
});

describe('groupTerms', () => {
  const terms = [
    { title: 'Dockerfile', reading: 'どっかーふぁいる' },
    { title: 'YAML' },
    { title: 'コンテナ' },
    { title: 'イメージ', reading: 'いめーじ' },
    { title: 'ベースイメージ', reading: 'べーすいめーじ' },
    { title: 'ダイジェスト', reading: 'だいじぇすと' },
    { title: 'タグ', reading: 'たぐ' },
    { title: 'apt' },
    { title: '仮想化' },
    { title: '1Password' },
  ];

  it('orders rows あ…わ, then A–Z, then the rest, only non-empty groups', () => {
    expect(groupTerms(terms).map((group) => [group.key, group.label])).toEqual([
      ['あ', 'あ行'],
      ['か', 'か行'],
      ['た', 'た行'],
      ['は', 'は行'],
      ['A', 'A'],
      ['Y', 'Y'],
      ['#', 'その他'],
    ]);
  });

  it('groups a kana title without reading by its title, and kanji without reading under その他', () => {
    const group = (key: string) =>
      groupTerms(terms)
        .find((g) => g.key === key)
        ?.terms.map((t) => t.title);
    expect(group('か')).toEqual(['コンテナ']);
    expect(group('#')).toEqual(['1Password', '仮想化']);
  });

  it('sorts a row by reading with the Japanese collation (a dakuten only breaks ties)', () => {
    const row = groupTerms(terms).find((g) => g.key === 'た')!;
    expect(row.terms.map((t) => t.title)).toEqual(['ダイジェスト', 'タグ', 'Dockerfile']);
    expect(groupTerms([{ title: 'ば' }, { title: 'はい' }, { title: 'は' }])[0].terms.map((t) => t.title)).toEqual(['は', 'ば', 'はい']);
  });

  it('ties on reading break by title', () => {
    const twins = [{ title: '橋', reading: 'はし' }, { title: '箸', reading: 'はし' }, { title: 'はし' }];
    expect(groupTerms(twins)[0].terms.map((t) => t.title)).toEqual([...twins.map((t) => t.title)].sort(new Intl.Collator('ja').compare));
  });
});
