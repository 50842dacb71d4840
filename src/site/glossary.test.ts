import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { KINDS } from '../kinds/registry';
import { markdownNote } from '../kinds/note';
import type { Root } from 'mdast';
import { fixtureDir } from '../../test/fixtures/vaults/fixture-vault';
import type { AutoLinkMode } from '../config/config';
import { isPublished, loadVault, type Vault } from '../vault/load';
import type { ParsedNote } from '../vault/types';
import { renderTree } from '../markdown/render';
import { type CardTree, canvasCardTrees, treeOf } from './canvas-cards';
import { applyGlossary } from './glossary';
import { renderContextFor } from './render-context';
import { applyReplacement } from './steps';

const DIGEST = '用語集/ダイジェスト.md';
const TAG = '用語集/タグ.md';

/** The step as the build runs it: its splits applied to the trees (the last first), its output returned. */
function linkGlossary(vault: Vault, published: ParsedNote[], autoLink: AutoLinkMode, cards: CardTree[] = []) {
  const { output, replacements } = applyGlossary(vault, published, cards, {
    folder: '用語集',
    autoLink,
    locale: 'ja',
    hrefFor: (id) => `/${id.replace(/\.md$/, '')}/`,
  });
  for (const split of [...replacements].reverse()) applyReplacement(treeOf(vault, split.noteId)!, split);
  return output;
}

function run(autoLink: AutoLinkMode = 'first') {
  const vaultDir = fixtureDir('glossary');
  const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
  const published = [...vault.notes.values()].filter(isPublished);
  const result = linkGlossary(vault, published, autoLink);
  const termLinks = (id: string) => termLinksIn(vault.notes.get(id)!.tree);
  return { vault, result, termLinks };
}

type TreeNode = { type: string; children?: TreeNode[]; value?: string; data?: { hProperties?: { href?: string } } };

/** `surface → url` of every term link in the tree, in document order. */
function termLinksIn(node: TreeNode | Root): string[] {
  const { type, children = [], data } = node as TreeNode;
  if (type === 'termLink') return [`${children[0].value} → ${data?.hProperties?.href}`];
  return children.flatMap(termLinksIn);
}

describe('applyGlossary', () => {
  it('groups published terms by gojūon row of the reading, then A–Z, then the rest, with anchors', () => {
    const { groups } = run().result.index;
    expect(groups.map((g) => [g.label, g.anchor, g.terms.map((t) => t.title)])).toEqual([
      ['た行', 'glossary-た', ['ダイジェスト', 'タグ', '重複']],
      ['ま行', 'glossary-ま', ['未定義']],
      ['S', 'glossary-S', ['SBOM']],
    ]);
    const digest = groups[0].terms[0];
    expect(digest).toMatchObject({
      url: '/用語集/ダイジェスト/',
      reading: 'だいじぇすと',
      english: 'digest',
      definition: 'イメージの内容から計算されるハッシュ値。',
    });
    expect(digest.searchKeys).toEqual(['だいじぇすと', 'digest', 'だいじぇすと値']);
  });

  it('takes the first paragraph as definition when there is no description', () => {
    expect(run().result.termPages.get(TAG)?.definition).toBe('イメージにつける名前。');
  });

  it('links the first mention of each term, skipping headings, code, explicitly linked terms and unpublished terms', () => {
    const { termLinks } = run();
    expect(termLinks('使い方.md')).toEqual(['digest → /用語集/ダイジェスト/', 'SBOM → /用語集/SBOM/']);
  });

  it('renders a term link as a plain link with the definition as its title', () => {
    const { vault } = run();
    const site = {
      kindOf: () => markdownNote,
      vault,
      base: '/',
      lang: 'ja' as const,
      pageSlugs: new Map([...vault.notes.keys()].map((id) => [id, id.replace(/\.md$/, '')])),
      attachmentSlugs: new Map(),
    };
    const html = renderTree(vault.notes.get('使い方.md')!.tree, renderContextFor('使い方.md', site));
    expect(html).toContain(
      'まず <a class="term-link" href="/用語集/ダイジェスト/" title="ダイジェスト: イメージの内容から計算されるハッシュ値。">digest</a> を確認します。',
    );
  });

  it('never links a term on its own page, nor in a note that says glossary: false', () => {
    const { termLinks } = run();
    expect(termLinks(DIGEST)).toEqual(['タグ → /用語集/タグ/']);
    expect(termLinks('手動.md')).toEqual([]);
  });

  it('follows the site-wide mode: all links every mention, off none', () => {
    expect(run('all').termLinks(DIGEST)).toEqual(['タグ → /用語集/タグ/']);
    expect(run('all').termLinks('使い方.md')).toEqual([
      'digest → /用語集/ダイジェスト/',
      'ダイジェスト → /用語集/ダイジェスト/',
      'タグ → /用語集/タグ/',
      'SBOM → /用語集/SBOM/',
    ]);
    expect(run('off').termLinks('使い方.md')).toEqual([]);
  });

  it('lists where a term is used: published notes that mention or link to it, with a snippet cut around it, by title', () => {
    for (const mode of ['first', 'off'] as const) {
      const { termPages } = run(mode).result;
      expect(termPages.get(DIGEST)!.usedIn).toEqual([
        {
          id: TAG,
          title: 'タグ',
          url: '/用語集/タグ/',
          snippet: '…メージを指すことがあります。いつも同じイメージを指したいならダイジェストのほうが確かです。',
        },
        { id: '使い方.md', title: '使い方', url: '/使い方/', snippet: 'まず digest を確認します。ダイジェストは ダイジェスト ではなく値です…' },
        { id: '手動.md', title: '手動', url: '/手動/', snippet: 'ここではダイジェストを自動でリンクしません。' },
      ]);
      expect(termPages.get(TAG)!.usedIn.map((use) => use.id)).toEqual(['用語集/SBOM.md', DIGEST, '使い方.md']);
    }
  });

  it('relates terms the term note links to', () => {
    const { termPages } = run().result;
    expect(termPages.get(TAG)!.related).toEqual([{ id: DIGEST, title: 'ダイジェスト', url: '/用語集/ダイジェスト/' }]);
    expect(termPages.get(DIGEST)!.related).toEqual([]);
  });

  it('reports a shared alias and a missing definition at the frontmatter line', () => {
    expect(run().result.diagnostics).toEqual([
      expect.objectContaining({ file: '用語集/未定義.md', line: 1, message: expect.stringContaining('no definition') }),
      expect.objectContaining({ file: '用語集/重複.md', line: 4, message: expect.stringContaining('alias 「digest」') }),
    ]);
  });

  it('never shows an unpublished note: not as a term, a link, or a use', () => {
    const { result, vault } = run('all');
    const shown = JSON.stringify({ index: result.index, pages: [...result.termPages.values()], diagnostics: result.diagnostics });
    expect(shown).not.toMatch(/秘密|非公開/);
    expect(termLinksIn(vault.notes.get('非公開メモ.md')!.tree)).toEqual([]);
  });
});

describe('applyGlossary with a glossary note', () => {
  const vaultDir = fixtureDir('わたしのノート');
  const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
  const published = [...vault.notes.values()].filter(isPublished);
  const result = linkGlossary(vault, published, 'first');
  const GLOSSARY = 'はじめに/用語集.md';

  it("lists the note's terms beside the type: term note, each at its anchor, and no term page for them", () => {
    const terms = result.index.groups.flatMap((group) => group.terms.map((term) => [term.title, decodeURIComponent(term.url)]));
    expect(terms).toEqual(
      expect.arrayContaining([
        ['鉢植え', '/はじめに/用語集/#鉢植え'],
        ['灌水', '/はじめに/用語集/#term-灌水'],
        ['挿し木', '/はじめに/用語集/#term-挿し木'],
        ['ネットワーク', '/ネットワーク/'],
      ]),
    );
    expect([...result.termPages.keys()]).toEqual(['ネットワーク.md']);
    expect(result.glossaryNotes.get(GLOSSARY)?.map((term) => term.title)).toEqual(['鉢植え', '水やり', '灌水', '腐葉土', '挿し木']);
    expect(result.diagnostics).toEqual([]);
  });

  it('links mentions elsewhere, not inside the glossary note, and not a term the note links itself', () => {
    expect(termLinksIn(vault.notes.get(GLOSSARY)!.tree)).toEqual([]);
    expect(termLinksIn(vault.notes.get('日記.md')!.tree).map(decodeURIComponent)).toContain('鉢植え → /はじめに/用語集/#鉢植え');
    // 道具 links [[用語集#水やり]] itself: that is the term's use, and no auto-link doubles it.
    expect(termLinksIn(vault.notes.get('道具.md')!.tree)).toEqual([]);
  });
});

describe('applyGlossary on canvas text cards', () => {
  const tempDir = useTempDirs('tsunagu-glossary-canvas-');
  it('links the first mention on the board (card by card, in the site mode) and lists the canvas where the term is used', () => {
    const vaultDir = tempDir();
    mkdirSync(path.join(vaultDir, '用語集'));
    writeFileSync(path.join(vaultDir, '用語集/タグ.md'), '---\ntype: term\nreading: たぐ\n---\nイメージにつける名前。\n');
    const card = (id: string, text: string, y: number) => ({ id, type: 'text', text, x: 0, y, width: 200, height: 80 });
    const board = { nodes: [card('a', 'タグを付ける。', 0), card('b', 'またタグ。', 100)], edges: [] };
    writeFileSync(path.join(vaultDir, 'Board.canvas'), JSON.stringify(board));
    const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
    const published = [...vault.notes.values()].filter(isPublished);
    const cards = canvasCardTrees([...vault.files.values()].filter((e) => e.publish.published));
    const result = linkGlossary(vault, published, 'first', cards);
    expect(cards.map((c) => [c.id, termLinksIn(c.tree)])).toEqual([
      ['Board.canvas#card-a', ['タグ → /用語集/タグ/']],
      ['Board.canvas#card-b', []],
    ]);
    expect(result.termPages.get('用語集/タグ.md')?.usedIn).toEqual([
      { id: 'Board.canvas', title: 'Board', url: '/Board.canvas/', snippet: expect.stringContaining('タグ') },
    ]);
  });
});
