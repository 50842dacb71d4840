// A real vault template built on bases (kepano/kepano-obsidian's `.base` files and category notes, MIT), built with
// astro build: every base embed is a view in the page, nothing of the unpublished notes reaches dist/.
// The rows themselves are checked without a build in src/site/bases-template.test.ts.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

const fixture = path.resolve(import.meta.dirname, 'fixtures/vaults/kepano');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildVault(path.join(fixture, 'vault'), { TSUNAGU_CONFIG: path.join(fixture, 'tsunagu.config.yaml') });
});

const embedsOf = (page: string) => site.read(page).match(/<div class="base-embed" data-embed-of="[^"]+">/g) ?? [];

describe('a vault template built on bases', () => {
  it('renders every base embed as a view, none as a link to the base or its YAML', () => {
    const pages: [string, number][] = [
      ['categories/books/', 1],
      ['categories/people/', 1],
      ['categories/places/', 1],
      ['categories/trips/', 1],
      ['references/kevin-kelly/', 1],
      ['references/kyoto/', 2],
      ['references/out-of-control/', 1],
      ['daily/2023-09-12/', 1],
      ['home/', 2],
    ];
    for (const [page, n] of pages) {
      expect(embedsOf(page), page).toHaveLength(n);
      expect(site.read(page), page).toContain('<section class="base-view');
    }
    expect(site.read('references/kevin-kelly/')).toMatch(/data-view="Author".*Out of Control/s);
    expect(site.files().filter((f) => f.endsWith('.base'))).toEqual([]);
    expect(site.log).toMatch(/Attachments\.base:4\b.*links: “file\.” cannot be read/);
  });

  it('leaves the unpublished notes out of every file of the site', () => {
    for (const file of site.files().filter((f) => /\.(html|json|xml|txt)$/.test(f))) expect(site.read(file), file).not.toMatch(/zzprivate|Zzsecret/i);
  });
});
