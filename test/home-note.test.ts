// The home page is a note when the vault names one, as the tools authors come from do: Digital Garden's
// `dg-home: true` here (Obsidian Publish's `permalink: /` and Quartz's top index.md are the other two ways).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';
import { writeFiles } from './helpers/temp-dir';

let site: BuiltSite;

beforeAll(async () => {
  const vault = mkdtempSync(path.join(tmpdir(), 'tsunagu-home-'));
  writeFiles(vault, {
    'Welcome.md': '---\ndg-home: true\ntags: [start]\n---\n# Welcome\n\nStart with [[Guide]].\n',
    'Guide.md': 'Back to [[Welcome]].\n',
    // Quartz's home, but a dg-home note comes first: this one keeps a page of its own.
    'index.md': 'An index note.\n',
  });
  site = await buildVault(vault);
});

describe('a home note', () => {
  it('is the home page, with its body and sections, and has no other page', () => {
    const home = site.read('');
    expect(home).toContain('Start with');
    expect(home).toMatch(/<h1[^>]*>Welcome<\/h1>/);
    expect(home).toMatch(/<article[^>]* data-previews/);
    expect(home).toContain('data-pagefind-body');
    expect(site.exists('welcome/')).toBe(false);
    expect(site.read('index/')).toContain('An index note.');
  });

  it('is linked to as the home page, in links, backlinks and graph.json', () => {
    expect(site.read('guide/')).toMatch(/<a [^>]*href="\/"[^>]*>Welcome<\/a>/);
    expect(site.read('')).toMatch(/href="\/guide\/"/);
    const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string; url: string }[] };
    expect(graph.notes.find((n) => n.id === 'Welcome.md')?.url).toBe('/');
  });
});
