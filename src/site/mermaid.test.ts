import { existsSync, readdirSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { findChromium, type ThemedRenderer } from './mermaid-browser';
import { renderMermaidBlocks as mermaidStep, type MermaidNote, type MermaidStepOptions } from './mermaid';
import { applyReplacement } from './steps';
import { useTempDirs } from '../../test/helpers/temp-dir';

const cacheDir = useTempDirs('tsunagu-mermaid-');

/** Runs the step and puts its replacements into the trees, as the build's step runner does. */
async function renderMermaidBlocks(notes: MermaidNote[], options: MermaidStepOptions) {
  const { replacements, diagnostics } = await mermaidStep(notes, options);
  for (const replacement of replacements) applyReplacement(notes.find((n) => n.id === replacement.noteId)!.tree, replacement);
  return diagnostics;
}

function note(id: string, markdown: string, bodyStartLine = 1): MermaidNote {
  return { id, tree: unified().use(remarkParse).parse(markdown) as Root, bodyStartLine };
}

function htmlOf(n: MermaidNote): string[] {
  return n.tree.children.filter((c) => c.type === 'html').map((c) => (c as { value: string }).value);
}

/** Draws each diagram as an SVG naming its theme; 'broken' diagrams fail as mermaid does. Counts calls. */
function fakeRenderer() {
  const calls: { diagrams: string[]; theme: string }[] = [];
  const render: ThemedRenderer = async (diagrams, theme) => {
    calls.push({ diagrams, theme });
    return diagrams.map((code, i) =>
      code.includes('broken')
        ? { status: 'rejected', reason: new Error('Parse error on line 2:\n...broken\n---^') }
        : { status: 'fulfilled', value: { id: `p-${i}`, svg: `<svg id="p-${i}"><style>#p-${i} .x{}</style><text>${theme}:${code.trim()}</text></svg>` } },
    );
  };
  return { render, calls };
}

const chromium = { path: '/fake/chromium', tried: ['/fake/chromium'] };

describe('mermaid step', () => {
  test('renders every diagram of every note in one batch per theme, as light and dark SVG', async () => {
    const a = note('a.md', 'text\n\n```mermaid\ngraph TD; A-->B\n```\n\n```mermaid\ngraph TD; C-->D\n```\n');
    const b = note('b.md', '```mermaid\ngraph TD; A-->B\n```\n');
    const { render, calls } = fakeRenderer();
    const diagnostics = await renderMermaidBlocks([a, b], { lang: 'ja', cacheDir: cacheDir(), chromium, renderer: render });
    expect(diagnostics).toEqual([]);
    expect(calls.map((c) => c.theme).sort()).toEqual(['dark', 'light']);
    expect(calls[0].diagrams).toHaveLength(2); // the shared diagram once
    const [first] = htmlOf(a);
    expect(first).toContain('<div class="mermaid-light"><svg');
    expect(first).toContain('light:graph TD; A-->B');
    expect(first).toContain('dark:graph TD; A-->B');
    expect(htmlOf(b)[0]).toBe(first);
  });

  test('gives SVG ids that depend on the diagram, not on its place in the batch', async () => {
    const { render } = fakeRenderer();
    const alone = note('a.md', '```mermaid\ngraph TD; C-->D\n```\n');
    const second = note('b.md', '```mermaid\ngraph TD; A-->B\n```\n\n```mermaid\ngraph TD; C-->D\n```\n');
    await renderMermaidBlocks([alone], { lang: 'ja', cacheDir: cacheDir(), chromium, renderer: render });
    await renderMermaidBlocks([second], { lang: 'ja', cacheDir: cacheDir(), chromium, renderer: render });
    expect(htmlOf(second)[1]).toBe(htmlOf(alone)[0]);
    expect(htmlOf(alone)[0]).not.toMatch(/p-\d/);
    expect(htmlOf(alone)[0]).toMatch(/id="mermaid-[0-9a-f]{12}-light".*#mermaid-[0-9a-f]{12}-light \.x/);
  });

  test('reuses cached SVGs: an unchanged vault launches no browser', async () => {
    const dir = cacheDir();
    const first = fakeRenderer();
    await renderMermaidBlocks([note('a.md', '```mermaid\ngraph TD; A-->B\n```\n')], { lang: 'ja', cacheDir: dir, chromium, renderer: first.render });
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/-dark\.svg$/), expect.stringMatching(/-light\.svg$/)]);
    const again = fakeRenderer();
    const rebuilt = note('a.md', '```mermaid\ngraph TD; A-->B\n```\n');
    await renderMermaidBlocks([rebuilt], { lang: 'ja', cacheDir: dir, chromium, renderer: again.render });
    expect(again.calls).toEqual([]);
    expect(htmlOf(rebuilt)[0]).toContain('light:graph TD; A-->B');
  });

  test('a diagram that fails keeps its code visible with a notice, and a diagnostic names file and line', async () => {
    const n = note('notes/x.md', 'intro\n\n```mermaid\ngraph TD\n  broken <<\n```\n', 5);
    const dir = cacheDir();
    const diagnostics = await renderMermaidBlocks([n], { lang: 'en', cacheDir: dir, chromium, renderer: fakeRenderer().render });
    // Fence on body line 3 = file line 7; mermaid's "line 2" of the diagram = file line 9.
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'notes/x.md', line: 9, severity: 'warning', message: expect.stringContaining('Parse error on line 2') }),
    ]);
    const [html] = htmlOf(n);
    expect(html).toContain('role="note"');
    expect(html).toContain('<pre><code class="language-mermaid">graph TD\n  broken &lt;&lt;</code></pre>');
    expect(readdirSync(dir)).toEqual([]); // failures are not cached
  });

  test("without a browser: a warning says how to install one, diagrams render in the reader's browser", async () => {
    const n = note('n.md', '```mermaid\ngraph TD; A-->B\n```\n', 4);
    const diagnostics = await renderMermaidBlocks([n], { lang: 'ja', cacheDir: cacheDir(), chromium: { tried: ['/usr/bin/chromium'] } });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'n.md', line: 4, severity: 'warning' });
    expect(diagnostics[0].message).toMatch(/no Chromium.*\/usr\/bin\/chromium.*apt-get install chromium.*TSUNAGU_CHROMIUM/);
    expect(htmlOf(n)).toEqual(['<pre class="mermaid" data-mermaid-client>graph TD; A--&gt;B</pre>']);
  });

  test('a browser that cannot start is a warning too, never a failed build', async () => {
    const n = note('n.md', '```mermaid\ngraph TD; A-->B\n```\n');
    const crash: ThemedRenderer = async () => {
      throw new Error('Failed to launch: boom\nstack');
    };
    const diagnostics = await renderMermaidBlocks([n], { lang: 'ja', cacheDir: cacheDir(), chromium, renderer: crash });
    expect(diagnostics[0].message).toMatch(/could not render mermaid diagrams: Failed to launch: boom\. 1 diagram/);
    expect(htmlOf(n)[0]).toContain('data-mermaid-client');
  });

  test('leaves notes without diagrams and other code blocks alone', async () => {
    const n = note('n.md', '```js\nx\n```\n');
    const { render, calls } = fakeRenderer();
    expect(await renderMermaidBlocks([n], { lang: 'ja', cacheDir: cacheDir(), chromium, renderer: render })).toEqual([]);
    expect(calls).toEqual([]);
    expect(n.tree.children[0].type).toBe('code');
  });
});

describe('findChromium', () => {
  test('TSUNAGU_CHROMIUM wins, and only it is tried when set', () => {
    expect(findChromium({ TSUNAGU_CHROMIUM: '/nope/chrome' }, () => undefined)).toEqual({ tried: ['TSUNAGU_CHROMIUM=/nope/chrome'] });
    expect(findChromium({ TSUNAGU_CHROMIUM: process.execPath }, () => undefined).path).toBe(process.execPath);
  });

  test("else the system Chromium, else Playwright's browser", () => {
    const found = findChromium({}, () => process.execPath);
    expect(found.tried).toContain('/usr/bin/chromium');
    expect(found.path).toBe(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : found.tried.find(existsSync));
  });

  test('Playwright (slow to load) is asked only when no system Chromium is there', () => {
    let asked = 0;
    const found = findChromium({}, () => {
      asked++;
      return process.execPath;
    });
    // Here, found.path is the system's browser, or else Playwright's answer.
    expect(found.path).toBeDefined();
    expect(asked).toBe(found.path === process.execPath ? 1 : 0);
  });
});
