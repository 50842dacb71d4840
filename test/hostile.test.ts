// The five notes of issue 16, mixed into the sample vault, in one build: each is published (as text, or with the
// offending part as text) with a notice and one diagnostic, and every other note of the sample keeps its page.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileNotes } from '../scripts/lib/hostile-notes';
import { KINDS } from '../src/kinds/registry';
import { scanVault } from '../src/vault/scan';
import { buildVault, type BuiltSite } from './helpers/build';

const sample = path.resolve(import.meta.dirname, '../notes');
let vault: string;
let site: BuiltSite;

beforeAll(async () => {
  vault = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-hostile-')), 'vault');
  cpSync(sample, vault, { recursive: true });
  for (const note of hostileNotes()) writeFileSync(path.join(vault, note.file), note.text);
  site = await buildVault(vault);
}, 180_000);

const diagnosticsOf = (file: string) => site.log.split('\n').filter((line) => line.includes(`warning: ${file}:`));

describe('hostile notes in the sample vault', () => {
  it.each([
    ['hostile-blockquote.md', /:1: nests 5000 levels deep here, over limits\.depth \(100\)/, 'bottom of the quote'],
    ['hostile-list.md', /:101: nests 101 levels deep here, over limits\.depth \(100\)/, 'level 1999'],
    ['hostile-emphasis.md', /:1: has 200000 runs of \* _ ~ and stray or nested brackets .*over limits\.inlineMarks \(500\)/, '*_*_*_*_'],
    ['hostile-tags.md', /:3: has 5000 distinct tags, over limits\.tags \(500\)/, '#topic/t49/n4999'],
  ])('%s: published with a notice and one diagnostic naming the limit and how to raise it', (file, diagnostic, text) => {
    const page = site.read(`${file.replace(/\.md$/, '')}/`);
    expect(page).toContain('class="limit-notice"');
    expect(page).toContain(text);
    const found = diagnosticsOf(file);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(diagnostic);
    expect(found[0]).toContain('raise limits.');
  });

  it('the YAML alias bomb: the body is published, its properties ignored, one diagnostic', () => {
    expect(site.read('hostile-yaml/')).toContain('billion laughs');
    const found = diagnosticsOf('hostile-yaml.md');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/:2: .*limits\.yamlAliases/);
  });

  it('5,000 tags make at most limits.tags tag pages', () => {
    expect(site.exists('tags/topic/t49/n499/')).toBe(true);
    expect(site.exists('tags/topic/t0/n500/')).toBe(false);
  });

  it('every note of the sample keeps its page, without a notice, and the report adds up', () => {
    const sampleNotes = scanVault(sample, KINDS).files.filter((f) => f.kind === 'note');
    expect(sampleNotes.length).toBeGreaterThan(50);
    const pages = site.files().filter((f) => f.endsWith('index.html'));
    const withNotice = pages.filter((f) => site.read(f).includes('class="limit-notice"'));
    expect(withNotice.sort()).toEqual(['hostile-blockquote/index.html', 'hostile-emphasis/index.html', 'hostile-list/index.html', 'hostile-tags/index.html']);
    const counts = /(\d+) files seen = (\d+) notes published \+ (\d+) notes skipped/.exec(site.log);
    expect(Number(counts?.[2]) + Number(counts?.[3])).toBe(sampleNotes.length + 5);
  });
});
