import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { afterBuildPass } from './after-build-pass';
import { insertPolicy } from './csp';
import { distFiles } from './dist-files';
import { scanPage } from './page-scan';

const tempDir = useTempDirs('tsunagu-pass-');
/** A page as the pass leaves it: with the policy of its own scripts. */
const withPolicy = (html: string) => {
  const scan = scanPage(html);
  return Buffer.from(insertPolicy(Buffer.from(html), { ...scan, headEnd: Buffer.byteLength(html.slice(0, scan.headEnd)) })).toString();
};
const page = (body: string) => `<!doctype html><html><head><script>theme()</script></head><body>${body}</body></html>`;

/** A build's output, written afresh as Astro writes it (rendered or restored pages, before the policy). */
function build(dist: string, files: Record<string, string>): void {
  rmSync(dist, { recursive: true, force: true });
  writeFiles(dist, files);
}

describe('afterBuildPass', () => {
  const site = {
    'index.html': page('<a href="a/#x">x</a><a href="b/">b</a><img src="/pic.png">'),
    'a/index.html': page('<h2 id="x">x</h2><a href="../">home</a>'),
    'b/index.html': page('<a href="../a/">a</a><a href="/later/">later</a>'),
    'pic.png': 'png',
  };

  it('adds the policy to every page and reports broken links, reading only the pages that changed', () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const manifest = path.join(work, 'manifest.json');
    build(dist, site);
    const cold = afterBuildPass(dist, '/', manifest);
    expect(cold).toMatchObject({ pages: 3, scanned: 3 });
    expect(cold.broken).toEqual([{ page: 'b/index.html', href: '/later/', reason: 'no such file in the built site' }]);
    for (const file of distFiles(dist).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(path.join(dist, file), 'utf8')).toBe(withPolicy(site[file as keyof typeof site]));
    }

    // Nothing changed: nothing is read but the page that had a broken link.
    build(dist, site);
    const again = afterBuildPass(dist, '/', manifest);
    expect(again.scanned).toBe(1);
    expect(again.broken).toEqual(cold.broken);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe(withPolicy(site['index.html']));

    // a/ loses its id, pic.png goes and later/ appears: the unchanged index.html is checked again, b/ is fixed.
    const { 'pic.png': _gone, ...pages } = site;
    build(dist, { ...pages, 'a/index.html': page('<h2 id="y">y</h2>'), 'later/index.html': page('') });
    const changed = afterBuildPass(dist, '/', manifest);
    expect(changed.broken).toEqual([
      { page: 'index.html', href: 'a/#x', reason: 'no element with id "x" on a/index.html' },
      { page: 'index.html', href: '/pic.png', reason: 'no such file in the built site' },
    ]);
  });

  it('in a kept output folder, reads no page it wrote that nothing touched since, and never gives a page two policies', () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const manifest = path.join(work, 'manifest.json');
    build(dist, { 'index.html': page('<a href="a/#x">x</a><img src="/pic.png">'), 'a/index.html': page('<h2 id="x">x</h2>'), 'pic.png': 'png' });
    afterBuildPass(dist, '/', manifest);
    const written = new Map(distFiles(dist).map((f) => [f, readFileSync(path.join(dist, f), 'utf8')]));

    // The folder kept, Astro left every page alone: nothing is read or written.
    expect(afterBuildPass(dist, '/', manifest)).toMatchObject({ pages: 2, scanned: 0, broken: [] });
    for (const [file, text] of written) expect(readFileSync(path.join(dist, file), 'utf8')).toBe(text);

    // A page written over with the bytes it had (its policy in): read, and left with one policy.
    writeFileSync(path.join(dist, 'index.html'), written.get('index.html')!);
    afterBuildPass(dist, '/', manifest);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe(written.get('index.html'));
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8').match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('places the policy by bytes after Japanese text, from the scan and from the manifest alike', () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const manifest = path.join(work, 'manifest.json');
    const japanese =
      '<!doctype html><!-- 日本語のコメント😀 --><html lang="ja"><head><script>theme()</script></head><body><a href="/用語/">用語</a></body></html>';
    const files = { 'index.html': japanese, '用語/index.html': page('') };
    const expected = () => {
      const text = readFileSync(path.join(dist, 'index.html'), 'utf8');
      expect(text.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]+">/, '')).toBe(japanese);
      expect(text.indexOf('<meta http-equiv')).toBe(japanese.indexOf('<head>') + '<head>'.length);
      return text;
    };
    build(dist, files);
    expect(afterBuildPass(dist, '/', manifest)).toMatchObject({ scanned: 2, broken: [] });
    const cold = expected();
    build(dist, files);
    expect(afterBuildPass(dist, '/', manifest).scanned).toBe(0);
    expect(expected()).toBe(cold);
  });

  it('writes a page that is not UTF-8 back as the text it was read as, and scans it again each time', () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const manifest = path.join(work, 'manifest.json');
    const latin1 = Buffer.concat([Buffer.from('<!-- '), Buffer.from([0xe9, 0xe8]), Buffer.from(' --><html><head><script>a()</script></head></html>')]);
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'old.html'), latin1);
    expect(afterBuildPass(dist, '/', manifest).scanned).toBe(1);
    const text = latin1.toString('utf8');
    expect(readFileSync(path.join(dist, 'old.html'), 'utf8')).toBe(withPolicy(text));
    writeFileSync(path.join(dist, 'old.html'), latin1);
    expect(afterBuildPass(dist, '/', manifest).scanned).toBe(1);
    expect(readFileSync(path.join(dist, 'old.html'), 'utf8')).toBe(withPolicy(text));
  });

  it('reads no manifest of another version or base', () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const manifest = path.join(work, 'manifest.json');
    build(dist, site);
    afterBuildPass(dist, '/', manifest);
    build(dist, site);
    expect(afterBuildPass(dist, '/sub/', manifest).scanned).toBe(3);
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: 0 }));
    build(dist, site);
    expect(afterBuildPass(dist, '/sub/', manifest).scanned).toBe(3);
  });
});
