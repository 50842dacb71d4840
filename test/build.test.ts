// Builds a small fixture vault with the real CLI and checks the HTML, graph.json and what must not be there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

const vault = path.resolve(import.meta.dirname, 'fixtures/site-vault');
let site: BuiltSite;
/** The same vault deployed at a known URL: link previews get absolute URLs. */
let deployed: BuiltSite;

beforeAll(async () => {
  const config = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-site-')), 'tsunagu.config.yaml');
  writeFileSync(config, 'site: https://example.com\nbase: /notes/\n');
  [site, deployed] = await Promise.all([buildVault(vault), buildVault(vault, { TSUNAGU_CONFIG: config })]);
});

/** The content of each `<meta>` of a page's head by its name or property, and the canonical link. */
function headMeta(html: string): Record<string, string> {
  const head = html.slice(0, html.indexOf('</head>'));
  const meta = [...head.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)"/g)].map((m) => [m[1], m[2]]);
  const canonical = /<link rel="canonical" href="([^"]*)"/.exec(head)?.[1];
  return Object.fromEntries([...meta, ...(canonical ? [['canonical', canonical]] : [])]);
}

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

  it("puts a note's cssclasses on its article, for CSS snippets and publish.css, as Obsidian puts them on the note", () => {
    expect(site.read('second-note/')).toContain('<article class="wide-page cards" data-previews');
    expect(site.read('welcome/')).toContain('<article data-previews');
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
    expect(graph.notes.map((n) => n.id).sort()).toEqual(['Folder/Deep.md', 'Folder/Profile.md', 'Second Note.md', 'Welcome.md']);
    const welcome = graph.notes.find((n) => n.id === 'Welcome.md')!;
    expect(welcome.url).toBe('/welcome/');
    expect(welcome.outlinks).toEqual(['Second Note.md', 'Folder/Deep.md']);
    expect(welcome.inlinks).toEqual(['Folder/Profile.md', 'Second Note.md']);
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

  it('writes link previews: the frontmatter description and cover, else the first paragraph and first own image', () => {
    expect(headMeta(deployed.read('second-note/'))).toMatchObject({
      description: 'A second note, for link previews.',
      'og:title': 'Second Note',
      'og:site_name': 'site-vault',
      'og:type': 'article',
      'og:description': 'A second note, for link previews.',
      canonical: 'https://example.com/notes/second-note/',
      'og:url': 'https://example.com/notes/second-note/',
      'og:image': 'https://example.com/notes/attachments/pic.png',
      'twitter:card': 'summary_large_image',
    });
    const welcome = headMeta(deployed.read('welcome/'));
    expect(welcome.description).toMatch(/^This note links to Second Note and to the deep section\. A link to Missing note stays text, and so does Private\./);
    expect(welcome['og:image']).toBe('https://example.com/notes/attachments/pic.png');
    expect(headMeta(deployed.read(''))).toMatchObject({ 'og:type': 'website', canonical: 'https://example.com/notes/' });
    expect(headMeta(deployed.read('folder/deep/'))).toMatchObject({ description: 'Intro.', 'twitter:card': 'summary' });
  });

  it('without site: no canonical URL, og:url or relative og:image', () => {
    const meta = headMeta(site.read('second-note/'));
    expect(meta).toMatchObject({ description: 'A second note, for link previews.', 'twitter:card': 'summary' });
    expect(Object.keys(meta).filter((key) => ['canonical', 'og:url', 'og:image'].includes(key))).toEqual([]);
  });

  it('serves a note at its permalink, case kept; backlinks, graph.json and the sitemap follow', () => {
    expect(site.exists('Notes/About-Me/')).toBe(true);
    expect(site.exists('folder/profile/')).toBe(false);
    expect(site.read('Notes/About-Me/')).toContain('<title>Profile | site-vault');
    expect(site.read('welcome/')).toMatch(/href="\/Notes\/About-Me\/"[^>]*>Profile</);
    const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string; url: string }[] };
    expect(graph.notes.find((n) => n.id === 'Folder/Profile.md')!.url).toBe('/Notes/About-Me/');
    expect(deployed.read('sitemap.xml')).toContain('<loc>https://example.com/notes/Notes/About-Me/</loc>');
  });

  it('prints a build report whose counts add up', () => {
    expect(site.log).toContain('8 files seen = 4 notes published + 2 notes skipped + 1 attachments copied + 1 attachments unused');
    expect(site.log).toMatch(/Welcome\.md:\d+: \[\[Missing note\]\]/);
    // A preview image is an embed of its note: a missing one is reported at its frontmatter line.
    expect(site.log).toContain('Folder/Deep.md:2: cover: missing-cover.png matches no note or attachment');
  });
});
