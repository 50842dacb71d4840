// The math and code steps over the generated 1,000-note vault (formulas in 20% of notes, code in many): KaTeX
// typesetting, and Shiki highlighting cold (empty cache: grammars loaded, every block highlighted) and warm (cache).
// Run: npx node scripts/bench-math-code.ts [--notes 1000]
import './lib/src-imports.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { visit } from 'unist-util-visit';
import { DEFAULT_OPTIONS, generateVault } from './lib/generate-vault.ts';

const { parseBody } = await import('../src/markdown/parse.ts');
const { renderMath } = await import('../src/site/math.ts');
const { applyReplacement } = await import('../src/site/steps.ts');
const { highlightCodeBlocks } = await import('../src/site/code-highlight.ts');

const { values } = parseArgs({ options: { notes: { type: 'string', default: '1000' } } });
const files = generateVault({ ...DEFAULT_OPTIONS, notes: Number(values.notes) }).filter((f) => f.path.endsWith('.md'));
const notesOf = () => files.map((f) => ({ id: f.path, tree: parseBody(String(f.content), 1).tree, bodyStartLine: 1 }));
const count = (notes: ReturnType<typeof notesOf>, types: string[]) => {
  let found = 0;
  for (const note of notes) visit(note.tree, (node) => void (types.includes(node.type) && found++));
  return found;
};

const cacheDir = mkdtempSync(path.join(tmpdir(), 'tsunagu-bench-code-'));
const time = async (label: string, step: () => unknown) => {
  const started = performance.now();
  await step();
  console.log(`  ${label}: ${(performance.now() - started).toFixed(0)} ms`);
};

/** The generator draws code from a few samples; a real vault's blocks are all different, so make them so. */
const unique = (notes: ReturnType<typeof notesOf>) => {
  for (const note of notes) visit(note.tree, 'code', (node, index) => void (node.value += `\n${note.id} ${index}`));
  return notes;
};

const [first, second] = [unique(notesOf()), unique(notesOf())];
console.log(`${files.length} notes, ${count(first, ['mathBlock', 'mathInline'])} formulas, ${count(first, ['code'])} code blocks`);
await time('math (KaTeX), replacements applied', () => {
  const trees = new Map(first.map((note) => [note.id, note.tree]));
  for (const replacement of renderMath(first, { lang: 'ja' }).replacements) applyReplacement(trees.get(replacement.noteId)!, replacement);
});
await time('code, cold cache (Shiki: load grammars, highlight every block)', () => highlightCodeBlocks(first, { cacheDir }));
await time('code, warm cache', () => highlightCodeBlocks(second, { cacheDir }));
rmSync(cacheDir, { recursive: true, force: true });
