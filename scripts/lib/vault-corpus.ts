// Words and sentences the generated vault is made of: a Japanese/English tech notebook, like the sample vault.
// Sentences hold a `{}` slot for a noun, a glossary term or a wikilink.

export interface TermSeed {
  title: string;
  /** Hiragana, for the glossary's index order. */
  reading: string;
  english: string;
  description: string;
}

export const BASE_TERMS: readonly TermSeed[] = [
  { title: 'コンテナ', reading: 'こんてな', english: 'container', description: 'イメージから起動される、隔離された実行環境。' },
  { title: 'イメージ', reading: 'いめーじ', english: 'image', description: 'コンテナの元になる、読み取り専用のファイル群と設定。' },
  { title: 'レジストリ', reading: 'れじすとり', english: 'registry', description: 'イメージを保管し配布するサーバー。' },
  { title: 'レイヤー', reading: 'れいやー', english: 'layer', description: 'イメージを構成する差分の一枚一枚。' },
  { title: 'ボリューム', reading: 'ぼりゅーむ', english: 'volume', description: 'コンテナの外に置かれ、消えずに残るデータ領域。' },
  { title: 'ネットワーク', reading: 'ねっとわーく', english: 'network', description: 'コンテナ同士やホストをつなぐ仮想的な通信路。' },
  { title: '依存関係', reading: 'いぞんかんけい', english: 'dependency', description: 'あるソフトウェアが動くために必要とする別のソフトウェア。' },
  { title: '環境変数', reading: 'かんきょうへんすう', english: 'environment variable', description: 'プロセスに外から渡す名前付きの設定値。' },
  { title: 'キャッシュ', reading: 'きゃっしゅ', english: 'cache', description: '一度計算した結果を取っておき、次に使い回す仕組み。' },
  { title: 'デプロイ', reading: 'でぷろい', english: 'deploy', description: '作ったソフトウェアを本番環境に反映すること。' },
  { title: 'ビルド', reading: 'びるど', english: 'build', description: 'ソースコードから実行できる成果物を作る工程。' },
  { title: 'リポジトリ', reading: 'りぽじとり', english: 'repository', description: 'ファイルと変更履歴をまとめて管理する場所。' },
  { title: 'ブランチ', reading: 'ぶらんち', english: 'branch', description: '履歴から分かれて並行して進む作業の流れ。' },
  { title: 'コミット', reading: 'こみっと', english: 'commit', description: 'リポジトリに記録された一つの変更。' },
  { title: 'マージ', reading: 'まーじ', english: 'merge', description: '二つの作業の流れを一つにまとめること。' },
  { title: '型推論', reading: 'かたすいろん', english: 'type inference', description: '書かれていない型をコンパイラが式から導くこと。' },
  { title: 'ジェネリクス', reading: 'じぇねりくす', english: 'generics', description: '型を引数に取り、多くの型で使える部品を書く仕組み。' },
  { title: '非同期処理', reading: 'ひどうきしょり', english: 'asynchronous processing', description: '待ち時間の間に他の処理を進める書き方。' },
  { title: 'トランザクション', reading: 'とらんざくしょん', english: 'transaction', description: 'すべて成功するか、何もしなかったことになる一連の操作。' },
  { title: 'インデックス', reading: 'いんでっくす', english: 'index', description: '検索を速くするために作る、並べ替えた参照表。' },
  { title: 'スキーマ', reading: 'すきーま', english: 'schema', description: 'データの形と制約の定義。' },
  { title: 'マイグレーション', reading: 'まいぐれーしょん', english: 'migration', description: 'スキーマやデータを新しい形へ段階的に移すこと。' },
  { title: 'ロードバランサー', reading: 'ろーどばらんさー', english: 'load balancer', description: '届いた通信を複数のサーバーに振り分ける装置。' },
  {
    title: 'リバースプロキシ',
    reading: 'りばーすぷろきし',
    english: 'reverse proxy',
    description: 'サーバーの手前で要求を受け、奥のサーバーへ取り次ぐ中継役。',
  },
  { title: '証明書', reading: 'しょうめいしょ', english: 'certificate', description: '公開鍵の持ち主を第三者が保証する電子的な書類。' },
  { title: '認証', reading: 'にんしょう', english: 'authentication', description: '相手が名乗った本人であることを確かめること。' },
  { title: '認可', reading: 'にんか', english: 'authorization', description: '本人に何を許すかを決めること。' },
  { title: '暗号化', reading: 'あんごうか', english: 'encryption', description: '鍵を持つ者だけが読めるようにデータを変換すること。' },
  { title: 'ハッシュ', reading: 'はっしゅ', english: 'hash', description: '任意のデータから作る固定長の要約値。' },
  { title: 'ログ', reading: 'ろぐ', english: 'log', description: 'プログラムが実行中に書き残す出来事の記録。' },
  { title: 'メトリクス', reading: 'めとりくす', english: 'metrics', description: '時間とともに集める数値の計測値。' },
  { title: 'アラート', reading: 'あらーと', english: 'alert', description: '計測値が閾値を越えたときに人に知らせる通知。' },
  { title: 'スケーリング', reading: 'すけーりんぐ', english: 'scaling', description: '負荷に合わせて処理能力を増減させること。' },
  {
    title: 'オーケストレーション',
    reading: 'おーけすとれーしょん',
    english: 'orchestration',
    description: '多数のコンテナの配置や再起動を自動で管理すること。',
  },
  { title: 'パイプライン', reading: 'ぱいぷらいん', english: 'pipeline', description: 'ビルドからデプロイまでを順に自動で流す仕組み。' },
  { title: '静的サイト', reading: 'せいてきさいと', english: 'static site', description: 'あらかじめ生成した HTML をそのまま配信するサイト。' },
  { title: '全文検索', reading: 'ぜんぶんけんさく', english: 'full-text search', description: '文書の本文すべてを対象にする検索。' },
  { title: '正規表現', reading: 'せいきひょうげん', english: 'regular expression', description: '文字列の並びを表す小さな言語。' },
  { title: '構文木', reading: 'こうぶんぎ', english: 'syntax tree', description: 'ソースを解析して得られる、構造を表す木。' },
  { title: 'サンドボックス', reading: 'さんどぼっくす', english: 'sandbox', description: '外に影響を与えられないよう隔離した実行環境。' },
];

/** Suffixes that make more terms from the base ones (コンテナ → コンテナ設計), with their readings. */
export const TERM_SUFFIXES: readonly { ja: string; reading: string; en: string }[] = [
  { ja: '設計', reading: 'せっけい', en: 'design' },
  { ja: '管理', reading: 'かんり', en: 'management' },
  { ja: '運用', reading: 'うんよう', en: 'operations' },
  { ja: '監視', reading: 'かんし', en: 'monitoring' },
  { ja: '戦略', reading: 'せんりゃく', en: 'strategy' },
  { ja: '最適化', reading: 'さいてきか', en: 'optimization' },
  { ja: '検証', reading: 'けんしょう', en: 'verification' },
  { ja: '自動化', reading: 'じどうか', en: 'automation' },
  { ja: '障害', reading: 'しょうがい', en: 'failure' },
  { ja: '移行', reading: 'いこう', en: 'migration plan' },
  { ja: '分割', reading: 'ぶんかつ', en: 'splitting' },
  { ja: '方針', reading: 'ほうしん', en: 'policy' },
];

export const TOPICS: readonly string[] = [
  'Docker',
  'Kubernetes',
  'TypeScript',
  'Astro',
  'Git',
  'PostgreSQL',
  'Nginx',
  'Linux',
  'Rust',
  'Python',
  'AWS',
  'Terraform',
  'React',
  'Node.js',
  'SQLite',
  'Redis',
  'GitHub Actions',
  'Obsidian',
  'Vim',
  'Go',
];

export const ASPECTS_JA: readonly string[] = [
  'キャッシュ',
  '設定',
  'ネットワーク',
  'ログ',
  'デプロイ',
  '権限',
  'ビルド',
  'テスト',
  '監視',
  'バックアップ',
  '移行',
  'トラブルシュート',
  'パフォーマンス',
  'セキュリティ',
  '型',
  'エラー処理',
  '初期設定',
  '運用',
  '設計',
  '比較',
];

export const ASPECTS_EN: readonly string[] = [
  'caching',
  'configuration',
  'networking',
  'logging',
  'deployment',
  'permissions',
  'builds',
  'testing',
  'monitoring',
  'backups',
  'migration',
  'troubleshooting',
  'performance',
  'security',
  'types',
  'error handling',
  'setup',
  'operations',
];

/** Title shapes; {t} topic, {a} aspect. Nothing a file name cannot hold (no / \ : * ? " < > | # ^ [ ]). */
export const TITLES_JA: readonly string[] = [
  '{t}の{a}',
  '{t}で{a}を見直す',
  '{t}入門 {a}編',
  '{t}の{a}メモ',
  '{t}と{a}の関係',
  '{a}から見た{t}',
  '{t}の{a}でハマったこと',
];
export const TITLES_EN: readonly string[] = ['{t} {a}', 'Notes on {t} {a}', '{t} {a} checklist', 'How {t} handles {a}', '{t} {a} in practice'];

export const HEADINGS: readonly string[] = [
  '概要',
  '背景',
  '手順',
  'なぜそうするのか',
  '注意点',
  'まとめ',
  '参考',
  '設定例',
  '実行結果',
  '比較',
  '課題',
  'Overview',
  'Background',
  'Steps',
  'Pitfalls',
  'Summary',
  'Next steps',
  'Example',
  'Results',
  'Open questions',
];

export const NOUNS_JA: readonly string[] = [
  '設定ファイル',
  '本番サーバー',
  '開発用のPC',
  'テスト環境',
  'この手順',
  '古いバージョン',
  '共有フォルダ',
  '起動スクリプト',
  '社内のドキュメント',
  '最初の実装',
  'チームの方針',
  '夜間のジョブ',
  '一時ファイル',
  'ダッシュボード',
  'サンプルコード',
];
export const NOUNS_EN: readonly string[] = [
  'the config file',
  'the production server',
  'my laptop',
  'the staging environment',
  'this procedure',
  'the old version',
  'the shared folder',
  'the start script',
  'the team wiki',
  'the first implementation',
  'the nightly job',
  'the dashboard',
];

export const SENTENCES_JA: readonly string[] = [
  '{}を使うと、環境ごとの差異を気にせずに同じ手順を再現できます。',
  'まず{}の役割を整理しておくと、後の説明がずっと分かりやすくなります。',
  '結論から言うと、{}は最初から分けておいた方が楽です。',
  '以前は手作業で{}を更新していましたが、今はスクリプトに任せています。',
  '{}について調べたところ、公式のドキュメントに詳しい説明がありました。',
  'ここで大事なのは、{}を変更したら必ず動作を確認することです。',
  '{}が原因で、ビルドが途中で止まることがありました。',
  'もう少し詳しく、なぜ{}が必要なのかを説明しますね。',
  '前の例えを思い出してください。{}はレシピに、成果物は完成した料理に当たります。',
  '実際に試してみると、{}の挙動は思っていたより素直でした。',
  '{}の設定は一度決めてしまえば、あとはほとんど触りません。',
  '運用を始めてから、{}の重要性に気づきました。',
  'この仕組みこそが、{}が広く使われている最大の理由の一つです。',
  '{}を省くと、あとで原因の分からない不具合に悩まされます。',
  '念のため、{}のバックアップを取ってから作業を始めました。',
  '手元では動くのに本番では動かない、という問題は{}でほぼ防げます。',
  '{}の仕様は版によって少しずつ違うので注意が必要です。',
  'チームで共有するなら、{}の書き方をそろえておくと便利です。',
];
export const SENTENCES_EN: readonly string[] = [
  'With {}, the same steps reproduce on every machine without surprises.',
  'It helps to pin down what {} is responsible for before going further.',
  'In short, keeping {} separate from the start saves a lot of pain later.',
  'I used to update {} by hand, but a small script does it now.',
  'The official documentation explains {} in more detail than I expected.',
  'The important part is to check the behaviour every time {} changes.',
  'A stale copy of {} made the build stop halfway more than once.',
  'Looking back, {} was the piece that made the rest of the setup simple.',
  'Once {} is settled, it rarely needs any attention.',
  'Skipping {} tends to produce bugs whose cause is hard to find.',
  'If the team shares {}, agreeing on one style for it pays off quickly.',
  'The behaviour of {} differs slightly between versions, so read the changelog.',
  'I measured it twice: {} accounted for most of the time.',
  'Nothing fancy here, just {} and a couple of shell commands.',
];

export const CALLOUT_TYPES: readonly string[] = ['note', 'tip', 'warning', 'info', 'question', 'example', 'important', 'danger'];

export const CODE_SAMPLES: readonly { lang: string; code: string }[] = [
  { lang: 'bash', code: 'docker build -t my-app:1.0 .\ndocker push registry.example.com/my-app:1.0\ndocker run --rm -p 8080:80 my-app:1.0' },
  {
    lang: 'ts',
    code: 'export function retry<T>(task: () => Promise<T>, times = 3): Promise<T> {\n  return task().catch((error) => (times > 1 ? retry(task, times - 1) : Promise.reject(error)));\n}',
  },
  { lang: 'yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n    volumes:\n      - ./site:/usr/share/nginx/html:ro' },
  {
    lang: 'sql',
    code: "CREATE INDEX CONCURRENTLY notes_updated_idx ON notes (updated_at DESC);\nSELECT id, title FROM notes WHERE updated_at > now() - interval '7 days';",
  },
  {
    lang: 'python',
    code: 'from pathlib import Path\n\nfor path in sorted(Path("notes").rglob("*.md")):\n    print(path.stem, len(path.read_text(encoding="utf-8")))',
  },
  { lang: 'json', code: '{\n  "compilerOptions": {\n    "strict": true,\n    "module": "ESNext"\n  }\n}' },
  { lang: 'dockerfile', code: 'FROM node:24-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]' },
];

/** Formulas as notes hold them: a sentence with inline math, or a display block. */
export const MATH_SAMPLES: readonly string[] = [
  'イメージのダイジェストは $\\mathrm{sha256}(\\text{manifest})$ で、レイヤーが一つ変わっても値が変わる。',
  'Cache hit rate: $h = \\frac{n_{hit}}{n_{hit} + n_{miss}}$, measured per build.',
  '$$\n\\begin{aligned}\nT_{build} &= \\sum_{i=1}^{n} t_i \\\\\n&\\le n \\cdot \\max_i t_i\n\\end{aligned}\n$$',
  '$$\nP(\\text{miss}) = 1 - \\left(1 - \\frac{1}{k}\\right)^{m}\n$$',
];

export const MERMAID_SAMPLES: readonly string[] = [
  'flowchart LR\n  dev[開発者のPC] -->|docker push| reg[(レジストリ)]\n  reg -->|docker pull| prod[本番サーバー]',
  'sequenceDiagram\n  participant C as Client\n  participant S as Server\n  C->>S: GET /notes\n  S-->>C: 200 OK',
];

export const HIGHLIGHTS: readonly string[] = [
  '==ここが一番大事==',
  '**本番環境に渡すのは「イメージ」です。**',
  '*fast enough*',
  '~~古いやり方~~',
  '`--no-cache`',
];
