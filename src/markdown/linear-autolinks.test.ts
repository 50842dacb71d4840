import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkLinearAutolinks } from './linear-autolinks';

const gfm = unified().use(remarkParse).use(remarkGfm);
const linear = unified().use(remarkParse).use(remarkGfm).use(remarkLinearAutolinks);

// Texts where an open `[` decides whether a later URL or address is a link, and texts where it no longer does.
const CASES = [
  'see www.example.com and https://a.b/c or me@example.org',
  '[www.example.com](https://x.y) then www.after.com',
  '[open www.inside.com and more words https://no.link',
  '[a] www.shortcut.com [b](c) d@e.fg',
  '![alt www.img.com](i.png) www.after.com',
  '[x [y](z) www.a.com] www.b.com',
  '- [ ] task www.example.com and a@b.co',
  '[[not a wikilink here]] www.c.com',
  '[a](b) [c www.d.com\n\nnext paragraph www.e.com',
  '\\[ escaped www.f.com [g]: h\n\n[g] www.i.com',
];

describe('linear autolink literals', () => {
  it.each(CASES)('reads %j exactly as GFM does', (text) => {
    expect(linear.parse(text)).toEqual(gfm.parse(text));
  });

  it('reads a long line of word starts after an open bracket as GFM does (the input that was quadratic)', () => {
    const text = `- [ ] task ${'-\\*=www.a.com '.repeat(500)}\n[open ${'a@b.co x '.repeat(500)}`;
    const tree = linear.parse(text);
    expect(tree).toEqual(gfm.parse(text));
    expect(JSON.stringify(tree).match(/"type":"link"/g)?.length).toBe(1000);
  });
});
