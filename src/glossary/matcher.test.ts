import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatcherEntry } from './matcher';

const entry = (termId: string, ...surfaces: string[]): MatcherEntry[] => surfaces.map((surface) => ({ termId, surface }));
const found = (entries: MatcherEntry[], text: string) =>
  compileMatcher(entries)
    .findAll(text)
    .map((m) => [m.termId, m.surface]);

const docker = [
  ...entry('image', 'イメージ', 'image'),
  ...entry('base-image', 'ベースイメージ', 'base image'),
  ...entry('docker', 'Docker'),
  ...entry('docker-hub', 'Docker Hub'),
  ...entry('digest', 'ダイジェスト', 'digest', 'Digest', 'ダイジェスト値'),
  ...entry('tag', 'tag', 'タグ'),
];

describe('compileMatcher', () => {
  it('prefers the longest surface: ベースイメージ over イメージ', () => {
    expect(found(docker, 'ベースイメージとイメージ')).toEqual([
      ['base-image', 'ベースイメージ'],
      ['image', 'イメージ'],
    ]);
  });

  it('links コンテナイメージ to its own term when it exists, else the イメージ inside it', () => {
    expect(found(docker, 'コンテナイメージ')).toEqual([['image', 'イメージ']]);
    expect(found([...docker, ...entry('container-image', 'コンテナイメージ')], 'コンテナイメージ')).toEqual([['container-image', 'コンテナイメージ']]);
  });

  it('never links the first word of a katakana compound, or a cut one', () => {
    // Seen on the Obsidian Help vault's glossary: コマンド inside コマンドパレット, ビュー inside ビューアー, and
    // the folded たぐ of したグラフ matching タグ.
    const help = [...entry('command', 'コマンド'), ...entry('view', 'ビュー'), ...entry('tag', 'タグ'), ...entry('note', 'ノート')];
    expect(found(help, 'コマンドパレットを開く')).toEqual([]);
    expect(found(help, 'PDFビューアーの高さ')).toEqual([]);
    expect(found(help, '接続したグラフ')).toEqual([]);
    expect(found(help, 'ノートテイキング、ビュー・ノート、ｺﾏﾝﾄﾞﾊﾟﾚｯﾄ')).toEqual([
      ['view', 'ビュー'],
      ['note', 'ノート'],
    ]);
    expect(found(help, 'ハッシュタグとデイリーノート、コマンドを実行')).toEqual([
      ['tag', 'タグ'],
      ['note', 'ノート'],
      ['command', 'コマンド'],
    ]);
  });

  it('matches Latin next to kana: Dockerイメージ', () => {
    expect(found(docker, 'Dockerイメージ')).toEqual([
      ['docker', 'Docker'],
      ['image', 'イメージ'],
    ]);
  });

  it('prefers the longer mixed surface in Docker Hubのイメージ', () => {
    expect(found(docker, 'Docker Hubのイメージ')).toEqual([
      ['docker-hub', 'Docker Hub'],
      ['image', 'イメージ'],
    ]);
  });

  it('is case-insensitive for Latin but keeps ASCII word boundaries', () => {
    expect(found(docker, 'Digest, DIGEST, digests, subdigest, sha1digest, sha-digest, digest2, ダイジェスト値')).toEqual([
      ['digest', 'Digest'],
      ['digest', 'DIGEST'],
      ['digest', 'digest'],
      ['digest', 'ダイジェスト値'],
    ]);
    expect(found(docker, 'tags と tag と タグ')).toEqual([
      ['tag', 'tag'],
      ['tag', 'タグ'],
    ]);
  });

  it('matches half-width and hiragana spellings, returning original offsets', () => {
    const text = 'これはﾀﾞｲｼﾞｪｽﾄです';
    const [match] = compileMatcher(docker).findAll(text);
    expect(match).toMatchObject({ termId: 'digest', surface: 'ﾀﾞｲｼﾞｪｽﾄ', start: 3 });
    expect(text.slice(match.start, match.end)).toBe('ﾀﾞｲｼﾞｪｽﾄ');
    expect(found(docker, 'ＤＯＣＫＥＲ')).toEqual([['docker', 'ＤＯＣＫＥＲ']]);
  });

  it('finds overlapping-suffix surfaces (failure links) without overlapping matches', () => {
    const entries = [...entry('long', 'あいうえ'), ...entry('inner', 'いう'), ...entry('tail', 'うえお')];
    expect(found(entries, 'あいうか・あいうえ・あいうえお・いうえお')).toEqual([
      ['inner', 'いう'],
      ['long', 'あいうえ'],
      ['long', 'あいうえ'],
      ['inner', 'いう'],
    ]);
  });

  it('falls back to a shorter surface when the longer one breaks a word boundary', () => {
    const entries = [...entry('k8s', 'kube'), ...entry('cube', 'ube')];
    expect(found(entries, 'kubes')).toEqual([]);
    expect(found([...entry('image', 'image'), ...entry('base-image', 'base image')], 'base images, base image')).toEqual([['base-image', 'base image']]);
  });

  it('never splits a folded character', () => {
    expect(found(entry('company', '株式'), '㍿')).toEqual([]);
    expect(found(entry('company', '株式会社'), '㍿です')).toEqual([['company', '㍿']]);
    expect(found(entry('ka', 'カ'), 'ｶﾞ')).toEqual([]);
  });

  it('gives a surface shared by two terms to the first', () => {
    expect(found([...entry('a', 'Image'), ...entry('b', 'image')], 'image')).toEqual([['a', 'image']]);
  });
});
