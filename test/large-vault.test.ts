// Page size must not grow with notes × notes: in a vault past the full-tree limit the sidebar carries only the
// current folder's path and a window of its notes, and outgoing sections list a hub's first backlinks only.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

let site: BuiltSite;

beforeAll(async () => {
  const vault = mkdtempSync(path.join(tmpdir(), 'tsunagu-large-'));
  for (const folder of ['big', 'other']) mkdirSync(path.join(vault, folder));
  writeFileSync(path.join(vault, 'Hub.md'), 'The hub.');
  writeFileSync(path.join(vault, 'Reader.md'), 'Reads [[Hub]].');
  const pad = (n: number) => String(n).padStart(3, '0');
  for (let n = 0; n < 300; n++) writeFileSync(path.join(vault, 'big', `Note ${pad(n)}.md`), n < 25 ? `Links to [[Hub]].` : `Note ${n}.`);
  for (let n = 0; n < 10; n++) writeFileSync(path.join(vault, 'other', `Other ${n}.md`), 'Elsewhere.');
  site = await buildVault(vault);
});

describe('a vault past the full-tree limit', () => {
  it('shows the current folder as a window of notes around the current one, and other folders as links', () => {
    const sidebar = /<aside class="sidebar">([\s\S]*?)<\/aside>/.exec(site.read('big/note-150/'))![1];
    const notes = [...sidebar.matchAll(/href="\/big\/note-(\d+)\/"/g)].map((m) => Number(m[1]));
    expect(notes).toHaveLength(30);
    expect(notes).toContain(150);
    expect(sidebar).toContain('href="/folders/big/"');
    expect(sidebar).toContain('href="/folders/other/"');
    expect(sidebar).not.toContain('/other/other-0/');
    const folderPage = /<main[\s\S]*<\/main>/.exec(site.read('folders/big/'))![0];
    expect(folderPage.match(/href="\/big\/note-\d+\/"/g)).toHaveLength(300);
  });

  it('lists a hub’s first 20 backlinks under an outgoing link, and how many more', () => {
    const outgoing = /data-section="outgoing"([\s\S]*?)<\/section>/.exec(site.read('reader/'))![1];
    expect(outgoing.match(/<li>/g)).toHaveLength(21);
    expect(outgoing).toContain('href="/hub/#backlinks-heading">6 more backlinks</a>');
    expect(site.read('hub/').match(/href="\/(big\/note-\d+|reader)\/"/g)?.length).toBeGreaterThanOrEqual(26);
  });
});
