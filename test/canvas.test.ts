// Canvas pages and embeds, built with the real CLI from one fixture vault that uses every node and edge feature.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLeaks, scanForMarkers } from '../src/safety/leaks';
import { buildVault, type BuiltSite } from './helpers/build';

const vault = path.resolve(import.meta.dirname, 'fixtures/vaults/canvas/vault');
let site: BuiltSite;
let board: string;

beforeAll(async () => {
  site = await buildVault(vault);
  board = site.read('board.canvas/');
});

/** The markup of one card (its <foreignObject>) or edge (its <g>), by id. */
function node(id: string): string {
  const match = new RegExp(`<foreignObject [^>]*>(?:(?!</foreignObject>)[\\s\\S])*?data-node="${id}"[\\s\\S]*?</foreignObject>`).exec(board);
  expect(match, id).not.toBeNull();
  return match![0].slice(match![0].lastIndexOf('<foreignObject '));
}
function edge(id: string): string {
  const match = new RegExp(`<g class="canvas-edge[^"]*" data-edge="${id}"[\\s\\S]*?</g>`).exec(board);
  expect(match, id).not.toBeNull();
  return match![0];
}

describe('a canvas page', () => {
  it('is a page of its own, drawn at build time in canvas pixels around the bounding box', () => {
    expect(board).toContain('<title>Board | ');
    // Nodes span x -40…1400 and y -110 (the group label) … 900; the box is the nodes' with 40 px padding.
    expect(board).toMatch(/<svg class="canvas-svg" viewBox="-80 -120 1520 1060"/);
    expect(node('text1')).toMatch(/^<foreignObject x="0" y="0" width="360" height="300">/);
    // File cards and groups get room above them for their label.
    expect(node('file1')).toMatch(/^<foreignObject x="440" y="-30" width="380" height="330">/);
  });

  it('keeps z-order: groups lowest, then edges, then cards in file order', () => {
    const at = (text: string) => board.indexOf(text);
    expect(at('data-node="group1"')).toBeLessThan(at('data-node="group2"'));
    expect(at('data-node="group2"')).toBeLessThan(at('data-edge="e1"'));
    expect(at('data-edge="e4"')).toBeLessThan(at('data-node="text1"'));
    const cards = ['text1', 'file1', 'file2', 'file3', 'file4', 'file5', 'file6', 'link1', 'plug1'].map((id) => at(`data-node="${id}"`));
    expect(cards).toEqual([...cards].sort((a, b) => a - b));
  });

  it('renders text cards with the markdown pipeline: links resolved, tags, callouts; a private link is text', () => {
    const text = node('text1');
    expect(text).toContain('canvas-text is-colored');
    expect(text).toContain('--canvas-node-color:var(--canvas-color-1)');
    expect(text).toMatch(/<h1 id="card-\d+-start-here">Start here<\/h1>/);
    expect(text).toContain('<a class="internal-link" href="/notes/beta/">Beta</a>');
    expect(text).toContain('<a class="tag" href="/tags/canvas-test/">#canvas-test</a>');
    // A tag no note has has no page: it leads to the tag index.
    expect(text).toContain('<a class="tag" href="/tags/">#canvas-only</a>');
    expect(text).toContain('class="callout callout-tip"');
    expect(text).toMatch(/<span class="internal-link is-unresolved"[^>]*>a private link<\/span>/);
  });

  it('links the first glossary mention in its text cards and draws their mermaid diagrams at build time', () => {
    // Not node(): mermaid's SVG has foreignObjects of its own. The card runs to the next node.
    const at = board.indexOf('data-node="text2"');
    const text = board.slice(at, board.indexOf('data-node=', at + 1));
    expect(text.match(/<a class="term-link" href="[^"]*\/zqterm\/"/g)).toHaveLength(1);
    expect(text).toContain('<figure class="mermaid-diagram" data-mermaid=""><div class="mermaid-light"><svg');
    expect(text).not.toContain('```');
    expect(site.read('用語集/zqterm/')).toContain('href="/board.canvas/"');
  });

  it('shows a note card as the note (or its subpath section), titled by its label', () => {
    const whole = node('file1');
    expect(whole).toContain('<a class="canvas-file-label" href="/notes/alpha/">Alpha</a>');
    expect(whole).toContain('Alpha’s introduction paragraph.'.replace('’', "'"));
    expect(whole).toContain('Only this section shows');
    const section = node('file2');
    expect(section).toContain('Only this section shows');
    expect(section).not.toContain('introduction paragraph');
    expect(section).toContain('--canvas-node-color:#3366ff');
  });

  it('shows images as images, other attachments as link cards, links as links, unknown types as empty cards', () => {
    expect(node('file3')).toContain('<img src="/attachments/pic.png" alt="pic.png" loading="lazy">');
    expect(node('file5')).toContain('<a class="canvas-attachment" href="/attachments/manual.pdf">manual.pdf</a>');
    expect(node('link1')).toContain('<a href="https://example.com/docs?q=1" rel="noopener noreferrer">');
    expect(node('plug1')).toContain('canvas-unknown');
  });

  it('draws unpublished and missing files as grey cards with no name', () => {
    for (const id of ['file4', 'file6']) {
      expect(node(id)).toMatch(
        /<div class="canvas-card canvas-unavailable" data-node="[^"]+"><span class="visually-hidden">公開されていないファイル<\/span><\/div>/,
      );
    }
    expect(node('file6')).not.toContain('Nowhere');
  });

  it('draws groups with their label, colour and background image', () => {
    expect(node('group1')).toContain('<div class="canvas-group-label">Build stage</div>');
    expect(node('group1')).toContain('--canvas-node-color:var(--canvas-color-4)');
    expect(node('group2')).toContain('class="canvas-group-image is-ratio" style="background-image:url(&quot;/attachments/pic.png&quot;)"');
  });

  it('draws edges between the chosen sides (facing sides when none), arrowheads by ends, labels and colours', () => {
    // text1's right side (360, 150) → file1's left side (440, 150), ending 14 px short for the arrowhead.
    expect(edge('e1')).toMatch(/<path d="M360 150C[^"]* 426 150"\/><polygon class="canvas-arrow" points="440,150 [^"]+"\/>/);
    expect(edge('e1')).toContain('<div class="canvas-edge-label"><span>reads</span></div>');
    expect(edge('e2').match(/<polygon/g)).toHaveLength(2);
    expect(edge('e2')).toContain('--canvas-edge-color:var(--canvas-color-2)');
    expect(edge('e3')).toContain('data-from-side="bottom" data-to-side="top"');
    expect(edge('e3')).not.toContain('<polygon');
    expect(edge('e3')).toContain('--canvas-edge-color:#aa00aa');
    expect(edge('e4').match(/<polygon/g)).toHaveLength(1);
    expect(board).not.toContain('data-edge="e5"');
  });

  it('is in the graph: backlinks of the notes it shows, graph.json, search', () => {
    expect(site.read('notes/beta/')).toMatch(/data-section="backlinks"[\s\S]*href="\/board.canvas\/"/);
    expect(site.read('notes/alpha/')).toMatch(/data-section="backlinks"[\s\S]*href="\/board.canvas\/"/);
    const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string; outlinks: string[] }[] };
    expect(graph.notes.find((n) => n.id === 'Board.canvas')?.outlinks.sort()).toEqual(['notes/Alpha.md', 'notes/Beta.md']);
    const found = scanForMarkers(site.outDir, ['zqcardword']).map((hit) => hit.file);
    expect(found).toContain('board.canvas/index.html');
    expect(found.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
  });

  it('leaves no trace of the private note anywhere in dist/, and never copies a .canvas file', () => {
    const hits = scanForMarkers(site.outDir, ['qzvhidden']);
    expect(hits, formatLeaks(hits)).toEqual([]);
    expect(site.files().filter((file) => /\.canvas$/i.test(file))).toEqual([]);
    expect(
      site
        .files()
        .filter((f) => f.startsWith('attachments/'))
        .sort(),
    ).toEqual(['attachments/manual.pdf', 'attachments/pic.png']);
  });

  it('embeds a board in a note, in a frame with a link to its page, not indexed twice', () => {
    const lesson = site.read('lesson/');
    expect(lesson).toMatch(/<div class="canvas-embed" data-pagefind-ignore="all"><div class="canvas-board canvas-preview" id="canvas-embed-[a-z0-9]+"/);
    expect(lesson).toContain('<a href="/board.canvas/">キャンバス「Board」を開く</a>');
    // Build output, kept whole by the sanitizer: the SVG and the zoom buttons.
    expect(lesson).toMatch(
      /<div class="canvas-embed"[\s\S]*<button type="button" data-canvas-zoom="in"[\s\S]*<svg class="canvas-svg" viewBox="-80 -120 1520 1060"/,
    );
    expect(lesson).toContain('<a class="internal-link" href="/board.canvas/">the board</a>');
    // A preview names note cards without their content.
    expect(lesson).toContain('<a class="canvas-note-title" href="/notes/alpha/">Alpha</a>');
    expect(lesson).not.toContain('Only this section shows');
  });

  it('has its entry in the sidebar, as a note has, marked current on its own page', () => {
    const sidebar = (html: string) => /<aside class="sidebar">([\s\S]*?)<\/aside>/.exec(html)![1];
    expect(sidebar(board)).toContain('<a href="/board.canvas/" aria-current="page">Board</a>');
    expect(sidebar(site.read('lesson/'))).toContain('<a href="/board.canvas/">Board</a>');
  });

  it('ships no script file before interaction, only the inline loader', () => {
    expect(board).not.toMatch(/<script[^>]*\ssrc=/);
    expect(board).toContain('enhanceCanvas');
  });

  it('reports bad input with file, line and what to do, and still draws the rest', () => {
    expect(site.log).toMatch(/error: Broken\.canvas:4: is not valid JSON at line 4, column 3/);
    expect(site.read('broken.canvas/')).toContain('このキャンバスは読み込めませんでした。');
    expect(site.log).toMatch(/Board\.canvas:\d+: node "plug1" has the unknown type "mindmap"/);
    expect(site.log).toMatch(/Board\.canvas:\d+: edge "e5" joins a node that is not on the canvas \("ghost"\)/);
    expect(site.log).toMatch(/Board\.canvas:\d+: \[\[missing\/Nowhere.md\]\] matches no note or attachment/);
  });
});
