// Every UI string of the site, in Japanese (default) and English. Pages take them from here only.
import type { Lang } from '../config/config';

const ja = {
  skipToContent: '本文へスキップ',
  home: 'ホーム',
  recentNotes: '最近更新されたノート',
  notesByFolder: 'フォルダー別ノート',
  allNotes: 'すべてのノート',
  tags: 'タグ',
  tag: 'タグ',
  tagPageTitle: (tag: string) => `タグ: #${tag}`,
  notesWithTag: (n: number) => `${n} 件のノート`,
  subTags: '下位タグ',
  created: '作成',
  modified: '更新',
  properties: 'プロパティ',
  backlinks: 'バックリンク',
  noBacklinks: 'このノートへのリンクはありません',
  outgoingLinks: 'このノートからのリンク',
  relatedNotes: '関連ノート',
  localGraph: 'ローカルグラフ',
  graph: 'グラフ',
  graphTitle: 'ノートのつながり',
  glossary: '用語集',
  onThisPage: '目次',
  rootFolder: 'ルート',
  previous: '前へ',
  next: '次へ',
  notFoundTitle: 'ページが見つかりません',
  notFoundText: 'お探しのページは移動したか、公開されていません。',
  backHome: 'ホームへ戻る',
  dataviewPlaceholder: 'このブロックの結果はビルド時に計算されます。',
  dataviewDisabled: 'このDataviewブロックは実行されていません。',
  dataviewFailed: 'このDataviewブロックを実行できませんでした。',
  embedCycle: '埋め込みが循環しているため表示を省略しました',
  themeToggle: 'ライト／ダークの切り替え',
  footer: 'tsunagu で公開',
  noteCount: (n: number) => `${n} 件`,
};

type Strings = typeof ja;

const en: Strings = {
  skipToContent: 'Skip to content',
  home: 'Home',
  recentNotes: 'Recently updated',
  notesByFolder: 'Notes by folder',
  allNotes: 'All notes',
  tags: 'Tags',
  tag: 'Tag',
  tagPageTitle: (tag) => `Tag: #${tag}`,
  notesWithTag: (n) => `${n} note${n === 1 ? '' : 's'}`,
  subTags: 'Subtags',
  created: 'Created',
  modified: 'Updated',
  properties: 'Properties',
  backlinks: 'Backlinks',
  noBacklinks: 'No notes link here',
  outgoingLinks: 'Links from this note',
  relatedNotes: 'Related notes',
  localGraph: 'Local graph',
  graph: 'Graph',
  graphTitle: 'How the notes connect',
  glossary: 'Glossary',
  onThisPage: 'On this page',
  rootFolder: 'Root',
  previous: 'Previous',
  next: 'Next',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you are looking for has moved or is not published.',
  backHome: 'Back to home',
  dataviewPlaceholder: 'The result of this block is computed at build time.',
  dataviewDisabled: 'This Dataview block was not run.',
  dataviewFailed: 'This Dataview block could not be run.',
  embedCycle: 'Embed skipped: it would embed itself',
  themeToggle: 'Toggle light/dark theme',
  footer: 'Published with tsunagu',
  noteCount: (n) => `${n}`,
};

export function strings(lang: Lang): Strings {
  return lang === 'en' ? en : ja;
}

/** Dates as readers of the site's language expect them; author-written times are kept as written (UTC). */
export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'ja-JP', { year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}
