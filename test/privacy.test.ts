// The leak scan as a test, in both publishing modes: the fixture vault's unpublished things all hold "qzvleak", and
// the note that only opt-in mode hides holds "qzvoptin"; no file of the build may hold a marker of its mode.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLeaks, scanForMarkers } from '../src/safety/leaks';
import { buildVault, type BuiltSite } from './helpers/build';

const fixture = path.resolve(import.meta.dirname, 'fixtures/vaults/leaks');
const JOURNAL = 'Journal qzvoptin.md';

describe.each([
  {
    mode: 'all',
    config: 'tsunagu.config.yaml',
    markers: ['qzvleak'],
    journal: true,
    report: '17 files seen = 4 notes published + 5 notes skipped + 1 attachments copied + 3 attachments unused + 3 other pages + 1 other files not published',
  },
  {
    mode: 'opt-in',
    config: 'opt-in.yaml',
    markers: ['qzvleak', 'qzvoptin'],
    journal: false,
    report: '17 files seen = 3 notes published + 6 notes skipped + 1 attachments copied + 3 attachments unused + 1 other pages + 3 other files not published',
  },
])('unpublished notes leave no trace (publish: $mode)', ({ config, markers, journal, report }) => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildVault(path.join(fixture, 'vault'), { TSUNAGU_CONFIG: path.join(fixture, config) });
  });

  it('writes every kind of output the scan must cover: pages, feeds, graph.json, search index', () => {
    for (const file of ['home/', 'rss.xml', 'sitemap.xml', 'graph.json', 'tags/shared/', 'glossary/', 'attachments/shared.png'])
      expect(site.exists(file), file).toBe(true);
    expect(site.files().some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
  });

  it('no file of dist/ holds the marker: paths, contents, decompressed search fragments', () => {
    const hits = scanForMarkers(site.outDir, markers);
    expect(hits, formatLeaks(hits)).toEqual([]);
  });

  it('renders links and embeds of unpublished notes as plain text', () => {
    const html = site.read('home/');
    for (const text of ['first hidden', 'second hidden', 'third hidden', 'shown text', 'embedded hidden', ...(journal ? [] : ['journal'])]) {
      expect(html).toMatch(new RegExp(`<span class="internal-link is-unresolved"[^>]*>${text}</span>`));
    }
    if (journal) expect(html).toContain('href="/journal-qzvoptin/">journal</a>');
  });

  it("inline queries find no field of an unpublished note (Dataview's null, -)", () => {
    const html = site.read('home/');
    expect(html.split('<span class="dataview dataview-inline-query"><span>-</span></span>')).toHaveLength(4);
    expect(html).toMatch(/<span class="dataview dataview-inline-query"><span>\d+<\/span><\/span> inlinks/);
  });

  it('lists only published notes in graph.json, tag pages and dataview output', () => {
    const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string }[] };
    // A base or canvas has no property to opt in with: opt-in mode publishes it when a published note uses it.
    expect(graph.notes.map((n) => n.id).sort()).toEqual([
      'Everything.base',
      'Home.md',
      ...(journal ? ['Journal qzvoptin.base', JOURNAL, 'Map.canvas'] : []),
      'Public Two.md',
      '用語集/公開用語.md',
    ]);
    const shared = site.read('tags/shared/');
    expect(shared).toContain('href="/home/"');
    expect(shared).toContain('href="/public-two/"');
    // dv.pages("#shared").file.link: the unpublished notes tagged #shared are not in Dataview's vault at all.
    const dataview = /<div class="dataview" data-section="dataview">([\s\S]*?)<\/ul>/.exec(site.read('home/'))![1];
    expect(
      [...dataview.matchAll(/href="([^"]*)"/g)]
        .map((m) => m[1])
        .filter((href) => !href.startsWith('/tags/'))
        .sort(),
    ).toEqual(['/home/', ...(journal ? ['/journal-qzvoptin/'] : []), '/public-two/']);
  });

  it('links and images a dataviewjs block builds from vault paths reach published files only; its own <style> stays scoped', () => {
    const home = site.read('home/');
    expect(home).toMatch(/<a>hidden draft link<\/a>/);
    expect(home).toMatch(/<a>hidden pdf link<\/a>/);
    expect(home).toMatch(/<a class="internal-link dv-own-style" href="\/public-two\/"><span>public two link<\/span><\/a>/);
    expect(home).toMatch(/<img src="\/attachments\/shared\.png" alt="shared image">/);
    expect(home).not.toContain('hidden image');
    expect(home).toMatch(/<div class="(dataview-css-[0-9a-f]{10})"><style>\.\1 \{\n\.dv-own-style \{ color: teal \}\n\}<\/style>/);
  });

  it('draws a canvas card of an unpublished note as a grey card, and never copies the .canvas file', () => {
    expect(site.files().filter((f) => f.endsWith('.canvas'))).toEqual([]);
    // Only the journal links to the canvas: under opt-in, where the journal is private, so is the canvas.
    if (!journal) return expect(site.exists('map.canvas/')).toBe(false);
    const board = site.read('map.canvas/');
    expect(board.match(/class="canvas-card canvas-unavailable"/g)).toHaveLength(2);
    expect(board).toContain('a hidden card link');
    expect(site.files().filter((f) => f.endsWith('.canvas'))).toEqual([]);
  });

  it('lists only published files in bases: rows, groups, counts, summaries, cards', () => {
    const home = site.read('home/');
    // Under opt-in the base is published (Home embeds it); the journal, its base and its canvas are not.
    const everything = home.slice(home.indexOf('data-view="Everything"'), home.indexOf('</section>', home.indexOf('data-view="Everything"')));
    expect(everything).toContain(journal ? '8 results' : '5 results');
    expect([...everything.matchAll(/<tr><td><a class="internal-link" href="([^"]*)"/g)].map((m) => decodeURI(m[1])).sort()).toEqual([
      '/attachments/shared.png',
      '/everything.base/',
      '/home/',
      ...(journal ? ['/journal-qzvoptin.base/', '/journal-qzvoptin/', '/map.canvas/'] : []),
      '/public-two/',
      '/用語集/公開用語/',
    ]);
    // Grouped by folder: the root and 用語集 (1); unpublished notes add to neither group nor summary.
    expect([...everything.matchAll(/Unique<\/span> <span class="base-summary-value">(\d+)</g)].map((m) => m[1])).toEqual([journal ? '7' : '4', '1']);
    expect(site.exists('journal-qzvoptin.base/')).toBe(journal);
    const linkingHidden = home.slice(home.indexOf('data-view="Linking hidden"'));
    expect(linkingHidden.slice(0, linkingHidden.indexOf('</section>'))).toContain('No matching notes');
    expect(home).toMatch(/<span class="internal-link is-unresolved"[^>]*>hidden base<\/span>/);
    expect(home).toContain('data-view="Shared"');
  });

  it('link previews: absolute canonical URL and image, and only the page’s own published text', () => {
    const head = (page: string) => site.read(page).slice(0, site.read(page).indexOf('</head>'));
    const two = head('public-two/');
    expect(two).toContain('<link rel="canonical" href="https://example.com/public-two/">');
    expect(two).toContain('<meta property="og:url" content="https://example.com/public-two/">');
    expect(two).toContain('<meta property="og:image" content="https://example.com/attachments/shared.png">');
    // The embed of an unpublished note is its display text there, as in the body.
    expect(two).toMatch(/<meta name="description" content="Back to Home\. A hidden embed\. Uses 公開用語 and shares \.">/);
    for (const page of ['home/', 'public-two/', '']) expect(head(page)).not.toContain('qzvleak');
  });

  it('copies attachments only when a published note uses them outside comments', () => {
    expect(site.files().filter((f) => f.startsWith('attachments/'))).toEqual(['attachments/shared.png']);
  });

  it('drops comments of both kinds', () => {
    expect(site.read('home/')).toMatch(/Private thoughts\s+and\s+end\./);
  });

  it('counts every file in the report', () => {
    expect(site.log).toContain(report);
  });
});
