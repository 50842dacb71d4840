// Builds a small fixture vault with the real CLI and checks the HTML, graph.json and what must not be there.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

const vault = path.resolve(import.meta.dirname, 'fixtures/site-vault');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildVault(vault);
});

describe('a fixture vault built with astro build', () => {
  it('writes a page per published note, tag pages, home, 404 and graph.json', () => {
    for (const page of [
      '',
      'welcome/',
      'second-note/',
      'folder/deep/',
      'tags/',
      'tags/t-notes/',
      'tags/t-notes/docker/',
      'tags/inline-tag/',
      '404.html',
      'graph.json',
    ]) {
      expect(site.exists(page), page).toBe(true);
    }
  });

  it('renders the note with title, lang and its body', () => {
    const html = site.read('welcome/');
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('<title>Welcome to the vault | site-vault');
    expect(html).toContain('<mark>highlighted</mark>');
    expect(html).toMatch(/data-callout="tip"/);
  });

  it('links resolve to pages and headings, with the same slug as the heading id', () => {
    const html = site.read('welcome/');
    expect(html).toContain('href="/second-note/"');
    expect(html).toContain('href="/folder/deep/#section-one"');
    expect(site.read('folder/deep/')).toContain('id="section-one"');
    expect(site.read('second-note/')).toMatch(/href="\/welcome\/"[^>]*>Start</);
  });

  it('renders unresolved and unpublished links as text, never as broken hrefs', () => {
    const html = site.read('welcome/');
    expect(html).toMatch(/<span class="internal-link is-unresolved"[^>]*>Missing note<\/span>/);
    expect(html).toMatch(/<span class="internal-link is-unresolved"[^>]*>Private<\/span>/);
    expect(html).not.toContain('href="/private/"');
  });

  it('copies used attachments only', () => {
    expect(site.read('welcome/')).toMatch(/<img[^>]+src="\/attachments\/pic\.png"[^>]*width="100"/);
    expect(site.exists('attachments/pic.png')).toBe(true);
    expect(site.exists('attachments/unused.png')).toBe(false);
  });

  it('links inline and frontmatter tags to tag pages, parents included', () => {
    expect(site.read('welcome/')).toContain('href="/tags/inline-tag/"');
    const parent = site.read('tags/t-notes/');
    expect(parent).toContain('href="/welcome/"');
    expect(parent).toContain('href="/second-note/"');
    expect(parent).toContain('href="/tags/t-notes/docker/"');
  });

  it('writes graph.json for published notes only, property links counted', () => {
    const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string; url: string; outlinks: string[]; inlinks: string[]; tags: string[] }[] };
    expect(graph.notes.map((n) => n.id).sort()).toEqual(['Folder/Deep.md', 'Second Note.md', 'Welcome.md']);
    const welcome = graph.notes.find((n) => n.id === 'Welcome.md')!;
    expect(welcome.url).toBe('/welcome/');
    expect(welcome.outlinks).toEqual(['Second Note.md', 'Folder/Deep.md']);
    expect(welcome.inlinks).toEqual(['Second Note.md']);
    expect(welcome.tags).toEqual(['inline-tag', 't-notes/Docker']);
  });

  it('leaves no trace of unpublished notes, comments or settings anywhere in the output', () => {
    for (const file of site.files()) {
      if (/\.(png|jpe?g|gif|webp|pdf|woff2?)$/.test(file)) continue;
      const text = site.read(file);
      for (const marker of [
        'PRIVATE-BODY-MARKER',
        'DRAFT-BODY-MARKER',
        'SECRET-COMMENT-MARKER',
        'SETTINGS-MARKER',
        'private-only-tag',
        'Private.md',
        'Draft.md',
      ]) {
        expect(text, `${file} contains ${marker}`).not.toContain(marker);
      }
    }
  });

  it('prints a build report whose counts add up', () => {
    expect(site.log).toContain('7 files seen = 3 notes published + 2 notes skipped + 1 attachments copied + 1 attachments unused');
    expect(site.log).toMatch(/Welcome\.md:\d+: \[\[Missing note\]\]/);
  });
});
