// Runs the dataview step alone over a real vault and counts the blocks that render a result against those that
// show a notice, with the notices' reasons; --dump writes every block's output to a file for reading side by side
// with Obsidian. For measuring on vaults kept outside the repo (issue 13).
// Run: npx node --experimental-transform-types scripts/measure-dataview-vault.ts <vault> [--dump out.html] [--lang ja]
import './lib/src-imports.ts';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { isPublished, loadVault } = await import('../src/vault/load.ts');
const { KINDS } = await import('../src/kinds/registry.ts');
const { runDataviewBlocks } = await import('../src/site/dataview.ts');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dump: { type: 'string' }, lang: { type: 'string', default: 'ja' } },
});
const vaultDir = positionals[0];
if (!vaultDir) throw new Error('usage: measure-dataview-vault.ts <vault folder> [--dump out.html] [--lang ja|en]');

const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: false, kinds: KINDS });
const published = [...vault.notes.values()].filter(isPublished);
const { replacements, diagnostics } = await runDataviewBlocks(vault, published, {
  enabled: true,
  timeoutMs: 5000,
  lang: values.lang === 'en' ? 'en' : 'ja',
  hrefFor: (id, subpath) => `/${id.replace(/\.md$/, '')}/${subpath ? `#${subpath}` : ''}`,
  hrefForTag: (tag) => `/tags/${tag.toLowerCase()}/`,
});

const blocks = replacements.filter((r) => r.node.type === 'html' && String((r.node as { value: string }).value).includes('data-section="dataview"'));
const html = (r: (typeof blocks)[number]) => String((r.node as { value: string }).value);
const failed = blocks.filter((r) => html(r).includes('class="dataview-notice"'));
const rendered = blocks.length - failed.length;
console.log(
  `${published.length} notes, ${blocks.length} blocks: ${rendered} render a result (${((100 * rendered) / Math.max(blocks.length, 1)).toFixed(1)}%), ${failed.length} show a notice`,
);
const reasons = new Map<string, number>();
for (const d of diagnostics) {
  if (!d.message.includes('block could not run')) continue;
  const reason = d.message.replace(/^.*block could not run: /, '').replace(/\. The page shows.*$/, '');
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
}
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${reason}`);
for (const d of diagnostics.filter((d) => d.message.includes('block could not run'))) console.log(`    ${d.file}:${d.line}`);
const placeholders = blocks.filter((r) => html(r).includes('DomElement')).length;
if (placeholders) console.log(`${placeholders} blocks print an element as <DomElement>`);
if (values.dump) {
  writeFileSync(values.dump, blocks.map((r) => `<!-- ${r.noteId} -->\n${html(r)}\n`).join('\n'));
  console.log(`outputs written to ${values.dump}`);
}
