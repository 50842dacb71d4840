// Astro's incremental build reuses every page whose cache key is unchanged: a key that misses something the page
// shows leaves a stale page. Each step edits a copy of a small vault, builds it again into the same folder (Astro's
// cache kept), and requires every file of dist/ to be byte-identical to a cold build of the edited vault.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLeaks, scanForMarkers } from '../src/safety/leaks';
import { checkLinks } from '../src/safety/links';
import { outputCache } from '../src/site/output-cache';
import { buildVault, type BuiltSite } from './helpers/build';

const fixture = path.resolve(import.meta.dirname, 'fixtures/vaults/incremental');
const copy = mkdtempSync(path.join(tmpdir(), 'tsunagu-incremental-'));
cpSync(fixture, copy, { recursive: true });
const vault = path.join(copy, 'vault');
// Above 300 notes a page's sidebar shows only its own folder's path: then most pages do not change with an edit
// elsewhere, and a key that misses something shows as a stale page. Every page changes in a smaller vault.
mkdirSync(path.join(vault, 'Filler'));
for (let i = 0; i < 300; i++) writeFileSync(path.join(vault, `Filler/f${String(i).padStart(3, '0')}.md`), `Filler note ${i}.\n`);
const env = { TSUNAGU_CONFIG: path.join(copy, 'tsunagu.config.yaml') };
let site: BuiltSite;

beforeAll(async () => {
  site = await buildVault(vault, env);
}, 600_000);

const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(copy, file), change(readFileSync(path.join(copy, file), 'utf8')));
/** Astro's asset names carry a content hash that differs between two cold builds (test/determinism.test.ts). */
const withoutAssetHashes = (text: string) => text.replace(/(\/_astro\/[^"'\s]*?)\.[\w-]{8}\.(js|css)/g, '$1.HASH.$2');

/** Builds again incrementally and cold; returns the incremental site after comparing the two. */
async function rebuildAndCompare({ restored }: { restored: boolean }): Promise<BuiltSite> {
  const before = new Map(site.files().map((f) => [f, site.read(f)]));
  const [incremental, cold] = [await buildVault(vault, env, site.work), await buildVault(vault, env)];
  const files = (s: BuiltSite) => s.files().map(withoutAssetHashes).sort();
  expect(files(incremental)).toEqual(files(cold));
  const coldByName = new Map(cold.files().map((f) => [withoutAssetHashes(f), f]));
  for (const file of incremental.files()) {
    expect(withoutAssetHashes(incremental.read(file)), file).toBe(withoutAssetHashes(cold.read(coldByName.get(withoutAssetHashes(file))!)));
  }
  // Not vacuous: the edit changed the site, most pages came from Astro's cache, and what they link to exists.
  expect([...before.keys()].some((f) => before.get(f) !== (incremental.exists(f) ? incremental.read(f) : undefined))).toBe(true);
  // `(cached)`: the page's file left as the last build wrote it (the output folder is kept); `(restored)`: copied back.
  const reused = incremental.log.match(/\((cached|restored)\)/g)?.length ?? 0;
  if (restored) expect(reused).toBeGreaterThan(250);
  else expect(reused).toBe(0);
  expect(checkLinks(incremental.outDir, '/')).toEqual([]);
  site = incremental;
  return incremental;
}

describe('incremental build = cold build of the edited vault', () => {
  it('after editing a note’s text, adding a link, removing a tag and editing a glossary term', async () => {
    edit('vault/Alpha.md', (t) => t.replace('first note', 'first edited note'));
    edit('vault/Notes/Gamma.md', (t) => t.replace('tags: [remove-me, keep]', 'tags: [keep]').replace('[[Home]].', '[[Home]] and [[Beta]].'));
    edit('vault/用語集/キャッシュ.md', (t) => t.replace('kept for later', 'kept for a later build'));
    const built = await rebuildAndCompare({ restored: true });
    expect(built.exists('tags/remove-me/')).toBe(false);
    expect(built.read('beta/')).toContain('href="/notes/gamma/"');
  }, 600_000);

  // With a body key that ignores what the body embeds and links to, the host page was restored as it was.
  it('after editing a note another embeds, and renaming a heading the host links to in a third note', async () => {
    expect(site.read('notes/host/')).toContain('href="/beta/#section"');
    edit('vault/Notes/Embedded.md', (t) => t.replace('first version', 'second version'));
    edit('vault/Beta.md', (t) => t.replace('## Section', '## Renamed'));
    const built = await rebuildAndCompare({ restored: true });
    expect(built.read('notes/host/')).toContain('second version');
    expect(built.read('notes/host/')).not.toContain('/beta/#section');
    expect(built.read('notes/host/')).toContain('href="/beta/"');
  }, 600_000);

  it('after renaming a note', async () => {
    renameSync(path.join(vault, 'Notes/Epsilon.md'), path.join(vault, 'Notes/Zeta.md'));
    const built = await rebuildAndCompare({ restored: true });
    expect(built.exists('notes/epsilon/')).toBe(false);
    expect(built.exists('notes/zeta/')).toBe(true);
  }, 600_000);

  it('after making a note private, which then leaves no trace', async () => {
    // The bodies kept for the next build into this folder hold the note's words until it is private.
    // The index and the file of the bodies' HTML it names.
    const bodies = () => {
      const index = `${outputCache('render', site.outDir)}.jsonl`;
      const names = readdirSync(path.dirname(index)).filter((name) => name.startsWith(path.basename(index)));
      return names.map((name) => readFileSync(path.join(path.dirname(index), name), 'utf8')).join('\n');
    };
    expect(bodies()).toContain('zqxsecret');
    edit('vault/Notes/Delta.md', (t) => t.replace('tags: [topic]', 'publish: false\ntags: [topic]'));
    // Every sidebar shows the folder's count of published notes: every page changes.
    const built = await rebuildAndCompare({ restored: false });
    expect(built.exists('notes/delta/')).toBe(false);
    const hits = scanForMarkers(built.outDir, ['zqxsecret', 'notes/delta']);
    expect(hits, formatLeaks(hits)).toEqual([]);
    expect(bodies()).not.toContain('zqxsecret');
  }, 600_000);

  it('after changing the config', async () => {
    edit('tsunagu.config.yaml', (t) => t.replace('title: Incremental', 'title: Incremental, renamed'));
    const built = await rebuildAndCompare({ restored: false });
    expect(built.read('beta/')).toContain('Incremental, renamed');
  }, 600_000);
});
