import { describe, expect, it } from 'vitest';
import { parseBody } from './parse';

describe('HTML comments', () => {
  it('leave the tree, inline and as blocks, so no extracted text carries them', () => {
    const parsed = parseBody('ダイジェスト <!-- qzv-inline --> です。 [[A]]\n\n<!--\nqzv-block\n-->\n\n<b>kept</b><!-- qzv-mixed -->', 1);
    const json = JSON.stringify(parsed.tree);
    expect(json).not.toContain('qzv');
    expect(json).toContain('<b>');
    expect(parsed.firstParagraph).not.toContain('qzv');
    expect(parsed.links[0].context).not.toContain('qzv');
  });
});
