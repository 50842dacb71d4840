import { describe, expect, it } from 'vitest';
import type { Heading } from '../vault/types';
import { remarkHeadingIds } from './headings';
import { createSlugger, headingSlug, linkableHeading } from './slug';
import { remarkObsidianTags } from './tags';
import { nodesOfType, treeWith } from '../../test/helpers/markdown';
import { remarkWikiLinks } from './wikilinks';

const headings: Heading[] = [
  { depth: 1, text: 'Intro', slug: 'intro', line: 1 },
  { depth: 2, text: 'Setup: Docker', slug: 'setup-docker', line: 3 },
  { depth: 2, text: 'Intro', slug: 'intro-1', line: 5 },
  { depth: 2, text: '日本語 見出し', slug: '日本語-見出し', line: 7 },
  { depth: 2, text: 'Meat & Ready-made', slug: 'meat--ready-made', line: 9 },
];

describe('heading slugs', () => {
  it('makes repeated headings unique within one slugger', () => {
    const slugger = createSlugger();
    expect(['Intro', 'Intro', 'Hello World!', '日本語 見出し'].map((text) => slugger.slug(text))).toEqual(['intro', 'intro-1', 'hello-world', '日本語-見出し']);
  });

  it('gives every heading an id, once per note', () => {
    const tree = treeWith('# A\n\n## A\n\n## B [[Link|shown]] #tag', remarkWikiLinks, remarkObsidianTags, remarkHeadingIds);
    expect(nodesOfType(tree, 'heading').map((heading) => heading.data?.hProperties?.id)).toEqual(['a', 'a-1', 'b-shown-tag']);
  });

  it('finds the slug a link subpath means', () => {
    expect(headingSlug(headings, 'intro')).toBe('intro');
    expect(headingSlug(headings, 'Setup Docker')).toBe('setup-docker');
    expect(headingSlug(headings, 'Intro#Setup: Docker')).toBe('setup-docker');
    expect(headingSlug(headings, '日本語  見出し')).toBe('日本語-見出し');
    expect(headingSlug(headings, 'intro-1')).toBe('intro-1');
    expect(headingSlug(headings, 'Missing')).toBeUndefined();
  });

  it("writes a heading as Dataview's links name it, and finds the heading such a link means", () => {
    // Dataview's normalizeHeaderForLink (util/normalize.ts), run on these headings.
    expect(['Meat & Ready-made', '  a  b ', 'Résumé: 2²', '🎉 Party!', '日本語 (見出し)', '👍🏽 ok'].map(linkableHeading)).toEqual([
      'Meat Ready-made',
      'a b',
      'Résumé 2',
      '🎉 Party',
      '日本語 見出し',
      '👍🏽 ok',
    ]);
    expect(headingSlug(headings, 'Meat Ready-made')).toBe('meat--ready-made');
  });
});
