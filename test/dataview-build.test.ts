// dataview blocks in a real build: the seed block's output in place of its code, DQL queries (TASK, CALENDAR,
// GROUP BY + FLATTEN) over inline fields and tasks, and hostile blocks that each give one diagnostic while the rest builds.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inChromium } from './helpers/browser';
import { buildVault, type BuiltSite } from './helpers/build';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildVault(path.resolve(import.meta.dirname, 'fixtures/dataview-vault'));
});

/** The link texts inside one element of the page, in order. */
function linkTexts(html: string): string[] {
  return [...html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
}

describe('the seed dataviewjs block, computed at build', () => {
  it('renders its output where the block stood, never the code', () => {
    const html = site.read('seed/');
    expect(html).toContain('data-section="dataview"');
    expect(html).not.toContain('dv.current()');
    expect(html).not.toContain('dataviewjs');
  });

  it('lists related notes per tag, newest first, and outgoing links with their backlinks, as Dataview does', () => {
    const html = site.read('seed/');
    const output = html.slice(html.indexOf('<div class="dataview"'), html.indexOf('</div>', html.lastIndexOf('list-view-ul')) + 6);
    // file.tags = #t-notes/Docker, #t-notes, #t-notes/AI生成: the first three. Newer (T-Notes/docker) matches
    // case-insensitively; Parent only has #t-notes only; #t-notes/AI生成 has no other note, so no list.
    expect(linkTexts(output)).toEqual([
      '#t-notes/Docker',
      'Newer',
      'Older',
      '#t-notes',
      'Newer',
      'Parent only',
      'Older',
      // このノートからのリンク先: Older, Newer (Missing does not resolve); each with its inlinks sorted.
      'Older',
      'Seed',
      'Newer',
      'Older',
      'Seed',
    ]);
    expect(output).toContain('<h3><span>関連ノート</span></h3>');
    expect(output).toContain('このノートからのリンク先');
  });

  it('never shows an unpublished note, even where Dataview would list it', () => {
    for (const file of site.files().filter((f) => f.endsWith('.html') || f.endsWith('.json'))) {
      expect(site.read(file), file).not.toContain('SECRET-DV-MARKER');
      expect(site.read(file), file).not.toMatch(/>Secret</);
    }
  });
});

describe('hostile dataviewjs blocks', () => {
  it.each([
    ['throws/', 'Throws.md:4', 'boom from the author'],
    ['loops/', 'Loops.md:1', 'time limit'],
    ['requires/', 'Requires.md', 'require'],
    ['fetches/', 'Fetches.md', 'fetch'],
  ])('%s builds with a notice and one diagnostic naming the file', (page, where, reason) => {
    const html = site.read(page);
    expect(html).toContain('class="dataview-notice"');
    expect(html).not.toContain('```');
    const diagnostics = site.log.split('\n').filter((line) => line.includes(where.split(':')[0]) && line.includes('block could not run'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toContain(where);
    expect(diagnostics[0]).toContain(reason);
  });

  it('keeps the rest of the page and the site intact', () => {
    expect(site.read('throws/')).toContain('AFTER-THROW-TEXT');
    expect(site.read('loops/')).toContain('AFTER-LOOP-TEXT');
    expect(site.read('older/')).toContain('Older note');
  });
});

describe('DQL queries over inline fields and tasks, computed at build', () => {
  const queries = () => site.read('queries/');

  it("TASK: open tasks with their subtrees, read-only checkboxes, never a private note's task", () => {
    const html = queries();
    expect(html).toContain('ALPHA-OPEN write the plan');
    expect(html).toMatch(
      /ALPHA-OPEN write the plan<\/span><ul class="contains-task-list"><li class="dataview task-list-item is-checked" data-task="x"><input [^>]*disabled[^>]*>/,
    );
    expect(html).toContain('BETA-OPEN review');
    expect(html).not.toContain('ALPHA-CLOSED');
    expect(html).not.toMatch(/<input class="dataview task-list-item-checkbox" type="checkbox"(?![^>]*disabled)/);
  });

  it('CALENDAR: a month grid with one dot per note on its day, linking to the note', () => {
    const html = queries();
    expect(html).toContain('<caption>March 2025</caption>');
    expect(html).toMatch(/<span class="dataview-calendar-day">3<\/span><a class="dataview-calendar-dot" href="[^"]*projects\/alpha\/"/i);
    expect(html).toMatch(/<span class="dataview-calendar-day">17<\/span><a class="dataview-calendar-dot" href="[^"]*projects\/beta\/"/i);
  });

  it('FLATTEN + GROUP BY over inline list fields: one row per topic with its notes', () => {
    const table = queries().slice(queries().indexOf('table-view-table'));
    const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
      m[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(rows.slice(0, 2)).toEqual(['build 1 Alpha', 'docker 2 Alpha Beta']);
  });

  it('a private note is absent from every result and count', () => {
    const html = queries();
    expect(html).toContain('inlinks of Older: 1');
    expect(html).toMatch(/<td>11<\/td>/);
    expect(html).not.toContain('secret-topic');
    expect(html).not.toContain('SECRET');
  });

  it('inline queries show their value inside the sentence, never their code; a failing one a notice and one diagnostic', () => {
    const html = site.read('projects/beta/');
    expect(html).toContain('Beta is due <span class="dataview dataview-inline-query">March 17, 2025</span>');
    expect(html).toContain('<span class="dataview dataview-inline-query"><span>Projects</span></span>');
    expect(html).toContain('<span class="dataview dataview-inline-query"><span>Beta!</span></span>');
    expect(html).toMatch(/<span class="dataview-notice dataview-inline-notice" role="note">[^<]*<span class="dataview-notice-reason">Dataview \(inline field/);
    expect(html).toContain('<code>code</code>');
    expect(html).not.toContain('<code>= ');
    expect(html).toContain('<span class="dataview inline-field-value">April 01, 2025</span>');
    const diagnostics = site.log.split('\n').filter((line) => line.includes('inline query could not be evaluated'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toContain('Projects/Beta.md:8');
  });

  it("inline fields show in the note as Obsidian's reading view shows them", () => {
    const html = site.read('projects/alpha/');
    expect(html).toContain(
      '<span class="dataview inline-field"><span class="dataview inline-field-key" data-dv-key="status" data-dv-norm-key="status">status</span><span class="dataview inline-field-value">active</span></span>',
    );
    expect(html).toMatch(/<span class="dataview inline-field-standalone-value" data-dv-key="owner" data-dv-norm-key="owner"><a [^>]*>Queries<\/a><\/span>/);
    expect(html).not.toContain('[status::');
  });
});

describe('CALENDAR in Chromium', () => {
  const chromium = inChromium(() => site.outDir);

  it.each([
    ['light', 1280],
    ['dark', 390],
  ] as const)('%s, %i px: each dot is a visible accent-coloured link named after its note, inside the page, and opens it', async (colorScheme, width) => {
    const page = await chromium.browser.newPage({ viewport: { width, height: 900 }, colorScheme });
    await page.goto(new URL('queries/', chromium.server.url).href);
    const dots = page.locator('a.dataview-calendar-dot');
    expect(await dots.count()).toBe(2);
    const seen = await dots.evaluateAll((links) =>
      links.map((a) => {
        const box = a.getBoundingClientRect();
        // The theme's accent where the dot is (the variable set by the page's theme).
        const probe = document.createElement('span');
        probe.style.color = 'var(--accent)';
        a.after(probe);
        const accentRgb = getComputedStyle(probe).color;
        probe.remove();
        return {
          name: a.getAttribute('aria-label'),
          size: [box.width, box.height],
          inside: box.right <= innerWidth,
          background: getComputedStyle(a).backgroundColor,
          accentRgb,
        };
      }),
    );
    expect(seen.map((d) => d.name)).toEqual(['Alpha', 'Beta']);
    for (const dot of seen) {
      expect(dot.size[0]).toBeGreaterThan(4);
      expect(dot.size[1]).toBeGreaterThan(4);
      expect(dot.inside).toBe(true);
      expect(dot.background).toBe(dot.accentRgb);
    }
    // Weekday names on one line each (a narrow screen once broke "Sun" into "Su" / "n").
    const headerLines = await page.locator('.dataview-calendar-month thead th').evaluateAll((cells) =>
      cells.map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(headerLines).toEqual([1, 1, 1, 1, 1, 1, 1]);
    await page.getByRole('link', { name: 'Beta' }).and(dots).click();
    await page.waitForURL(/projects\/beta\/$/i);
    await page.close();
  });
});
