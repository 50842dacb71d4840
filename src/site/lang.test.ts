import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { parseBody } from '../markdown/parse';
import { detectLang } from './lang';

const note = (title: string, body: string): { id: string; title: string; tree: Root } => ({ id: `${title}.md`, title, tree: parseBody(body, 1).tree });

describe('detectLang', () => {
  test('Japanese prose with English product names is Japanese', () => {
    expect(detectLang([note('イメージ', 'Docker のイメージは、レイヤーを重ねたファイルシステムです。Docker Hub から取得します。')]).lang).toBe('ja');
  });

  test('English prose with a Japanese word is English', () => {
    expect(detectLang([note('Layers', 'An image is a stack of read-only layers; in Japanese it is called イメージ.')]).lang).toBe('en');
  });

  test('code does not count: a Japanese note full of shell commands is Japanese', () => {
    const body = '次のコマンドで実行します。\n\n```sh\ndocker run --rm -it alpine sh -c "echo hello world from the container"\n```\n';
    expect(detectLang([note('実行', body)])).toMatchObject({ lang: 'ja', japaneseNotes: 1 });
  });

  test('one note of English tags does not turn a Japanese vault English', () => {
    const tags = Array.from({ length: 5000 }, (_, i) => `#tag${i}word`).join(' ');
    const notes = [note('イメージ', 'イメージはレイヤーの重なりです。'), note('レイヤー', 'レイヤーは読み取り専用です。'), note('tags', tags)];
    expect(detectLang(notes)).toEqual({ lang: 'ja', japaneseNotes: 2, notesWithProse: 3 });
  });

  test('no text at all is English', () => {
    expect(detectLang([]).lang).toBe('en');
  });
});
