import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { loadConfig } from '../config/config';
import { element, text } from '../markdown/hast-build';
import { parseBody, parseFragment } from '../markdown/parse';
import { renderTree } from '../markdown/render';
import { buildSite } from '../site/build';
import type { FileKind } from './kind';
import { KINDS } from './registry';

const tempDir = useTempDirs('tsunagu-kinds-');

/** A demo page kind: a `.txt` file is a page of markdown text; its `[[links]]` count; embedded, it shows its first line. */
const textPage: FileKind<{ text: string }> = {
  name: 'text',
  recognises: (id) => id.endsWith('.txt'),
  read(file) {
    const source = readFileSync(file.absPath, 'utf8');
    return { id: file.id, kind: 'text', file, title: file.id, links: parseBody(source, 1).links, publish: { published: true }, data: { text: source } };
  },
  output: 'page',
  render: (entry, site) => renderTree(parseFragment(entry.data.text), site.renderContext(entry.id)),
  embed: (entry) => element('div', { className: ['text-embed'] }, [text(entry.data.text.split('\n')[0])]),
};

function vaultWith(files: Record<string, string>): string {
  const dir = tempDir();
  writeFiles(dir, files);
  return dir;
}

describe('file kinds', () => {
  it('the first kind that recognises a file is its kind; attachment takes the rest', () => {
    const kindFor = (id: string) => KINDS.find((kind) => kind.recognises(id))!.name;
    expect(['a.md', 'b.MD', 'Plan.canvas', 'Books.base', 'pic.png', 'notes.txt'].map(kindFor)).toEqual([
      'note',
      'note',
      'canvas',
      'base',
      'attachment',
      'attachment',
    ]);
    expect(new Set(KINDS.map((k) => k.name)).size).toBe(KINDS.length);
  });

  it('a .canvas is a page: its cards link, the notes it shows list it, its raw file is never copied', async () => {
    const vaultDir = vaultWith({
      'Home.md': 'See [[Plan.canvas]].',
      'Plan.canvas': JSON.stringify({
        nodes: [
          { id: '1', type: 'text', text: 'Card to [[Home]] and [[Secret|a private note]]', x: 0, y: 0, width: 200, height: 100 },
          { id: '2', type: 'file', file: 'Secret.md', x: 300, y: 0, width: 200, height: 100 },
        ],
      }),
      'Secret.md': '---\npublish: false\n---\nSECRET',
    });
    const site = await buildSite(loadConfig(path.dirname(vaultDir), { TSUNAGU_VAULT: vaultDir }), { kinds: KINDS, reserved: new Set() });
    expect(site.attachments).toEqual([]);
    const plan = site.pages.find((p) => p.id === 'Plan.canvas')!;
    expect(plan).toMatchObject({ kind: 'canvas', title: 'Plan', url: '/plan.canvas/' });
    expect(plan.html).toContain('<a class="internal-link" href="/home/">Home</a>');
    expect(plan.html).not.toMatch(/SECRET|Secret/);
    expect(site.notes.find((n) => n.id === 'Home.md')!.backlinks.map((b) => b.id)).toEqual(['Plan.canvas']);
    expect(site.graph.notes.find((n) => n.id === 'Plan.canvas')!.outlinks).toEqual(['Home.md']);
  });

  it('a page kind emits a page, renders its links with the site pipeline, is embedded by its kind and counts for backlinks and the graph', async () => {
    const vaultDir = vaultWith({
      'Home.md': 'Read [[Story.txt]].\n\n![[Story.txt]]',
      'Story.txt': 'Once upon a time.\n\nBack [[Home]], not [[Secret]].',
      'Secret.md': '---\npublish: false\n---\nSECRET',
    });
    const site = await buildSite(loadConfig(path.dirname(vaultDir), { TSUNAGU_VAULT: vaultDir }), { kinds: [textPage, ...KINDS], reserved: new Set() });
    expect(site.pages.map((p) => [p.id, p.slug, p.url, p.kind])).toEqual([['Story.txt', 'story.txt', '/story.txt/', 'text']]);
    const [story] = site.pages;
    expect(story.html).toBe(
      '<p>Once upon a time.</p>\n<p>Back <a class="internal-link" href="/home/">Home</a>, not <span class="internal-link is-unresolved">Secret</span>.</p>',
    );
    expect(story.backlinks.map((b) => b.id)).toEqual(['Home.md']);
    const home = site.notes.find((n) => n.id === 'Home.md')!;
    expect(home.html).toContain('<a class="internal-link" href="/story.txt/">Story.txt</a>');
    expect(home.html).toContain('<div class="text-embed">Once upon a time.</div>');
    expect(home.backlinks.map((b) => b.id)).toEqual(['Story.txt']);
    expect(site.graph.notes.find((n) => n.id === 'Story.txt')).toMatchObject({ outlinks: ['Home.md'], inlinks: ['Home.md'] });
    expect(site.report.otherPages).toBe(1);
  });
});
