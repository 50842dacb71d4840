import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { loadConfig } from '../config/config';
import type { FileKind } from '../kinds/kind';
import { markdownNote } from '../kinds/note';
import { KINDS } from '../kinds/registry';
import { buildSite } from './build';
import { notePageKey } from './page-keys';
import { keepBodiesIn, saveBodies } from './render-cache';

const tempDir = useTempDirs('tsunagu-render-cache-');

/** Ids of the notes whose body was rendered (not taken from the cache) in the last build. */
const rendered: string[] = [];
const countingNote: FileKind = {
  ...(markdownNote as FileKind),
  render: (entry, site) => {
    rendered.push(entry.id);
    return markdownNote.render!(entry as never, site);
  },
};
const kinds = KINDS.map((kind) => (kind.name === 'note' ? countingNote : kind));

const board = (card: string) =>
  JSON.stringify({ nodes: [{ id: '1', type: 'text', text: `${card} [[Target]]`, x: 0, y: 0, width: 200, height: 100 }], edges: [] });

let vault: string;
let cacheFile: string;
beforeEach(() => {
  const dir = tempDir();
  vault = path.join(dir, 'vault');
  cacheFile = path.join(dir, 'render/out.jsonl');
  write('Host.md', '![[Embedded]]\n\nSee [[Target#Old heading]], [[Secret]] and #topic.\n');
  write('Embedded.md', 'Embedded text with [[Target]].\n');
  write('Target.md', '# Old heading\n\nTarget text.\n');
  write('Plain.md', 'Plain zqxsecret text.\n');
  write('Canvas host.md', '![[Board.canvas]]\n');
  write('Board.canvas', board('Card one'));
  write('Secret.md', '---\npublish: false\n---\nSecret.\n');
});

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(vault, file)), { recursive: true });
  writeFileSync(path.join(vault, file), text);
}
const edit = (file: string, change: (text: string) => string) => write(file, change(readFileSync(path.join(vault, file), 'utf8')));

/** The site as a new process computes it: only the cache file is left of the last build. */
function computeSite(file: string) {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('tsunagu.render-cache')];
  keepBodiesIn(file);
  rendered.length = 0;
  return buildSite(loadConfig(path.dirname(vault), { TSUNAGU_VAULT: vault }), { kinds, reserved: new Set() });
}

/** The render cache's files: its index and the bodies' file the index names. */
const keptFiles = () =>
  readdirSync(path.dirname(cacheFile))
    .sort()
    .filter((name) => name === path.basename(cacheFile) || name.startsWith(`${path.basename(cacheFile)}.`))
    .map((name) => path.join(path.dirname(cacheFile), name));
const keptText = () =>
  keptFiles()
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

/** A full collection, with the test process's own gc (vitest does not start Node with --expose-gc). */
async function collectGarbage() {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // A WeakRef's target is kept alive until the end of the turn that created or read it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
}

/** A build's notes' body keys and HTML. */
async function build(file = cacheFile): Promise<Map<string, { key: string; html: string }>> {
  const site = await computeSite(file);
  const bodies = new Map(site.notes.map((note) => [note.id, { key: note.bodyKey, html: note.html }]));
  saveBodies();
  return bodies;
}

/** After an edit: the notes rendered again, and whether every body and key equals a cold build's. */
async function rebuild() {
  const incremental = await build();
  const again = [...rendered].sort();
  const cold = await build(path.join(path.dirname(cacheFile), 'cold.jsonl'));
  expect(incremental).toEqual(cold);
  return again;
}

describe('render cache', () => {
  it('renders nothing again when nothing changed, with the same bodies and keys', async () => {
    const first = await build();
    expect([...rendered].sort()).toEqual(['Canvas host.md', 'Embedded.md', 'Host.md', 'Plain.md', 'Target.md']);
    expect(await build()).toEqual(first);
    expect(rendered).toEqual([]);
  });

  it('writes graph.json without rendering, and gives page keys from cached bodies without rendering', async () => {
    const cold = await computeSite(cacheFile);
    expect(JSON.stringify(cold.graph)).toContain('Canvas host.md');
    expect(rendered).toEqual([]);
    await build();
    const site = await computeSite(cacheFile);
    const keys = site.notes.map((note) => notePageKey(site, note));
    expect(new Set(keys).size).toBe(site.notes.length);
    expect(rendered).toEqual([]);
  });

  it('renders a note again when a heading it links to is renamed, and when a note it embeds is edited', async () => {
    await build();
    edit('Target.md', (text) => text.replace('Old heading', 'New heading'));
    expect(await rebuild()).toEqual(['Host.md', 'Target.md']);
    edit('Embedded.md', (text) => text.replace('Embedded text', 'Edited text'));
    expect(await rebuild()).toEqual(['Embedded.md', 'Host.md']);
  });

  it('renders a note again when a canvas it embeds changes, or a link target is published', async () => {
    await build();
    write('Board.canvas', board('Card two'));
    expect(await rebuild()).toEqual(['Canvas host.md']);
    edit('Secret.md', (text) => text.replace('publish: false', 'publish: true'));
    expect(await rebuild()).toEqual(['Host.md', 'Secret.md']);
  });

  it('keeps no body of a note made private', async () => {
    await build();
    expect(keptText()).toContain('zqxsecret');
    edit('Plain.md', (text) => `---\npublish: false\n---\n${text}`);
    await build();
    expect(keptText()).not.toContain('zqxsecret');
  });

  it('keeps the bodies on disk: a page reads its HTML from the file the index names, and no earlier file is left', async () => {
    await build();
    const [index, last] = keptFiles();
    const site = await computeSite(cacheFile);
    const plain = site.notes.find((note) => note.id === 'Plain.md')!;
    expect(plain.bodyKey).toBeTruthy();
    // The kept body moved to this build's file, which the next index names.
    const [now] = keptFiles().filter((file) => file !== index && file !== last);
    writeFileSync(now, readFileSync(now, 'utf8').replace('zqxsecret', 'zqxSECRET'));
    expect(plain.html).toContain('zqxSECRET');
    saveBodies();
    expect(keptFiles()).toEqual([index, now]);
    expect(readFileSync(index, 'utf8')).toContain(path.basename(now));
  });

  it('lets go of the vault’s trees once every page has its body', async () => {
    const trees: WeakRef<object>[] = [];
    const keeping: FileKind = {
      ...countingNote,
      render: (entry, site) => {
        trees.push(new WeakRef(entry.note!.tree));
        return countingNote.render!(entry, site);
      },
    };
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('tsunagu.render-cache')];
    keepBodiesIn(cacheFile);
    const site = await buildSite(loadConfig(path.dirname(vault), { TSUNAGU_VAULT: vault }), {
      kinds: KINDS.map((kind) => (kind.name === 'note' ? keeping : kind)),
      reserved: new Set(),
    });
    for (const page of [...site.notes, ...site.pages]) expect(page.bodyKey).toBeTruthy();
    expect(trees.length).toBeGreaterThan(0);
    await collectGarbage();
    expect(trees.filter((tree) => tree.deref() !== undefined)).toEqual([]);
    expect(site.notes.find((note) => note.id === 'Plain.md')!.html).toContain('zqxsecret');
  });
});
