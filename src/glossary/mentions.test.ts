import { describe, expect, it } from 'vitest';
import type { Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compileMatcher } from './matcher';
import { applyReplacement } from '../site/steps';
import { autoLinkModeFor, type LinkMentionsOptions, linkTermMentions } from './mentions';

const matcher = compileMatcher([
  { termId: 'image', surface: 'イメージ' },
  { termId: 'base-image', surface: 'ベースイメージ' },
  { termId: 'docker', surface: 'Docker' },
  { termId: 'digest', surface: 'digest' },
  { termId: 'digest', surface: 'ダイジェスト' },
]);

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
const termLink = (termId: string, surface: string): Link => ({ type: 'link', url: `/glossary/${termId}`, children: [{ type: 'text', value: surface }] });

/** Links mentions as the build does: the splits applied to the tree, the last first. */
function linkMentions(tree: Root, opts: LinkMentionsOptions) {
  const { mentions, splits } = linkTermMentions(tree, matcher, opts);
  for (const split of [...splits].reverse()) applyReplacement(tree, split);
  return mentions;
}

function run(markdown: string, opts: Partial<LinkMentionsOptions> = {}) {
  const tree = parse(markdown);
  const mentions = linkMentions(tree, { mode: 'first', alreadyLinked: new Set(), link: termLink, ...opts });
  return { tree, mentions, links: linkedTexts(tree) };
}

/** `termId:surface` of every glossary link, in document order. */
function linkedTexts(node: { type: string; url?: string; children?: unknown[] }): string[] {
  if (node.type === 'link' && node.url?.startsWith('/glossary/')) return [`${node.url.slice(10)}:${(node.children as { value: string }[])[0].value}`];
  return (node.children ?? []).flatMap((child) => linkedTexts(child as typeof node));
}

describe('linkTermMentions', () => {
  it('links the first mention of each term and keeps the text around it', () => {
    const { tree, links } = run('Dockerのベースイメージとイメージ。またイメージとDocker。');
    expect(links).toEqual(['docker:Docker', 'base-image:ベースイメージ', 'image:イメージ']);
    const paragraph = tree.children[0] as { children: { type: string; value?: string }[] };
    expect(paragraph.children.map((c) => c.value ?? c.type)).toEqual(['link', 'の', 'link', 'と', 'link', '。またイメージとDocker。']);
  });

  it('links every mention in mode all, none in mode off, and collects mentions either way', () => {
    const markdown = 'イメージ、イメージ\n\n*イメージ*';
    expect(run(markdown, { mode: 'all' }).links).toEqual(['image:イメージ', 'image:イメージ', 'image:イメージ']);
    const off = run(markdown, { mode: 'off' });
    expect(off.links).toEqual([]);
    expect(off.mentions.map((m) => m.termId)).toEqual(['image', 'image', 'image']);
  });

  it('links only once per note even across paragraphs, and honours terms linked earlier', () => {
    expect(run('イメージ\n\n- イメージ\n- Docker').links).toEqual(['image:イメージ', 'docker:Docker']);
    const alreadyLinked = new Set(['image']);
    expect(run('イメージとDocker', { alreadyLinked }).links).toEqual(['docker:Docker']);
    expect([...alreadyLinked]).toEqual(['image', 'docker']);
  });

  it('skips code, inline code, links, headings and html, and links the first mention outside them', () => {
    const markdown = [
      '# イメージ',
      '',
      '`Docker` と [イメージ](x.md) と <a href="y">Docker</a> と <code>Docker</code>',
      '',
      '```',
      'Docker イメージ',
      '```',
      '',
      'Docker イメージ',
    ].join('\n');
    const { links, mentions } = run(markdown);
    expect(links).toEqual(['docker:Docker', 'image:イメージ']);
    expect(mentions.map((m) => m.termId)).toEqual(['docker', 'image']);
  });

  it('links text inside other inline HTML such as <b>', () => {
    expect(run('<b>Docker</b> と <a href="y"><i>イメージ</i></a>').links).toEqual(['docker:Docker']);
  });

  it('skips the team’s Obsidian nodes and the term’s own page', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'wikiLink', value: 'イメージ', children: [{ type: 'text', value: 'イメージ' }] } as never,
            { type: 'obsidianTag', value: 'Docker' } as never,
            { type: 'text', value: 'ベースイメージとイメージとdigest' },
          ],
        },
      ],
    };
    const mentions = linkMentions(tree, { mode: 'all', skipTermId: 'image', alreadyLinked: new Set(), link: termLink });
    expect(linkedTexts(tree)).toEqual(['base-image:ベースイメージ', 'digest:digest']);
    expect(mentions.map((m) => m.termId)).toEqual(['base-image', 'digest']);
  });

  it('gives a snippet from the whole paragraph, across emphasis, cut to about 60 characters', () => {
    const long = 'あ'.repeat(40);
    const { mentions } = run(`${long}の**ダイジェスト**を\n確認する。${long}`, { mode: 'all' });
    expect(mentions).toEqual([{ termId: 'digest', surface: 'ダイジェスト', snippet: `…${'あ'.repeat(29)}のダイジェストを 確認する。${'あ'.repeat(23)}…` }]);
    expect(run('短い digest です').mentions[0].snippet).toBe('短い digest です');
  });

  it('finds mentions in table cells and list items', () => {
    expect(run('| a | b |\n|---|---|\n| Docker | イメージ |').links).toEqual(['docker:Docker', 'image:イメージ']);
  });
});

describe('autoLinkModeFor', () => {
  it('lets a note turn linking off or pick its own mode', () => {
    expect(autoLinkModeFor('first', {})).toBe('first');
    expect(autoLinkModeFor('first', { glossary: false })).toBe('off');
    expect(autoLinkModeFor('first', { glossary: 'all' })).toBe('all');
    expect(autoLinkModeFor('all', { glossary: true })).toBe('all');
  });
});
