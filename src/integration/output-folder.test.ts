import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { clearOutputFolder, prunePageFiles } from './output-folder';

const tempDir = useTempDirs('tsunagu-output-');
const list = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

describe('the kept output folder', () => {
  it('holds a cold build’s files after each build: stale pages, scripts and feeds go, .git stays', () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const record = path.join(work, 'cache/record.json');
    writeFiles(dist, { 'old.html': 'x', 'a/index.html': 'a', '.git/HEAD': 'ref' });

    // No earlier build recorded: everything goes but .git.
    clearOutputFolder(dist, record);
    expect(list(dist)).toEqual(['.git/HEAD']);

    // A build writes pages, a script and a feed.
    writeFiles(dist, { 'a/index.html': 'a', 'b/c/index.html': 'c', 'pic.png': 'png', '_astro/x.1234.js': 'js', 'rss.xml': 'rss' });
    prunePageFiles(dist, record, ['a/index.html', 'b/c/index.html', 'pic.png', '../outside.html']);

    // The next build starts with the last build's page files only.
    clearOutputFolder(dist, record);
    expect(list(dist)).toEqual(['.git/HEAD', 'a/index.html', 'b/c/index.html', 'pic.png']);
    expect(existsSync(path.join(dist, '_astro'))).toBe(false);

    // b/c/ is no page any more (renamed, or made private) and pic.png no used attachment: they and their folders go.
    writeFiles(dist, { 'd/index.html': 'd', '_astro/x.5678.js': 'js' });
    prunePageFiles(dist, record, ['a/index.html', 'd/index.html']);
    expect(list(dist)).toEqual(['.git/HEAD', '_astro/x.5678.js', 'a/index.html', 'd/index.html']);
    expect(existsSync(path.join(dist, 'b'))).toBe(false);
  });
});
