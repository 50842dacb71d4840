import { describe, expect, test } from 'vitest';
import { parseBody } from '../markdown/parse';
import { glossaryNoteTerms, isGlossaryNote } from './glossary-note';

const termsOf = (body: string) => {
  const { tree } = parseBody(body, 1);
  return { terms: glossaryNoteTerms(tree), tree };
};

describe('isGlossaryNote', () => {
  test.each([
    [{ name: '用語集', title: '用語集', frontmatter: {} }, true],
    [{ name: 'Glossary', title: 'Glossary', frontmatter: {} }, true],
    [{ name: 'terms', title: 'Terms', frontmatter: {} }, false],
    [{ name: 'terms', title: 'Terms', frontmatter: { glossary: true } }, true],
    [{ name: 'Words', title: 'Words', frontmatter: {} }, false],
  ])('%j → %s', (note, expected) => {
    expect(isGlossaryNote(note, '用語集')).toBe(expected);
  });

  test('the glossary.folder setting names it too', () => {
    expect(isGlossaryNote({ name: 'Words', title: 'Words', frontmatter: {} }, 'notes/Words')).toBe(true);
  });
});

describe('glossaryNoteTerms', () => {
  test('## and ### headings with a paragraph under them; bold names in the first sentence are aliases', () => {
    const { terms } = termsOf(
      [
        '# 用語集',
        '',
        '## イメージ',
        '',
        '**コンテナイメージ**、**Docker image** とも。実行に必要な**ファイル**をまとめた設計図。',
        '',
        'ほかの段落。',
        '',
        '### レイヤー',
        '',
        'イメージを構成する差分。[[イメージ]]を参照。',
        '',
        '## 見出しだけ',
        '',
        '- 一覧',
        '- ではなく説明',
        '- ただの一覧',
      ].join('\n'),
    );
    expect(terms.map(({ title, anchor, aliases, line }) => ({ title, anchor, aliases, line }))).toEqual([
      { title: 'イメージ', anchor: 'イメージ', aliases: ['コンテナイメージ', 'Docker image'], line: 3 },
      { title: 'レイヤー', anchor: 'レイヤー', aliases: [], line: 9 },
    ]);
    expect(terms[0].definition).toBe('コンテナイメージ、Docker image とも。実行に必要なファイルをまとめた設計図。');
    expect(terms[1].definition).toBe('イメージを構成する差分。イメージを参照。');
  });

  test('`term` / `: definition` lines: each term becomes its own paragraph with an id', () => {
    const { terms, tree } = termsOf('タグ\n: イメージにつける名前。\nダイジェスト\n: 内容のハッシュ値。\n');
    expect(terms.map(({ title, anchor, definition }) => ({ title, anchor, definition }))).toEqual([
      { title: 'タグ', anchor: 'term-タグ', definition: 'イメージにつける名前。' },
      { title: 'ダイジェスト', anchor: 'term-ダイジェスト', definition: '内容のハッシュ値。' },
    ]);
    expect(tree.children).toHaveLength(2);
    expect(tree.children.map((block) => block.data?.hProperties?.id)).toEqual(['term-タグ', 'term-ダイジェスト']);
  });

  test("the seed's list: term item, definition item, one after another", () => {
    const { terms, tree } = termsOf(
      '## 同意語\n\n- Dockerイメージ\n- Docker形式のコンテナイメージ。\n- **OCI**イメージ\n- Open Container Initiative 仕様に準拠した**OCI image**。\n',
    );
    expect(terms.map(({ title, aliases, definition }) => ({ title, aliases, definition }))).toEqual([
      { title: 'Dockerイメージ', aliases: [], definition: 'Docker形式のコンテナイメージ。' },
      { title: 'OCIイメージ', aliases: ['OCI image'], definition: 'Open Container Initiative 仕様に準拠したOCI image。' },
    ]);
    const list = tree.children[1] as { children: { data?: { hProperties?: { id?: string } } }[] };
    expect(list.children.map((item) => item.data?.hProperties?.id)).toEqual(['term-dockerイメージ', undefined, 'term-ociイメージ', undefined]);
  });

  test('alternating lines in a paragraph, and `- **term**: definition` items', () => {
    expect(termsOf('イメージ\n実行に必要なファイルと設定をまとめた設計図\nレイヤー\n変更ごとに追加される差分\n').terms.map((t) => t.title)).toEqual([
      'イメージ',
      'レイヤー',
    ]);
    const { terms } = termsOf('- **ボリューム**: コンテナの外に置くデータ。\n- **ネットワーク**：コンテナ同士をつなぐ。\n- ただの項目\n');
    expect(terms.map(({ title, definition }) => ({ title, definition }))).toEqual([
      { title: 'ボリューム', definition: 'コンテナの外に置くデータ。' },
      { title: 'ネットワーク', definition: 'コンテナ同士をつなぐ。' },
    ]);
  });

  test('a hiragana reading in brackets after the name is the reading', () => {
    const { terms } = termsOf('## 鉢植え（はちうえ）\n\n土を入れる容器。\n\n- 灌水 (かんすい)\n- 水やりの硬い言い方。\n');
    expect(terms.map(({ title, reading, anchor }) => ({ title, reading, anchor }))).toEqual([
      { title: '鉢植え', reading: 'はちうえ', anchor: '鉢植えはちうえ' },
      { title: '灌水', reading: 'かんすい', anchor: 'term-灌水' },
    ]);
  });

  test('prose is not a list of terms', () => {
    expect(termsOf('このノートは用語集です。\nよく使う言葉をまとめました。\n\n- 一つ目の項目です。\n- 二つ目の項目です。\n').terms).toEqual([]);
  });
});
