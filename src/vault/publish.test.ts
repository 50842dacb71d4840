import { describe, expect, test } from 'vitest';
import { readFixtureVault } from '../../test/fixtures/vaults/fixture-vault';
import { publishDecision } from './publish';

describe('fixture vault "publish"', () => {
  const { notes } = readFixtureVault('publish');
  const decisions = (exclude: string[]) => Object.fromEntries([...notes].map(([id, note]) => [id, publishDecision(id, note.frontmatter, exclude)]));

  test('publish: false, draft: true and excluded folders (case-insensitive, whole segments, from the vault root)', () => {
    expect(decisions(['private', 'Archive/Old'])).toEqual({
      'Archive/Kept.md': { published: true },
      'Archive/Old/Note.md': { published: false, reason: 'excluded-folder' },
      'Draft.md': { published: false, reason: 'draft' },
      'Notes/Private/Nested.md': { published: true },
      'Off.md': { published: false, reason: 'publish-false' },
      'Private/Secret.md': { published: false, reason: 'excluded-folder' },
      'Private/Shown.md': { published: true },
      'Private/ShownDraft.md': { published: false, reason: 'draft' },
      'PrivateStuff/Open.md': { published: true },
      'Public.md': { published: true },
    });
  });

  test('no excluded folders: only the frontmatter decides', () => {
    const published = Object.entries(decisions([]))
      .filter(([, d]) => d.published)
      .map(([id]) => id);
    expect(published).toEqual([
      'Archive/Kept.md',
      'Archive/Old/Note.md',
      'Notes/Private/Nested.md',
      'Private/Secret.md',
      'Private/Shown.md',
      'PrivateStuff/Open.md',
      'Public.md',
    ]);
  });
});

describe('publishDecision', () => {
  test('quoted "false"/"true" count as the booleans; other values do not', () => {
    expect(publishDecision('n.md', { publish: 'false' }, [])).toEqual({ published: false, reason: 'publish-false' });
    expect(publishDecision('n.md', { Draft: 'true' }, [])).toEqual({ published: false, reason: 'draft' });
    expect(publishDecision('n.md', { draft: false }, [])).toEqual({ published: true });
    expect(publishDecision('x/n.md', { publish: 'true' }, ['x'])).toEqual({ published: true });
    expect(publishDecision('x/n.md', { publish: 'yes please' }, ['x'])).toEqual({ published: false, reason: 'excluded-folder' });
  });
});

describe('publish: opt-in', () => {
  test('only publish: true is published; publish: false and draft: true still win', () => {
    expect(publishDecision('n.md', {}, [], 'opt-in')).toEqual({ published: false, reason: 'not-opted-in' });
    expect(publishDecision('n.md', { publish: 'yes' }, [], 'opt-in')).toEqual({ published: false, reason: 'not-opted-in' });
    expect(publishDecision('x/n.md', { publish: true }, ['x'], 'opt-in')).toEqual({ published: true });
    expect(publishDecision('n.md', { Publish: 'true' }, [], 'opt-in')).toEqual({ published: true });
    expect(publishDecision('n.md', { publish: true, draft: true }, [], 'opt-in')).toEqual({ published: false, reason: 'draft' });
  });
});

describe('excluded folders', () => {
  test.each([
    ['Private/a.md', ['Private'], true],
    ['private/a.md', ['PRIVATE'], true],
    ['Private/deep/a.md', ['Private'], true],
    ['PrivateStuff/a.md', ['Private'], false],
    ['Private.md', ['Private'], false],
    ['a/Private/x.md', ['Private'], false],
    ['a/b/x.md', ['a/b'], true],
    ['a/bc/x.md', ['a/b'], false],
    ['下書き/x.md', ['下書き'], true],
    ['x.md', [''], false],
  ])('%s with %j → %s', (id, folders, expected) => {
    expect(publishDecision(id, {}, folders)).toEqual(expected ? { published: false, reason: 'excluded-folder' } : { published: true });
  });
});

describe("Digital Garden's dg-publish", () => {
  test('counts like publish: either one false keeps the note back, either one true opts in', () => {
    expect(publishDecision('n.md', { 'dg-publish': false }, [])).toEqual({ published: false, reason: 'dg-publish-false' });
    expect(publishDecision('n.md', { publish: true, 'dg-publish': 'false' }, [], 'opt-in')).toEqual({ published: false, reason: 'dg-publish-false' });
    expect(publishDecision('n.md', { publish: false, 'DG-Publish': true }, [])).toEqual({ published: false, reason: 'publish-false' });
    expect(publishDecision('n.md', { 'dg-publish': true }, [], 'opt-in')).toEqual({ published: true });
    expect(publishDecision('x/n.md', { 'dg-publish': true }, ['x'])).toEqual({ published: true });
    expect(publishDecision('n.md', { 'dg-publish': true, draft: true }, [], 'opt-in')).toEqual({ published: false, reason: 'draft' });
  });
});
