import { describe, expect, it } from 'vitest';
import { subpathFragment } from './anchors';
import { parseBody } from './parse';

describe('subpathFragment', () => {
  const note = parseBody('# Setup: Docker\n\npara ^Block-1\n\n## Setup: Docker', 1);

  it('matches the ids the renderer gives headings and blocks', () => {
    expect(subpathFragment(note, 'Setup Docker')).toBe('setup-docker');
    expect(subpathFragment(note, '^block-1')).toBe('^Block-1');
    expect(subpathFragment(note, 'Missing')).toBeUndefined();
    expect(subpathFragment(note, '^none')).toBeUndefined();
    expect(subpathFragment(note, undefined)).toBeUndefined();
  });
});
