import { describe, expect, it } from 'vitest';
import { fileTags, pagesWithTag, tagIndex, withParents } from './tags';

describe('withParents', () => {
  it('the tag, then each parent, nearest first', () => {
    expect(withParents('a/b/c')).toEqual(['a/b/c', 'a/b', 'a']);
    expect(withParents('solo')).toEqual(['solo']);
  });
});

describe('fileTags', () => {
  it('expands each tag into itself and its parents, nearest first, in etags order', () => {
    expect(fileTags(['t-notes/Docker', 't-notes/AI生成'])).toEqual(['#t-notes/Docker', '#t-notes', '#t-notes/AI生成']);
    expect(fileTags(['a/b/c'])).toEqual(['#a/b/c', '#a/b', '#a']);
  });

  it('drops duplicates case-sensitively, as Dataview’s Set does', () => {
    expect(fileTags(['A/b', 'a/c', 'A'])).toEqual(['#A/b', '#A', '#a/c', '#a']);
  });

  it('is empty without tags', () => {
    expect(fileTags([])).toEqual([]);
  });
});

describe('tagIndex and pagesWithTag', () => {
  const index = tagIndex([
    { id: 'a.md', tags: ['t-notes/Docker'], modified: 10 },
    { id: 'b.md', tags: ['T-Notes'], modified: 30 },
    { id: 'c.md', tags: ['t-notes/docker/compose'], modified: 20 },
    { id: 'd.md', tags: ['other'], modified: 40 },
  ]);

  it('matches a tag and its subtags, case-insensitively, newest first', () => {
    expect(pagesWithTag(index, '#t-notes')).toEqual(['b.md', 'c.md', 'a.md']);
    expect(pagesWithTag(index, '#T-NOTES/docker')).toEqual(['c.md', 'a.md']);
  });

  it('does not match a child tag on a note tagged only with the parent', () => {
    expect(pagesWithTag(index, '#t-notes/Docker')).not.toContain('b.md');
  });

  it('is empty for a tag no note has', () => {
    expect(pagesWithTag(index, '#missing')).toEqual([]);
  });

  it('keeps each note’s file.tags in the author’s casing', () => {
    expect(index.fileTags.get('c.md')).toEqual(['#t-notes/docker/compose', '#t-notes/docker', '#t-notes']);
    expect(index.fileTags.get('b.md')).toEqual(['#T-Notes']);
  });
});
