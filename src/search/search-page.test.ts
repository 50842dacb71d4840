import { describe, expect, it } from 'vitest';
import { searchPage } from './search-page';

const page = (inside: string, head = '<title>T</title>') => `<!DOCTYPE html><html lang="ja"><head>${head}</head><body>${inside}</body></html>`;

describe('searchPage', () => {
  it('keeps the html tag, the first title, the elements around the body, the body and what Pagefind reads outside it', () => {
    const html = page(
      '<nav><a href="/">home</a></nav><main id="main" data-pagefind-weight="2"><h1>Note</h1><div data-pagefind-ignore="all"><h1>no</h1><img src="/no.png"></div>' +
        '<div data-pagefind-body><p>text <b>bold</b></p><svg><title>in body</title><path d="M0"/></svg></div>' +
        '<div hidden><span data-pagefind-meta="title">Meta</span></div><img src="/a.png" alt="after"><aside>related</aside></main>',
      '<meta charset="utf-8"><title>T</title><script>if (a<b) x("</p>")</script>',
    );
    expect(searchPage(html)).toBe(
      '<!DOCTYPE html><html lang="ja"><head><title>T</title></head><body><main id="main" data-pagefind-weight="2">' +
        '<h1>Note</h1><div data-pagefind-body><p>text <b>bold</b></p><svg><title>in body</title><path d="M0"/></svg></div>' +
        '<span data-pagefind-meta="title">Meta</span><img src="/a.png" alt="after"></main></body></html>',
    );
  });

  it('leaves to Pagefind the pages it might read otherwise', () => {
    const unfollowed = [
      // Text right inside an element holding the body, after it, is indexed with the body.
      page('<main><div data-pagefind-body>x</div>words</main>'),
      // A body in an excluded element, in a kept one, or bodies in different elements.
      page('<div data-pagefind-ignore="all"><div data-pagefind-body>x</div></div>'),
      page('<div data-pagefind-meta="title"><div data-pagefind-body>x</div></div>'),
      page('<main><div data-pagefind-body>x</div></main><aside><div data-pagefind-body>y</div></aside>'),
      // Tags this scan does not follow as a parser would.
      page('<div data-pagefind-body><p>x</div>'),
      page('<div data-pagefind-body>x</div><div/>'),
      page('<noscript><h1>x</h1></noscript><div data-pagefind-body>x</div>'),
      page('<div data-pagefind-body data-pagefind-index-attrs="title" title="t">x</div>'),
      page('<div data-pagefind-ignore="&#97;ll"></div><div data-pagefind-body>x</div>'),
      page('<div data-pagefind-body>x</div><p>a < b</p>'),
      page('<div data-pagefind-body>x</div>', '<script><!--<script></script>--></script>'),
      // No body.
      page('<main>x</main>'),
    ];
    for (const html of unfollowed) expect(searchPage(html), html).toBeUndefined();
  });

  it('follows svg: foreign elements closed by `/>`, names folded to lower case, HTML again inside foreignObject', () => {
    const body = '<div data-pagefind-body><svg><foreignObject><div><style>a</style></div></foreignObject><linearGradient/></svg></div>';
    expect(searchPage(page(`${body}<aside>x</aside>`))).toBe(`<!DOCTYPE html><html lang="ja"><head><title>T</title></head><body>${body}</body></html>`);
  });

  it('keeps no title when the first one is in the body', () => {
    expect(searchPage(page('<div data-pagefind-body><title>t</title></div>', ''))).toBe(
      '<!DOCTYPE html><html lang="ja"><head></head><body><div data-pagefind-body><title>t</title></div></body></html>',
    );
  });
});
