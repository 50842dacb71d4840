// Excalidraw drawings, built with the real CLI: the exported image where a drawing is embedded and on its page.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

const vault = path.resolve(import.meta.dirname, 'fixtures/vaults/drawings');
let site: BuiltSite;
let home: string;

beforeAll(async () => {
  site = await buildVault(vault);
  home = site.read('home/');
}, 120_000);

describe('an embedded Excalidraw drawing', () => {
  it('shows the exported SVG, sized as the embed asks, and copies it', () => {
    expect(home).toMatch(
      /<span class="drawing"><img src="\/attachments\/sketch\.excalidraw\.svg" alt="Sketch\.excalidraw" loading="lazy" width="300"><\/span>/,
    );
    expect(site.exists('attachments/sketch.excalidraw.svg')).toBe(true);
    // The drawing's text and the banner of the plugin stay off the embedding page.
    expect(home).not.toContain('Sketch words');
    expect(home).not.toContain('EXCALIDRAW VIEW');
  });

  it('shows the light and the dark export, one per theme', () => {
    expect(home).toContain('<img src="/attachments/drawings/themed.excalidraw.light.svg" alt="Themed.excalidraw" loading="lazy" class="drawing-light">');
    expect(home).toContain('<img src="/attachments/drawings/themed.excalidraw.dark.svg" alt="Themed.excalidraw" loading="lazy" class="drawing-dark">');
  });

  it('is a notice when nothing was exported, and the report says how to export it', () => {
    expect(home).toContain(
      '<span class="drawing-missing" role="note">The Excalidraw drawing “Unexported” cannot be shown: it has not been exported as an image.</span>',
    );
    expect(site.log).toMatch(/Unexported\.md:2.*Excalidraw drawing with no exported image.*Auto-export SVG/);
  });

  it('stays a link where it is linked', () => {
    expect(home).toContain('<a class="internal-link" href="/sketch.excalidraw/">the sketch</a>');
  });

  it('leaves a private drawing and its export out', () => {
    expect(site.files().filter((file) => /secret/i.test(file))).toEqual([]);
    for (const file of site.files()) if (/\.(html|json|xml|svg)$/.test(file)) expect(site.read(file), file).not.toContain('SECRETDRAWING');
  });
});

describe("a drawing's page", () => {
  it('shows the image above the note, without the banner asking for the drawing view', () => {
    const page = site.read('sketch.excalidraw/');
    const body = page.slice(page.indexOf('<span class="drawing">'));
    expect(body).toMatch(/^<span class="drawing"><img src="\/attachments\/sketch\.excalidraw\.svg" alt="Sketch\.excalidraw"/);
    expect(body).toContain('Notes written on the back of the sketch.');
    expect(body).toContain('Sketch words');
    expect(page).not.toContain('EXCALIDRAW VIEW');
  });
});
