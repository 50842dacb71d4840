// Times the dataview build step alone on generated vaults (load and parse are not counted).
// Run: npx node --experimental-transform-types scripts/bench-dataview.ts [--notes 1000,10000] [--seed 1] [--sample N]
//      (--sample: run only the first N blocks, over the whole snapshot, for a per-block figure of a slow build)
//      (--dump FILE: write every replacement (note, path, output) to FILE.<notes>, to diff a change's outputs with main's)
//      (transform, not strip: src/ uses parameter properties; vaults are generated into a temporary folder)
import './lib/src-imports.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { generateVault, writeVault, DEFAULT_OPTIONS } = await import('./lib/generate-vault.ts');
const { isPublished, loadVault } = await import('../src/vault/load.ts');
const { KINDS } = await import('../src/kinds/registry.ts');
const { runDataviewBlocks } = await import('../src/site/dataview.ts');
const { applyReplacement } = await import('../src/site/steps.ts');
type ParsedNote = import('../src/vault/types.ts').ParsedNote;

const { values } = parseArgs({
  options: { notes: { type: 'string', default: '1000,10000' }, seed: { type: 'string', default: '1' }, sample: { type: 'string' }, dump: { type: 'string' } },
});
const sample = values.sample === undefined ? Infinity : Number(values.sample);

for (const notes of values.notes.split(',').map(Number)) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-dataview-'));
  try {
    writeVault(dir, generateVault({ ...DEFAULT_OPTIONS, notes, seed: Number(values.seed) }));
    const vault = loadVault({ vaultDir: dir, excludeFolders: [], aliasFallback: false, kinds: KINDS });
    const published = sampled([...vault.notes.values()].filter(isPublished));
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const { replacements, diagnostics } = await runDataviewBlocks(vault, published, {
      enabled: true,
      timeoutMs: 1000,
      lang: 'ja',
      hrefFor: (id, subpath) => `/${id.replace(/\.md$/, '')}/${subpath ? `#${subpath}` : ''}`,
      hrefForTag: (tag) => `/tags/${tag.toLowerCase()}/`,
    });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    if (values.dump) {
      const lines = replacements.map((r) => JSON.stringify([r.noteId, r.path, r.node]));
      writeFileSync(`${values.dump}.${notes}`, `${[...lines, ...diagnostics.map((d) => JSON.stringify(d))].join('\n')}\n`);
    }
    for (const replacement of replacements) applyReplacement(vault.notes.get(replacement.noteId)!.tree, replacement);
    const blocks = published.reduce((n, note) => n + countNodes(note.tree, isDataviewOutput), 0);
    console.log(
      `${notes} notes (${published.length} published), ${blocks} blocks: ${(ms / 1000).toFixed(2)} s ` +
        `(${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of CPU: on a busy machine the steadier figure), ` +
        `${(ms / Math.max(blocks, 1)).toFixed(1)} ms/block, ${diagnostics.length} diagnostics`,
    );
    for (const d of diagnostics.slice(0, 3)) console.log(`  ${d.file}:${d.line} ${d.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The notes, with the dataview blocks after the first `sample` ones hidden from the step (still in the snapshot). */
function sampled(notes: ParsedNote[]): ParsedNote[] {
  let kept = 0;
  return notes.map((note) => {
    if (countNodes(note.tree, isDataviewCode) === 0 || kept++ < sample) return note;
    return { ...note, tree: { type: 'root', children: [] } };
  });
}

interface AnyNode {
  type: string;
  lang?: string | null;
  value?: unknown;
  children?: AnyNode[];
}

function countNodes(node: AnyNode, test: (node: AnyNode) => boolean): number {
  return (test(node) ? 1 : 0) + (node.children ?? []).reduce((n, child) => n + countNodes(child, test), 0);
}

function isDataviewCode(node: AnyNode): boolean {
  return node.type === 'code' && /^dataview(js)?$/.test(node.lang ?? '');
}

/** Blocks the step replaced: each leaves one `data-section="dataview"` html node. */
function isDataviewOutput(node: AnyNode): boolean {
  return node.type === 'html' && String(node.value).includes('data-section="dataview"');
}
