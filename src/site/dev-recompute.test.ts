// The dev server computes the site again after each save, reusing what the last computation made for files that did
// not change. Each edit here goes through that path (getSite after forgetSite, as a request after a save does) and
// the site must equal a fresh computation of the edited vault, page data and HTML alike.
import { readFileSync, renameSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { loadConfig } from '../config/config';
import { computeAgainOnChange } from './computes-again';
import { getSite } from './site';
import { forgetSite } from './site-holder';
import type { SiteData } from './types';

const tempDir = useTempDirs('tsunagu-dev-recompute-');

const VAULT: Record<string, string> = {
  'Home.md': '---\ntags: [topic]\n---\n# Home\n\nStart at [[Alpha]]. A cache keeps results, as $e = mc^2$ says.\n\n![[Notes/Embedded]]\n',
  'Alpha.md': '---\ntags: [topic, keep]\nstatus: draft\n---\nAlpha mentions cache and links [[Beta]].\n\n```js\nconst a = 1;\n```\n',
  'Beta.md': '---\ntags: [topic]\n---\nBeta links to [[Alpha]].\n\n## Section\n\nText under the section. Status of Alpha: `= [[Alpha]].status`\n',
  'Secret.md': '---\ntags: [topic]\n---\nSecret holds zqxhidden words, links [[Alpha]] and mentions cache.\n',
  'Notes/Embedded.md': 'Embedded words, first version. [due:: 2024-01-02]\n',
  'Notes/Listing.md':
    '```dataviewjs\ndv.table(["note", "mtime", "tags"], dv.pages("#topic").sort((p) => p.file.path).map((p) => [p.file.link, p.file.size, p.file.tags.join(" ")]));\n```\n\n![[Shelf.base]]\n',
  'Shelf.base': 'filters:\n  and:\n    - file.hasTag("topic")\nviews:\n  - type: table\n    name: All\n    order: [file.name, status]\n',
  '用語集/キャッシュ.md': '---\ntype: term\naliases: [cache]\n---\nA store of results kept for later.\n',
};

let vault: string;
let clock = Date.UTC(2025, 0, 1);
const config = () => loadConfig(path.dirname(vault), { TSUNAGU_VAULT: vault });

/** Writes a vault file with a later mtime than any before (an editor's save). */
function save(file: string, text: string) {
  writeFiles(vault, { [file]: text });
  clock += 1000;
  utimesSync(path.join(vault, file), new Date(clock), new Date(clock));
}
const edit = (file: string, change: (text: string) => string) => {
  const text = readFileSync(path.join(vault, file), 'utf8');
  const changed = change(text);
  expect(changed, `${file} edited`).not.toBe(text);
  save(file, changed);
};

/** What the pages render (every page's HTML included: `html` is an enumerable getter). */
const serialised = (site: SiteData) => JSON.stringify({ ...site, graphView: site.graphView });

/** Everything a computation keeps for the next one in this process (parse results, memos), set aside. */
async function withoutKeptState<T>(compute: () => Promise<T>): Promise<T> {
  const holder = globalThis as Record<symbol, unknown>;
  const kept = Object.getOwnPropertySymbols(holder).filter((key) => key.description?.startsWith('tsunagu.'));
  const saved = kept.map((key) => [key, holder[key]] as const);
  for (const key of kept) delete holder[key];
  try {
    return await compute();
  } finally {
    for (const key of Object.getOwnPropertySymbols(holder)) if (key.description?.startsWith('tsunagu.')) delete holder[key];
    for (const [key, value] of saved) holder[key] = value;
  }
}

async function freshSite(): Promise<string> {
  return withoutKeptState(async () => serialised(await getSite(config(), [])));
}

/** As a request after a save: the dev server forgets the site, the next page computes it again. */
async function devSite(): Promise<string> {
  forgetSite();
  return serialised(await getSite(config(), []));
}

async function expectDevEqualsFresh(): Promise<string> {
  const dev = await devSite();
  const fresh = await freshSite();
  expect(dev).toBe(fresh);
  return dev;
}

describe('dev recomputation after a save = fresh computation of the edited vault', () => {
  beforeAll(() => {
    const holder = globalThis as Record<symbol, unknown>;
    for (const key of Object.getOwnPropertySymbols(holder)) if (key.description?.startsWith('tsunagu.')) delete holder[key];
    computeAgainOnChange();
  });
  afterAll(() => {
    forgetSite();
    const holder = globalThis as Record<symbol, unknown>;
    for (const key of Object.getOwnPropertySymbols(holder)) if (key.description?.startsWith('tsunagu.')) delete holder[key];
  });

  it('after each of a sequence of edits', async () => {
    vault = path.join(tempDir(), 'vault');
    for (const [file, text] of Object.entries(VAULT)) save(file, text);
    let site = await expectDevEqualsFresh();
    expect(site).toContain('zqxhidden');
    // Not vacuous: every step that rewrites trees or reads the whole vault has output here.
    for (const made of ['term-link', 'table-view-table', 'base-view', 'katex', 'shiki', 'dataview-inline-query']) expect(site, made).toContain(made);

    // The note's text, then a link to a note it did not link to (that note's backlinks change).
    edit('Beta.md', (t) => t.replace('Text under', 'Edited text under'));
    site = await expectDevEqualsFresh();
    expect(site).toContain('Edited text under');
    edit('Notes/Embedded.md', (t) => `${t}\nNow links [[Beta#Section]] and mentions cache.\n`);
    site = await expectDevEqualsFresh();
    expect(site).toContain('Now links');

    // A tag removed (the dataview table and the base list it), a frontmatter field a query reads changed.
    edit('Alpha.md', (t) => t.replace('tags: [topic, keep]', 'tags: [keep]').replace('status: draft', 'status: done'));
    site = await expectDevEqualsFresh();
    expect(site).toContain('done');

    // A glossary term's definition changed: every link to it (its title) changes.
    edit('用語集/キャッシュ.md', (t) => t.replace('kept for later', 'kept for a later build'));
    site = await expectDevEqualsFresh();
    expect(site).not.toContain('kept for later');

    // A note made private vanishes everywhere: its page, lists, backlinks, dataview and base output, term uses.
    edit('Secret.md', (t) => t.replace('tags: [topic]', 'publish: false\ntags: [topic]'));
    site = await expectDevEqualsFresh();
    // The build report (printed, not published) names it as skipped; nothing else may.
    const { report, ...published } = JSON.parse(site) as SiteData;
    expect(report.notesSkipped.map((skipped) => skipped.id)).toEqual(['Secret.md']);
    expect(JSON.stringify(published)).not.toMatch(/zqxhidden|Secret/);

    // A note renamed, one added and one removed.
    renameSync(path.join(vault, 'Beta.md'), path.join(vault, 'Gamma.md'));
    save('Delta.md', 'Delta links [[Gamma#Section]] and [[Home]].\n');
    rmSync(path.join(vault, 'Notes/Embedded.md'));
    site = await expectDevEqualsFresh();
    expect(site).toContain('Delta links');
    expect(site).not.toContain('Embedded words');

    // Private again to public: it comes back.
    edit('Secret.md', (t) => t.replace('publish: false\n', ''));
    site = await expectDevEqualsFresh();
    expect(site).toContain('zqxhidden');
  }, 120_000);
});
