// The dist link check on real builds: the sample vault (at / and under /sub/) and a fixture vault have no broken
// internal link; a note whose HTML links to a page that does not exist fails the build, naming page and href.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../src/safety/links';
import { buildVault, type BuiltSite } from './helpers/build';

const projectDir = path.resolve(import.meta.dirname, '..');

function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-links-')), name);
  writeFileSync(file, text);
  return file;
}

let sample: BuiltSite;
let sampleUnderSub: BuiltSite;
let fixture: BuiltSite;
let broken: BuiltSite;
let brokenStrict: { code?: number; stdout: string; stderr: string };

beforeAll(async () => {
  const subConfig = tempFile('tsunagu.config.yaml', 'base: /sub/\nsite: https://example.com\n');
  const brokenVault = path.dirname(tempFile('Note.md', '# Note\n\n<a href="/nowhere/">raw link</a> and [[#Note]] and [[#Missing heading]].\n'));
  // Without the missing heading, which --strict fails on as a diagnostic before the link check runs.
  const brokenOnlyVault = path.dirname(tempFile('Note.md', '# Note\n\n<a href="/nowhere/">raw link</a> and [[#Note]].\n'));
  [sample, sampleUnderSub, fixture, broken, brokenStrict] = await Promise.all([
    buildVault(path.join(projectDir, 'notes')),
    buildVault(path.join(projectDir, 'notes'), { TSUNAGU_CONFIG: subConfig }),
    buildVault(path.join(projectDir, 'test/fixtures/site-vault')),
    buildVault(brokenVault),
    buildVault(brokenOnlyVault, { TSUNAGU_STRICT: '1' }).then(
      () => ({ stdout: '', stderr: '' }),
      (error: { code?: number; stdout: string; stderr: string }) => error,
    ),
  ]);
});

describe('internal links of built sites', () => {
  it('the sample vault has none broken, at / and under base /sub/', () => {
    expect(checkLinks(sample.outDir, '/')).toEqual([]);
    expect(checkLinks(sampleUnderSub.outDir, '/sub/')).toEqual([]);
    expect(sampleUnderSub.read('')).toContain('href="/sub/');
  });

  it('a fixture vault has none broken', () => {
    expect(checkLinks(fixture.outDir, '/')).toEqual([]);
  });

  it('warns of a broken link, naming the page and the href; --strict fails the build on it', () => {
    expect(broken.log).toMatch(/broken internal link[\s\S]*note\/index\.html: \/nowhere\/ — no such file/);
    // A heading the note lacks is the author's diagnostic, not a broken link of the page: the link leads to the top.
    expect(broken.log).toMatch(/Note\.md:3: links to the heading "Missing heading" of Note\.md, which has no such heading/);
    expect(broken.log).not.toMatch(/index\.html: #/);
    expect(brokenStrict.code).toBe(1);
    expect(brokenStrict.stdout + brokenStrict.stderr).toMatch(/--strict: [\s\S]*note\/index\.html: \/nowhere\//);
  });
});
