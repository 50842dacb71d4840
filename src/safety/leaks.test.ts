import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanForMarkers } from './leaks';

describe('scanForMarkers', () => {
  it('finds markers in paths, text, binary and gzip-compressed files, ignoring case', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-leaks-'));
    mkdirSync(path.join(dir, 'pagefind/fragment'), { recursive: true });
    mkdirSync(path.join(dir, 'secret-page'));
    writeFileSync(path.join(dir, 'secret-page/index.html'), 'clean');
    writeFileSync(path.join(dir, 'a.html'), '<p>The SECRET word</p>');
    writeFileSync(path.join(dir, 'pic.png'), Buffer.from([0x89, 0x50, ...Buffer.from('secret'), 0xff]));
    writeFileSync(path.join(dir, 'pagefind/fragment/x.pf_fragment'), gzipSync('pagefind_dcd{"content":"a secret"}'));
    writeFileSync(path.join(dir, 'clean.html'), 'nothing here');
    expect(scanForMarkers(dir, ['secret'])).toEqual([
      { file: 'a.html', marker: 'secret', where: 'content' },
      { file: 'pagefind/fragment/x.pf_fragment', marker: 'secret', where: 'decompressed content' },
      { file: 'pic.png', marker: 'secret', where: 'content' },
      { file: 'secret-page/index.html', marker: 'secret', where: 'path' },
    ]);
  });
});
