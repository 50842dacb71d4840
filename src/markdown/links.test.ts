import { describe, expect, it } from 'vitest';
import { vaultTarget } from './links';

describe('vaultTarget', () => {
  it('percent-decodes the path and splits the subpath', () => {
    expect(vaultTarget('Note%20name.md')).toEqual({ target: 'Note name.md' });
    expect(vaultTarget('folder/Note.md#Part%20two')).toEqual({ target: 'folder/Note.md', subpath: 'Part two' });
    expect(vaultTarget('Note')).toEqual({ target: 'Note' });
    expect(vaultTarget('pic.png')).toEqual({ target: 'pic.png' });
  });

  it('reads #fragment alone as a link into the same note', () => {
    expect(vaultTarget('#heading')).toEqual({ target: '', subpath: 'heading' });
  });

  it('leaves external URLs and empty links alone', () => {
    expect(['https://x.com/a.md', 'mailto:a@b.c', '//cdn.x/y.png', '', '#'].map(vaultTarget)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('keeps a stray % as written', () => {
    expect(vaultTarget('100%.md')).toEqual({ target: '100%.md' });
  });
});
