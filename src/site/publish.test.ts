import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { loadConfig } from '../config/config';
import { markdownNote } from '../kinds/note';
import { KINDS } from '../kinds/registry';
import { loadVault } from '../vault/load';
import type { VaultEntry } from '../vault/types';
import { buildSite } from './build';
import { publishedFiles } from './publish';

const tempDir = useTempDirs('tsunagu-publish-');

describe('published pages render with the site settings', () => {
  it('strictLineBreaks reaches every render context: off, a newline in a paragraph is <br>; on, it is not', () => {
    const vaultDir = tempDir();
    writeFileSync(path.join(vaultDir, 'Note.md'), 'one\ntwo\n');
    const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
    const page = (strictLineBreaks: boolean) => {
      const published = publishedFiles(vault, { base: '/', lang: 'en', strictLineBreaks, kinds: KINDS, reserved: new Set() });
      return markdownNote.render!(vault.files.get('Note.md') as VaultEntry<undefined>, published.kindSite);
    };
    expect(page(false)).toBe('<p>one<br>\ntwo</p>');
    expect(page(true)).toBe('<p>one\ntwo</p>');
  });
});

/** The site of a vault of these files, its routes' first segments `reserved`. */
async function siteOf(files: Record<string, string>, reserved: string[] = []) {
  const vaultDir = tempDir();
  writeFiles(vaultDir, files);
  return buildSite(loadConfig(path.dirname(vaultDir), { TSUNAGU_VAULT: vaultDir }), { kinds: KINDS, reserved: new Set(reserved) });
}

describe('a preview image given as a vault path', () => {
  it('publishes its attachment, is no Dataview link, and a missing one is an unresolved embed at its line', async () => {
    const site = await siteOf({
      'Cat.md': '---\ntitle: Cat\ncover: pic.png\n---\nA cat.\n\n```dataviewjs\ndv.paragraph(dv.current().file.outlinks.length)\n```\n',
      'Dog.md': '---\nimage: missing.png\n---\nA dog.\n',
      'Private.md': '---\npublish: false\ncover: secret.png\n---\n',
      'pic.png': 'png',
      'secret.png': 'png',
    });
    expect(site.attachments.map((a) => a.id)).toEqual(['pic.png']);
    const cat = site.notes.find((n) => n.id === 'Cat.md')!;
    expect(cat.preview).toEqual({ image: '/attachments/pic.png' });
    expect(cat.html).toContain('<p><span>0</span></p>');
    expect(site.report.unresolvedLinks).toEqual([{ file: 'Dog.md', line: 2, written: 'image: missing.png' }]);
    expect(site.report.attachmentsUnused).toEqual(['secret.png']);
  });
});

describe('an image a property names by its path', () => {
  it('is published with the note, so Dataview output showing the property finds it; a private note publishes none', async () => {
    const site = await siteOf({
      'Books/Dune.md': '---\nthumb: covers/dune.jpg\nshots: [covers/a.png]\n---\nA book.\n',
      'Books/Secret.md': '---\npublish: false\nthumb: covers/secret.jpg\n---\n',
      'Shelf.md':
        '```dataview\nTABLE WITHOUT ID embed(link(thumb)) AS Cover FROM "Books"\n```\n\n```dataviewjs\nfor (const p of dv.pages(\'"Books"\')) dv.paragraph("![](" + p.shots[0] + ")")\n```\n',
      'covers/dune.jpg': 'jpg',
      'covers/a.png': 'png',
      'covers/secret.jpg': 'jpg',
    });
    expect(site.attachments.map((a) => a.id)).toEqual(['covers/a.png', 'covers/dune.jpg']);
    const shelf = site.notes.find((n) => n.id === 'Shelf.md')!.html;
    expect(shelf).toMatch(/<img[^>]* src="\/attachments\/covers\/dune\.jpg"/);
    expect(shelf).toMatch(/<img[^>]* src="\/attachments\/covers\/a\.png"/);
    expect(shelf).not.toContain('secret');
    expect(site.report.unresolvedLinks).toEqual([]);
  });
});

describe('permalinks', () => {
  it('serve a note at its permalink; links, backlinks and graph.json follow; a taken one is a warning at its line', async () => {
    const site = await siteOf(
      {
        'Me.md': '---\ntitle: Me\npermalink: /Notes/About Me/\n---\nSee [[Other]].\n',
        'Other.md': '---\npermalink: notes/about me\n---\nBack to [[Me]].\n',
        'Tagged.md': '---\ntags: [x]\npermalink: /tags/mine/\n---\nText.\n',
      },
      ['tags'],
    );
    const page = (id: string) => site.notes.find((n) => n.id === id)!;
    expect(page('Me.md')).toMatchObject({ slug: 'Notes/About-Me', url: '/Notes/About-Me/' });
    expect(page('Other.md').slug).toBe('other');
    expect(page('Tagged.md').slug).toBe('tagged');
    expect(page('Other.md').html).toContain('href="/Notes/About-Me/"');
    expect(page('Other.md').backlinks.map((b) => b.url)).toEqual(['/Notes/About-Me/']);
    expect(site.graph.notes.find((n) => n.id === 'Me.md')!.url).toBe('/Notes/About-Me/');
    expect(site.report.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'Other.md:2: permalink: "notes/about me" (/notes/about-me/) is taken by the permalink of Me.md; Other.md keeps its own URL /other/. Choose another permalink.',
      'Tagged.md:3: permalink: "/tags/mine/" (/tags/mine/) is taken by the site\'s own tags/ pages; Tagged.md keeps its own URL /tagged/. Choose another permalink.',
    ]);
  });
});
