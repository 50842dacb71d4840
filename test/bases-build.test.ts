// Bases at build time: the fixture vault test/fixtures/vaults/bases built with astro build (one build for every case).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

const fixture = path.resolve(import.meta.dirname, 'fixtures/vaults/bases');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildVault(path.join(fixture, 'vault'), { TSUNAGU_CONFIG: path.join(fixture, 'tsunagu.config.yaml') });
});

/** The rendered view named `name` in a page (the section's HTML). */
function view(html: string, name: string): string {
  const start = html.indexOf(`<section class="base-view`, html.indexOf(`data-view="${name}"`) - 80);
  expect(start, `view ${name}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}
const rowNames = (html: string) => [...html.matchAll(/<tr><td><a class="internal-link" href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);

describe('bases in a built site', () => {
  it('gives a .base file its own page with every view as a CSS-only tab, and no raw copy of the YAML', () => {
    const page = site.read('books.base/');
    expect([...page.matchAll(/<label class="base-tab" for="[^"]+">([^<]+)<\/label>/g)].map((m) => m[1])).toEqual([
      'All books',
      'By read',
      'Shelf',
      'Good ones',
      'Places',
      'Broken',
      'By author',
    ]);
    expect(page).toMatch(/<input type="radio" class="base-tab-input" name="[^"]+" id="[^"]+" checked>/);
    expect(page).toContain('data-pagefind-body');
    expect(site.files().filter((f) => f.endsWith('.base'))).toEqual([]);
    expect(site.files().filter((f) => f.startsWith('attachments/'))).toEqual(['attachments/dune.png']);
    // On its own page, `this` is the base itself: no book's author links to it.
    expect(view(page, 'By author')).toContain('No matching notes');
  });

  it('embeds the first view, sorted, with display names, links, checkboxes, dates, chips, images and a summary row', () => {
    const all = view(site.read('library/'), 'All books');
    expect(rowNames(all)).toEqual(['Dune', 'Neuromancer', 'Emma']);
    expect(all).toContain('<th scope="col">Author</th>');
    expect(all).toContain('<th scope="col">Half price</th>');
    expect(all).toContain('<a class="internal-link" href="/people/frank-herbert/">Frank Herbert</a>');
    expect(all).toContain('<span class="base-unresolved">Jane Austen</span>');
    expect(all).toContain('<input type="checkbox" class="base-checkbox" disabled checked>');
    expect(all).toContain('<time datetime="2024-01-31T00:00:00.000Z">Jan 31, 2024</time>');
    expect(all).toContain('<span class="base-chip">cyberpunk</span>');
    expect(all).toContain('<img class="base-image" src="/attachments/dune.png"');
    // Formulas using formulas: halfLabel = "$" + (price / 2).toFixed(2).
    expect(all).toContain('<td>$6.25</td>');
    expect(all).toMatch(
      /<tfoot><tr class="base-summary">.*Average<\/span> <span class="base-summary-value">4<\/span>.*Checked<\/span> <span class="base-summary-value">2</,
    );
  });

  it('embeds a named view: cards, a list with a view filter, a map as places, groups with counts and summaries', () => {
    const library = site.read('library/');
    const shelf = view(library, 'Shelf');
    expect(shelf.match(/<li class="base-card">/g)).toHaveLength(3);
    expect(shelf).toContain(
      '<div class="base-card-cover" style="aspect-ratio: 1 / 1.5"><img src="/attachments/dune.png" alt="" loading="lazy" style="object-fit: contain">',
    );
    expect(view(library, 'Good ones')).toMatch(/Dune.*Neuromancer/);
    expect(view(library, 'Good ones')).not.toContain('Emma');
    const places = view(library, 'Places');
    expect(places).toContain('The map is not drawn');
    expect(places).toContain('<span class="base-coordinates">35.68, 139.69</span>');
    const grouped = view(library, 'By read');
    expect(
      [...grouped.matchAll(/<span class="base-group-key">([^<]*)<\/span> <span class="base-group-count">(\d+)<\/span>/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ['true', '2'],
      ['false', '1'],
    ]);
    expect(grouped).toMatch(/Sum<\/span> <span class="base-summary-value">21.5</);
    expect(library).toContain('This base has no view “Nope”; its first view is shown.');
  });

  it('renders a ```base block in place, and gives `this` the embedding note', () => {
    const block = view(site.read('library/'), 'Sci-fi');
    expect(block).toMatch(/Neuromancer<\/a> <span class="base-list-properties">★★★★<\/span>.*Dune<\/a> <span class="base-list-properties">★★★★★</);
    expect(site.read('library/')).not.toContain('```');
    expect(rowNames(view(site.read('people/frank-herbert/'), 'By author'))).toEqual(['Dune']);
  });

  it('shows a notice for a broken expression and reports it once with the file and line', () => {
    const broken = view(site.read('library/'), 'Broken');
    expect(broken).toContain('Some expressions of this view could not be computed.');
    expect(broken).toContain('title="unknown function frobnicate()"');
    expect(site.log.match(/Books\.base:8\b.*frobnicate/g)).toHaveLength(1);
  });

  it('never shows the unpublished book: not in a row, a count, a summary or a group', () => {
    for (const file of site.files().filter((f) => /\.(html|json|xml)$/.test(f))) expect(site.read(file), file).not.toMatch(/zzprivate|Secret Book/);
    for (const page of ['library/', 'books.base/', 'people/frank-herbert/']) expect(site.read(page)).not.toMatch(/>1000<|1021\.5|>1, 1</);
    // Average of 5, 3 and 4; the private book (rating 1) would make it 3.25.
    expect(view(site.read('library/'), 'All books')).toContain('3 results');
  });

  it('counts the embeds as links to the base, but not the links inside its output', () => {
    const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string; inlinks: string[] }[] };
    expect(graph.notes.find((n) => n.id === 'Books.base')?.inlinks.sort()).toEqual(['Library.md', 'People/Frank Herbert.md']);
    expect(graph.notes.find((n) => n.id === 'Books/Dune.md')?.inlinks).toEqual([]);
    const backlinks = site.read('books/dune/').split('data-section="backlinks"')[1].split('</section>')[0];
    expect(backlinks).not.toContain('/library/');
  });
});
