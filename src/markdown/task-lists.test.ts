import { describe, expect, it } from 'vitest';
import { parseBody } from './parse';
import { renderTree } from './render';
import { fakeContext } from '../../test/helpers/markdown';

describe('task-list checkboxes', () => {
  it('are named by their item text, tight and loose lists alike', () => {
    const html = renderTree(
      parseBody('- [ ] イメージとコンテナの違いを説明できる\n- [x] **done** item\n\n1. [ ] loose\n\n2. [ ] list\n', 1).tree,
      fakeContext('a.md', {}),
    );
    expect(html).toContain('aria-label="イメージとコンテナの違いを説明できる"');
    expect(html).toContain('aria-label="done item"');
    expect(html).toContain('aria-label="loose"');
    expect(html.match(/<input[^>]*type="checkbox"[^>]*>/g)?.every((input) => input.includes('aria-label='))).toBe(true);
  });
});
