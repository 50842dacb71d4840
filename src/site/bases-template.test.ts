// The bases of a real vault template (kepano/kepano-obsidian, MIT; test/fixtures/vaults/kepano), evaluated by the
// bases step: every embed's rows as Obsidian shows them, worked out by hand from the filters.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../kinds/registry';
import { isPublished, loadVault } from '../vault/load';
import { runBases } from './bases';

const vaultDir = path.resolve(import.meta.dirname, '../../test/fixtures/vaults/kepano/vault');
const IMAGE = 'Attachments/out-of-control.jpg';

function run() {
  const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
  const published = [...vault.notes.values()].filter(isPublished);
  const pages = new Set([...vault.files.values()].filter((e) => e.kind !== 'attachment' && e.publish.published).map((e) => e.id));
  const diagnostics = runBases(vault, published, {
    lang: 'en',
    now: Date.UTC(2026, 11, 1),
    hrefFor: (id) => (pages.has(id) || id === IMAGE ? `/${id}/` : undefined),
    hrefForTag: (tag) => `/tags/${tag}/`,
    attachments: new Map([[IMAGE, { size: 70, mtimeMs: 0 }]]),
  });
  /** The embedded views of a note: view name → its HTML. */
  const views = (id: string): Map<string, string> => {
    const tree = JSON.stringify(vault.notes.get(id)!.tree);
    const html = [...tree.matchAll(/"value":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string).join('');
    return new Map(
      html
        .split('<section class="base-view')
        .slice(1)
        .map((s) => [/data-view="([^"]*)"/.exec(s)![1], s]),
    );
  };
  return { vault, diagnostics, views };
}

const { vault, diagnostics, views } = run();
/** The names in a view's first column (rows, cards, list items, places), in order. */
const rows = (note: string, view: string): string[] => {
  const html = views(note).get(view);
  expect(html, `${note} shows ${view}`).toBeDefined();
  return [...html!.matchAll(/<(?:tr|li)[^>]*>(?:<td>)?<a class="internal-link" href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);
};

describe('a real vault template built on bases', () => {
  it('renders every base embed of every published note as a view', () => {
    const hosts = [...vault.notes.values()].filter((note) => isPublished(note) && vault.links.get(note.id)?.some((l) => l.embed && l.to?.endsWith('.base')));
    expect(hosts.length).toBeGreaterThan(15);
    for (const note of hosts) {
      const embedded = (vault.links.get(note.id) ?? []).filter((l) => l.embed && l.to?.endsWith('.base')).length;
      expect(views(note.id).size, note.id).toBeGreaterThanOrEqual(embedded);
      expect(JSON.stringify(note.tree), note.id).not.toMatch(/"wikiLink"[^}]*"embed":true[^}]*\.base/);
    }
  });

  it('lists each category by its `categories` link, templates and unpublished notes left out', () => {
    expect(rows('Categories/Books.md', 'Books')).toEqual(['Out of Control', 'The Machine Stops']);
    expect(rows('Categories/People.md', 'All people')).toEqual(['Kevin Kelly', 'Steph Ango']);
    expect(rows('Categories/Clippings.md', 'All')).toEqual(['In good hands']);
    expect(rows('Categories/Evergreen.md', 'Evergreen')).toEqual(['Evergreen notes turn ideas into objects that you can manipulate']);
    // People.base's Age: (now() - birthday).years.floor(); a person without a birthday has an empty cell, no error.
    const people = views('Categories/People.md').get('All people')!;
    expect(people).toContain('<td>74</td>');
    expect(people).not.toContain('base-error');
  });

  it('gives `this` the embedding note: an author’s books, a genre’s books, a place’s places', () => {
    expect(rows('References/Kevin Kelly.md', 'Author')).toEqual(['Out of Control']);
    expect(rows('Templates/Author Template.md', 'Author')).toEqual([]);
    expect(rows('References/Nonfiction.md', 'Genre')).toEqual(['Out of Control']);
    expect(rows('References/Sci-fi.md', 'Genre')).toEqual(['The Machine Stops']);
    expect(rows('References/Steph Ango.md', 'Backlinks')).toEqual(['In good hands', 'Evergreen notes turn ideas into objects that you can manipulate']);
    expect(rows('Daily/2023-09-12.md', 'Daily notes')).toEqual(['Evergreen notes turn ideas into objects that you can manipulate']);
    // Related.base: links overlap > 2, or links either way; itself left out (file.path != this.file.path).
    const related = rows('References/Out of Control.md', 'Related');
    expect(related[0]).toBe('The Machine Stops');
    expect(related.sort()).toEqual([
      'Books',
      'Futurism',
      'Kevin Kelly',
      'Kyoto',
      'Nonfiction',
      'Reading map.canvas',
      'Related.base',
      'The Machine Stops',
      'out-of-control.jpg',
    ]);
  });

  it('reads the first beta’s syntax still in the template: property.x, contains(), not(), concat(), display:', () => {
    expect(rows('Categories/Trips.md', 'Trips')).toEqual(['Japan 2023']);
    expect(rows('References/Kyoto.md', 'Related trips')).toEqual(['Japan 2023']);
    expect(views('Categories/Trips.md').get('Trips')).toContain('<th scope="col">Location</th>');
  });

  it('lists canvases among the vault’s files, with their links', () => {
    expect(rows('Home.md', 'Boards')).toEqual(['Reading map.canvas']);
    expect(views('Home.md').get('Boards')).toContain('>Out of Control</a>');
  });

  it('shows map views as their places, counting only the places it lists', () => {
    expect(rows('Categories/Places.md', 'Map')).toEqual(['Fushimi Inari', 'Kyoto']);
    expect(views('Categories/Places.md').get('Map')).toContain('<span class="base-count">2 results</span>');
    // Its ordered properties follow each place, as a list item's do (rating, loc, type, last).
    expect(views('Categories/Places.md').get('Map')).toMatch(
      /Kyoto<\/a> <span class="base-coordinates">35.021041, 135.7556075<\/span> <span class="base-list-properties">7<span class="base-list-separator">, <\/span>.*Japan/,
    );
    expect(rows('References/Kyoto.md', 'Location')).toEqual(['Fushimi Inari']);
    expect(rows('References/Japan.md', 'Location')).toEqual(['Fushimi Inari', 'Kyoto']);
  });

  it('reports the template’s one broken formula (Attachments.base `links: file.`) once, at its line, and renders the rest', () => {
    expect(diagnostics).toEqual([
      {
        file: 'Templates/Bases/Attachments.base',
        line: 4,
        severity: 'warning',
        message: expect.stringMatching(/^base: formula links: “file\.” cannot be read/),
      },
    ]);
    expect(rows('Home.md', 'Images 2')).toEqual(['out-of-control.jpg']);
  });

  it('never shows an unpublished note (marker zzprivate) in a row or a count', () => {
    for (const note of vault.notes.values())
      if (isPublished(note)) for (const [name, html] of views(note.id)) expect(html, `${note.id} ${name}`).not.toMatch(/Zzsecret|zzprivate/);
  });
});
