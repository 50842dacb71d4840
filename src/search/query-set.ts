// Queries a reader of the sample vault (notes/) types, each with the page that must come first. Kept as a test
// (test/search.test.ts) because Pagefind's Japanese segmentation is the weak spot: compounds split one way in
// the text and another in the query. Terms are asked by title, reading, English alias and compound alias;
// notes by title words, a heading and a phrase of their text.
interface SearchCase {
  query: string;
  /** Vault id of the note expected first. */
  expected: string;
  why: string;
}

const term = (name: string) => `用語集/${name}.md`;
const PRODUCTION = 'Docker/本番環境にはイメージを渡す.md';
const IMAGE_LESSON = 'Docker/レッスン/Dockerイメージとは.md';
const IMAGE_AND_CONTAINER = 'Docker/レッスン/Dockerイメージとコンテナ.md';
const CLIPPING_OVERVIEW = 'Clippings/【図解】Dockerの全体像を理解する -前編-.md';
const CLIPPING_IMAGE = 'Clippings/コンテナイメージとは.md';

export const SEARCH_CASES: SearchCase[] = [
  { query: 'ダイジェスト', expected: term('ダイジェスト'), why: 'term title' },
  { query: 'digest', expected: term('ダイジェスト'), why: 'English alias' },
  { query: 'だいじぇすと', expected: term('ダイジェスト'), why: 'reading' },
  { query: 'イメージダイジェスト', expected: term('ダイジェスト'), why: 'compound alias' },
  { query: 'イメージ', expected: term('イメージ'), why: 'term title that most pages mention' },
  { query: 'image', expected: term('イメージ'), why: 'alias that is part of many other aliases' },
  { query: 'コンテナ', expected: term('コンテナ'), why: 'term title inside many compounds' },
  { query: 'container', expected: term('コンテナ'), why: 'alias that is part of many other aliases' },
  { query: 'ビルド', expected: term('ビルド'), why: 'term title inside many compounds' },
  { query: 'build', expected: term('ビルド'), why: 'alias, also a word of docker build' },
  { query: 'マルチステージビルド', expected: term('マルチステージビルド'), why: 'compound term' },
  { query: 'multi-stage build', expected: term('マルチステージビルド'), why: 'hyphenated English alias' },
  { query: 'レイヤー', expected: term('レイヤー'), why: 'term title' },
  { query: 'コンテナレイヤー', expected: term('書き込み可能レイヤー'), why: 'compound alias of another title' },
  { query: '親イメージ', expected: term('ベースイメージ'), why: 'kanji + katakana alias' },
  { query: '軽量イメージ', expected: term('スリムイメージ'), why: 'kanji + katakana alias' },
  { query: 'k8s', expected: term('Kubernetes'), why: 'short Latin alias with a digit' },
  { query: 'クーバネティス', expected: term('Kubernetes'), why: 'katakana alias of a Latin title' },
  { query: 'rootfs', expected: term('ルートファイルシステム'), why: 'English alias' },
  { query: '仮想化', expected: term('仮想化'), why: 'kanji term inside two other term titles' },
  { query: 'コンテナ型仮想化', expected: term('コンテナ型仮想化'), why: 'compound of two other terms' },
  { query: 'ハイパーバイザー', expected: term('ハイパーバイザ'), why: 'alias spelling with the long vowel' },
  { query: 'レジストリ', expected: term('レジストリ'), why: 'title inside プライベートレジストリ' },
  { query: 'Docker Hub', expected: term('Docker Hub'), why: 'two-word Latin title' },
  { query: 'dockerd', expected: term('Docker Engine'), why: 'alias' },
  { query: 'ENTRYPOINT', expected: term('エントリポイント'), why: 'upper-case alias' },
  { query: '環境変数', expected: term('環境変数'), why: 'kanji compound' },
  { query: 'ソフトウェア部品表', expected: term('SBOM'), why: 'Japanese alias of an acronym' },
  { query: '脆弱性スキャン', expected: term('脆弱性スキャン'), why: 'kanji + katakana title' },
  { query: '署名', expected: term('署名'), why: 'two-kanji title' },
  { query: 'latest', expected: term('latestタグ'), why: 'Latin part of a mixed title' },
  { query: 'タグ', expected: term('タグ'), why: 'title inside latestタグ and イメージタグ' },
  { query: 'docker pull', expected: term('docker pull'), why: 'command title' },
  { query: 'ディストロレス', expected: term('distroless'), why: 'katakana alias of a Latin title' },
  { query: '本番環境にはイメージを渡す', expected: PRODUCTION, why: 'note title as a sentence' },
  { query: '料理キット', expected: PRODUCTION, why: 'phrase of the text' },
  { query: 'コンテナイメージとは', expected: CLIPPING_IMAGE, why: 'note title next to the term コンテナイメージ' },
  { query: 'Dockerイメージとコンテナ', expected: IMAGE_AND_CONTAINER, why: 'note title' },
  { query: '設計図から建てた家', expected: IMAGE_AND_CONTAINER, why: 'phrase of a quote' },
  { query: '命名規則', expected: IMAGE_LESSON, why: 'heading' },
  { query: 'docker history', expected: IMAGE_LESSON, why: 'command in a code block' },
  { query: '全体像', expected: CLIPPING_OVERVIEW, why: 'word of a note title' },
  { query: '真空パック', expected: PRODUCTION, why: 'phrase of the text' },
  { query: '実行インスタンス', expected: IMAGE_AND_CONTAINER, why: 'word of a heading' },
  { query: '同意語', expected: CLIPPING_IMAGE, why: 'word of a heading' },
  { query: 'イメージの命名規則', expected: IMAGE_LESSON, why: 'heading, also a link text elsewhere' },
  { query: 'Docker Hubからのimage取得', expected: CLIPPING_OVERVIEW, why: 'heading in three scripts' },
  { query: 'daemon off', expected: IMAGE_LESSON, why: 'words in a code block' },
  { query: 'ハッシュ値', expected: term('ダイジェスト'), why: 'word of a definition' },
  { query: 'ランタイム', expected: term('コンテナランタイム'), why: 'end of a compound title' },
  { query: 'アーカイブ', expected: term('イメージアーカイブ'), why: 'end of a compound title' },
  { query: 'キャッシュ', expected: term('ビルドキャッシュ'), why: 'end of a compound title' },
  { query: 'スキャン', expected: term('脆弱性スキャン'), why: 'end of a compound title' },
  { query: '部品表', expected: term('SBOM'), why: 'end of a compound alias' },
];
