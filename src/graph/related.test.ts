import { describe, expect, it } from 'vitest';
import { relatedByTag } from './related';
import { tagIndex } from './tags';

describe('relatedByTag', () => {
  const index = tagIndex([
    { id: 'me.md', tags: ['t-notes/Docker', 't-notes/AI生成', 'extra'], modified: 50 },
    { id: 'old.md', tags: ['t-notes/Docker'], modified: 10 },
    { id: 'new.md', tags: ['t-notes/docker'], modified: 90 },
    { id: 'tie-b.md', tags: ['t-notes'], modified: 40 },
    { id: 'tie-a.md', tags: ['t-notes/Other'], modified: 40 },
    { id: 'extra-only.md', tags: ['extra'], modified: 99 },
  ]);

  it('lists the first three file.tags, each with the other notes newest first, ties in id order', () => {
    expect(relatedByTag('me.md', index)).toEqual([
      { tag: '#t-notes/Docker', ids: ['new.md', 'old.md'] },
      { tag: '#t-notes', ids: ['new.md', 'tie-a.md', 'tie-b.md', 'old.md'] },
    ]);
  });

  it('skips a tag no other note has (the third tag here, #t-notes/AI生成), and stops at maxTags', () => {
    const lists = relatedByTag('me.md', index, { maxTags: 4, limit: 15 });
    expect(lists.map((l) => l.tag)).toEqual(['#t-notes/Docker', '#t-notes', '#extra']);
  });

  it('limits each list', () => {
    expect(relatedByTag('me.md', index, { maxTags: 3, limit: 2 })[1].ids).toEqual(['new.md', 'tie-a.md']);
  });

  it('is empty for a note without tags or unknown to the index', () => {
    expect(relatedByTag('nobody.md', index)).toEqual([]);
    expect(relatedByTag('x.md', tagIndex([{ id: 'x.md', tags: [], modified: 0 }]))).toEqual([]);
  });
});
