import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../../test/helpers/temp-dir';
import { checkLinks } from './links';

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-links-'));
  writeFiles(dir, files);
  return dir;
}

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('checkLinks', () => {
  it('accepts links to pages, files, ids and external URLs', () => {
    const dir = dist({
      'index.html': page(
        '<a href="/a/">a</a><a href="a/#x">x</a><a href="#top">top</a><a href="https://example.com/nope">e</a><a href="mailto:a@b.c">m</a><img src="/pic.png" srcset="/pic.png 1x, pic.png 2x">',
      ),
      'a/index.html': page('<h2 id="x">x</h2><a href="../">home</a><a href="#x">here</a>'),
      'pic.png': 'png',
    });
    expect(checkLinks(dir, '/')).toEqual([]);
  });

  it('reports missing files and fragments with the page and the href', () => {
    const dir = dist({
      'index.html': page('<a href="/missing/">m</a><a href="/a/#nope">n</a><img src="gone.png">'),
      'a/index.html': page('<h2 id="x">x</h2>'),
    });
    expect(checkLinks(dir, '/')).toEqual([
      { page: 'index.html', href: '/missing/', reason: 'no such file in the built site' },
      { page: 'index.html', href: '/a/#nope', reason: 'no element with id "nope" on a/index.html' },
      { page: 'index.html', href: 'gone.png', reason: 'no such file in the built site' },
    ]);
  });

  it('reads Japanese paths and fragments, percent-encoded or not', () => {
    const dir = dist({
      'index.html': page('<a href="/%E7%94%A8%E8%AA%9E/#%E8%A6%8B%E5%87%BA%E3%81%97">j</a><a href="/用語/#見出し">j</a><a href="用語/#見出し">j</a>'),
      '用語/index.html': page('<h2 id="見出し">x</h2>'),
    });
    expect(checkLinks(dir, '/')).toEqual([]);
  });

  it('resolves under base and reports links that leave it', () => {
    const dir = dist({ 'index.html': page('<a href="/sub/a/">a</a><a href="/a/">wrong</a><a href="a/">rel</a>'), 'a/index.html': page('') });
    expect(checkLinks(dir, '/sub/')).toEqual([{ page: 'index.html', href: '/a/', reason: "outside the site's base /sub/" }]);
  });

  it('resolves a relative link from its own page, a rooted one alike from every page', () => {
    const dir = dist({
      'index.html': page('<a href="x/">x</a><a href="/x/#h">h</a>'),
      'a/index.html': page('<a href="x/">x</a><a href="/x/#h">h</a><a href="/x/#gone">g</a>'),
      'x/index.html': page('<h2 id="h">h</h2>'),
    });
    expect(checkLinks(dir, '/')).toEqual([
      { page: 'a/index.html', href: 'x/', reason: 'no such file in the built site' },
      { page: 'a/index.html', href: '/x/#gone', reason: 'no element with id "gone" on x/index.html' },
    ]);
  });

  it('reads no links out of scripts, styles or text', () => {
    const dir = dist({
      'index.html': page(
        '<script>const s = "<a href=\\"/nope/\\">";</script><style>a::after{content:"<img src=/x>"}</style><code>&lt;a href="/nope/"&gt;</code>',
      ),
    });
    expect(checkLinks(dir, '/')).toEqual([]);
  });
});
