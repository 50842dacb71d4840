// The seed note's dataviewjs block ("related notes by tag" + "outgoing links and their backlinks"),
// verbatim, on a small vault; the expected HTML is derived by hand from Dataview's semantics.
import { describe, expect, test } from 'vitest';
import { createDataviewEngine } from './index';
import { link, page, testLinks } from './test-vault';

const SEED_BLOCK = `// ===== 関連ノート (タグ基準) =====
dv.header(3, "関連ノート");

const currentFile = dv.current();

// 現在のファイルにタグが存在し、かつ空のタグではない場合のみ処理を実行
if (currentFile.file.tags && currentFile.file.tags.length > 0 && currentFile.file.tags[0] !== "") {
    // 表示するタグの最大数を3つに制限
    const maxLoop = Math.min(currentFile.file.tags.length, 3);

    for (let i = 0; i < maxLoop; i++) {
        const tag = currentFile.file.tags[i];
        
        // タグからページを検索 (自分自身は除外)
        const pages = dv.pages(tag)
            .where(p => p.file.path !== currentFile.file.path) 
            .sort(f => f.file.mtime.ts, "desc")
            .limit(15);
        
        // 関連ページが見つかった場合のみリスト表示
        if (pages.length > 0) {
            // タグ名を太字で表示
            dv.span(\`**\${tag}**\`); 
            dv.list(pages.file.link);
        }
    }
} else {
    // タグがない場合はメッセージを表示
    dv.paragraph("（関連するタグが設定されていません）");
}


// ===== このノートからのリンク先とそのページの被リンク =====
const outgoingLinks = currentFile.file.outlinks;

if (outgoingLinks.length > 0) {
    dv.header(3, "このノートからのリンク先");
    
    // outlinksはファイルオブジェクトではないので、パスからページ情報を取得する
    const linkedPages = outgoingLinks
        .map(link => dv.page(link.path))
        .filter(page => page); // 存在しないページ(undefined)を除外

    for (let page of linkedPages) {
        // ページタイトルをサブヘッダーとして表示
        dv.header(4, page.file.link);
        
        // そのページの被リンク（どこからリンクされているか）を表示
        if (page.file.inlinks.length > 0) {
            dv.list(page.file.inlinks.sort());
        } else {
            dv.paragraph("（このページへのリンクはありません）");
        }
    }
}
`;

const CURRENT = 'Docker/Dockerイメージとは.md';

// Snapshot order is the order ties keep after the stable mtime sort.
const vault = [
  page(CURRENT, {
    etags: ['t-notes/Docker', 't-notes/AI生成'],
    outlinks: [link('Docker/Dockerfile.md'), link('Kubernetes'), link('Docker/コンテナとは.md', { subpath: '起動', type: 'header' })],
    inlinks: ['Docker/Docker入門.md'],
    mtime: 400,
  }),
  // Different casing of the same tag still matches.
  page('Docker/Dockerfile.md', {
    etags: ['T-Notes/docker'],
    inlinks: [CURRENT, 'Docker/Docker入門.md', 'apps/app.md'],
    mtime: 300,
  }),
  page('Docker/コンテナとは.md', { etags: ['t-notes/Docker'], inlinks: [CURRENT], mtime: 200 }),
  // A subtag matches its parents; same mtime as Dockerfile: stays after it.
  page('Docker/Docker入門.md', { etags: ['t-notes/Docker/入門'], outlinks: [link(CURRENT), link('Docker/Dockerfile.md')], mtime: 300 }),
  // Tagged only with the parent: matches '#t-notes', not '#t-notes/Docker'.
  page('Notes/misc.md', { etags: ['t-notes'], mtime: 500 }),
  page('Notes/other.md', { etags: ['other/AI生成'], mtime: 100 }),
  page('apps/app.md', { outlinks: [link('Docker/Dockerfile.md')] }),
];

const a = (path: string, name: string) => `<li><span><a class="internal-link" href="/${path}/">${name}</a></span></li>`;
const list = (...items: string[]) => `<div><ul class="dataview list-view-ul">${items.join('')}</ul></div>`;
const tagSpan = (tag: string) => `<span><span><strong><a class="tag" href="/tags/${tag.toLowerCase()}/">#${tag}</a></strong></span></span>`;

describe('the seed block', () => {
  test('renders related notes by tag, then each linked note with its sorted backlinks', async () => {
    const engine = createDataviewEngine(vault, testLinks);
    const result = await engine.runJs(SEED_BLOCK, CURRENT);
    expect(result).toEqual({
      ok: true,
      html: [
        '<h3><span>関連ノート</span></h3>',
        tagSpan('t-notes/Docker'),
        list(a('Docker/Dockerfile', 'Dockerfile'), a('Docker/Docker入門', 'Docker入門'), a('Docker/コンテナとは', 'コンテナとは')),
        tagSpan('t-notes'),
        list(a('Notes/misc', 'misc'), a('Docker/Dockerfile', 'Dockerfile'), a('Docker/Docker入門', 'Docker入門'), a('Docker/コンテナとは', 'コンテナとは')),
        // '#t-notes/AI生成' has no other page: nothing at all for it.
        '<h3><span>このノートからのリンク先</span></h3>',
        '<h4><span><a class="internal-link" href="/Docker/Dockerfile/">Dockerfile</a></span></h4>',
        // localeCompare as in Chromium (ICU): 'apps/…' before 'Docker/…', whatever the case.
        list(a('apps/app', 'app'), a('Docker/Dockerイメージとは', 'Dockerイメージとは'), a('Docker/Docker入門', 'Docker入門')),
        // The unresolved 'Kubernetes' link is dropped by .filter(page => page).
        '<h4><span><a class="internal-link" href="/Docker/コンテナとは/">コンテナとは</a></span></h4>',
        list(a('Docker/Dockerイメージとは', 'Dockerイメージとは')),
      ].join(''),
    });
  });

  test('a note without tags or links gets the notice and no link section', async () => {
    const engine = createDataviewEngine(vault, testLinks);
    const result = await engine.runJs(SEED_BLOCK, 'apps/app.md');
    expect(result.ok && result.html).toContain('<h3><span>関連ノート</span></h3><p><span>（関連するタグが設定されていません）</span></p>');
    const lonely = createDataviewEngine([page('Lonely.md')], testLinks);
    expect(await lonely.runJs(SEED_BLOCK, 'Lonely.md')).toEqual({
      ok: true,
      html: '<h3><span>関連ノート</span></h3><p><span>（関連するタグが設定されていません）</span></p>',
    });
  });

  test('a linked page nobody else links to gets the "no links" paragraph', async () => {
    const engine = createDataviewEngine([page('A.md', { outlinks: [link('B.md')] }), page('B.md')], testLinks);
    const result = await engine.runJs(SEED_BLOCK, 'A.md');
    expect(result.ok && result.html).toContain(
      '<h4><span><a class="internal-link" href="/B/">B</a></span></h4><p><span>（このページへのリンクはありません）</span></p>',
    );
  });
});
