// Linear time on hostile input: each input of issue 16 generated at 1×, 10×, 100× and 1,000× a small size, read and
// rendered as one note (frontmatter, parse, the parse cache's JSON both ways, render), timed. The time per KB should
// stay flat as the size grows. The last column is the heap the parsed note keeps (what it adds to a build's peak), at
// 1,000×, as a multiple of its text.
// Run: npx node --expose-gc --experimental-transform-types scripts/bench-hostile.ts [--runs 3]
// `--builds`: instead, `astro build` (cold, Pagefind included) of the sample vault, of each input of the issue alone,
// and of each mixed into the sample vault: wall time, peak memory, and how much the input raised the sample's peak.
import './lib/src-imports.ts';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_DIR, tsunaguBuild } from './lib/builds.ts';
import { deepBlockquote, deepList, emphasisRun, hostileNotes, manyTags } from './lib/hostile-notes.ts';

const { splitFrontmatter } = await import('../src/vault/frontmatter.ts');
const { parseBody } = await import('../src/markdown/parse.ts');
const { renderTree } = await import('../src/markdown/render.ts');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, builds: { type: 'boolean', default: false } } });
const runs = Number(values.runs);

if (values.builds) {
  const work = mkdtempSync(path.join(tmpdir(), 'tsunagu-bench-hostile-'));
  const build = async (name: string, files: { file: string; text: string }[], withSample: boolean) => {
    const vault = path.join(work, name, 'vault');
    mkdirSync(vault, { recursive: true });
    if (withSample) cpSync(path.join(PROJECT_DIR, 'notes'), vault, { recursive: true });
    for (const { file, text } of files) writeFileSync(path.join(vault, file), text);
    const dirs = { cacheDir: path.join(work, name, 'cache'), outDir: path.join(work, name, 'dist'), logFile: path.join(work, name, 'build.log') };
    return tsunaguBuild(PROJECT_DIR, vault, dirs);
  };
  const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
  // The first build of a process's run pays for the machine's cold file cache and the first browser launch
  // (mermaid): 2.2 GB against 1.1 GB after. It is printed, and the second is the one each input is compared with.
  const first = await build('sample-first', [], true);
  const sample = await build('sample', [], true);
  console.log('| build | wall | peak memory | raise over the sample |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| sample vault, first build | ${(first.wallMs / 1000).toFixed(1)} s | ${mb(first.peakRssBytes)} | |`);
  console.log(`| sample vault | ${(sample.wallMs / 1000).toFixed(1)} s | ${mb(sample.peakRssBytes)} | |`);
  for (const note of hostileNotes()) {
    const alone = await build(`alone-${note.file}`, [note], false);
    const mixed = await build(`mixed-${note.file}`, [note], true);
    console.log(`| ${note.what}, alone | ${(alone.wallMs / 1000).toFixed(1)} s | ${mb(alone.peakRssBytes)} | |`);
    console.log(
      `| ${note.what}, in the sample | ${(mixed.wallMs / 1000).toFixed(1)} s | ${mb(mixed.peakRssBytes)} | ${mb(mixed.peakRssBytes - sample.peakRssBytes)} |`,
    );
  }
  process.exit(0);
}

/** Each input at a size factor (1 = the smallest measured, 1,000 = the largest). */
const INPUTS: Record<string, (factor: number) => string> = {
  // 250 → 250,000 levels (the input is 5,000).
  'blockquote nesting': (f) => deepBlockquote((250 * f) / 5000),
  // Its text grows with depth²: 10× the text is √10× the depth; 1,000× is 2,000 levels, 4 MB.
  'list nesting': (f) => deepList((63 * Math.sqrt(f)) / 2000),
  // 2 KB → 2 MB of *_ on one line (the input is 200 KB).
  'emphasis marks': (f) => emphasisRun((1000 * f) / 100_000),
  // One unclosed `[` then 250 → 250,000 word starts on one line (GFM autolink literals walked back to it).
  'words after an open bracket': (f) => `- [ ] task ${'-\\*='.repeat(250 * f)}\n`,
  // 5 → 5,000 tags (the input).
  tags: (f) => manyTags((5 * f) / 5000),
  // A list of nine aliases of a nine-item list, then `f` further keys aliasing it: expansion stops at the cap.
  'YAML aliases': (f) =>
    `---\nbase: &b [${Array(9).fill('x').join(', ')}]\n${Array.from({ length: 9 * f }, (_, i) => `k${i}: [${Array(9).fill('*b').join(', ')}]`).join('\n')}\n---\nbody\n`,
  // Plain prose for comparison.
  prose: (f) => 'A sentence of an ordinary note, with a [[link]] and a #tag. '.repeat(4 * f),
};

const ctx = { noteId: 'n.md', lang: 'en' as const, resolve: () => undefined, tagHref: (tag: string) => `/tags/${tag}/`, embedTree: () => undefined };

function read(text: string) {
  const source = splitFrontmatter('n.md', text);
  return { source, parsed: parseBody(source.body, source.bodyStartLine) };
}

function readAndRender(text: string): void {
  const tree = JSON.parse(JSON.stringify(read(text).parsed)).tree;
  renderTree(tree, ctx);
}

/** Heap kept by the note's parsed form, over the heap its text takes (UTF-16: two bytes a character). */
function retainedMultiple(text: string): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 'n/a (run with --expose-gc)';
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = read(text);
  gc();
  const after = process.memoryUsage().heapUsed;
  void kept.parsed.tree;
  return `${((after - before) / (text.length * 2)).toFixed(1)}×`;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

console.log('| input | size 1× | 1× | 10× | 100× | 1,000× | µs per KB at 10× / 100× / 1,000× | heap kept at 1,000× |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, generate] of Object.entries(INPUTS)) {
  const cells: string[] = [];
  const perKb: string[] = [];
  let smallest = 0;
  let largest = '';
  for (const factor of [1, 10, 100, 1000]) {
    const text = generate(factor);
    if (factor === 1) smallest = text.length;
    largest = text;
    readAndRender(text); // warm
    const times = Array.from({ length: runs }, () => {
      const started = performance.now();
      readAndRender(text);
      return performance.now() - started;
    });
    const ms = median(times);
    cells.push(`${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
    if (factor > 1) perKb.push(((ms * 1000) / (text.length / 1024)).toFixed(0));
  }
  console.log(`| ${name} | ${(smallest / 1024).toFixed(1)} KB | ${cells.join(' | ')} | ${perKb.join(' / ')} | ${retainedMultiple(largest)} |`);
}
