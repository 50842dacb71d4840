import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../test/helpers/markdown';
import { parseBody } from './parse';
import { renderTree } from './render';

const render = (md: string) => renderTree(parseBody(md, 1).tree, fakeContext('a.md', {}));

describe('task statuses', () => {
  it('draw a task with any status character as a checked box, as Obsidian does, without its brackets', () => {
    const html = render('- [>] ship the boat #later\n- [-] drop the plan\n- [ ] still open\n- [x] done\n- plain item\n');
    expect(html).toMatch(/<li class="task-list-item is-checked" data-task=">"><input type="checkbox" checked disabled[^>]*> ship the boat <a class="tag"/);
    expect(html).toMatch(/<li class="task-list-item is-checked" data-task="-"><input type="checkbox" checked disabled[^>]*> drop the plan<\/li>/);
    expect(html).toMatch(/<li class="task-list-item" data-task=""><input type="checkbox" disabled[^>]*> still open<\/li>/);
    expect(html).toMatch(/<li class="task-list-item is-checked" data-task="x"><input type="checkbox" checked disabled[^>]*> done<\/li>/);
    expect(html).toContain('<li>plain item</li>');
    expect(html).not.toContain('[>]');
    expect(html).not.toContain('[-]');
  });

  it('leaves brackets that are not a status (no space after, a link, inside text) as written', () => {
    const html = render('- [>]no space\n- [a](https://example.com) link\n- text [>] later\n');
    expect(html).toContain('[>]no space');
    expect(html).toContain('<a href="https://example.com">a</a> link');
    expect(html).toContain('text [>] later');
    expect(html).not.toContain('checkbox');
  });
});
