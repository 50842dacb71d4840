// Compares tsunagu's DQL results with Dataview's own query engine, block by block, over the same page data: the
// snapshot tsunagu publishes (the docs corpus of test/fixtures/dataview-docs-queries.ts by default, or a vault's
// published notes with --vault). Prints the blocks compared, how many are equal, a short diff of each that differs,
// and the errors on either side (issue 13 asks that 95% of rendered DQL results equal Dataview's).
//
// The oracle is Dataview's own engine, a dev tool built outside the repo (third-party code: never committed), so this
// script stops with a message without it. To build it (Dataview 0.5.68, as node_modules/obsidian-dataview):
// - DIR/src/ holds Dataview's src/ files: settings.ts, api/result.ts, util/normalize.ts, data-model/value.ts,
//   expression/{field,parse}.ts, data-index/source.ts, query/{query,parse}.ts (all in the npm package's
//   lib/index.js.map sourcesContent), and from the repository query/engine.ts, expression/{context,binaryop,
//   functions}.ts, data-index/resolver.ts, data-model/markdown.ts, util/{hash,locale}.ts, parseInlineValue of
//   data-import/inline-field.ts; stand-ins for `obsidian` (an empty Component), serialized/markdown.ts (types),
//   data-index/index.ts (PathFilters) and api/data-array.ts (wrap().distinct().array(), which unique() uses).
// - DIR/src/oracle.ts exports createOracle(pages, { resolve, readFile }) → { run(query, origin) }: it turns each
//   DvPageInput into a PageMetadata as data-import/markdown-file.ts would (parseFrontmatter, tags, aliases, fields
//   with canonical keys, list items and tasks, file.day), indexes them as FullIndex does (tags case-insensitive,
//   links, the folder tree listed by name, CSV files read through readFile), runs executeList/Table/Task/Calendar
//   with DEFAULT_QUERY_SETTINGS, and nests TASK results as ui/views/task-view.tsx nestGroups does.
// - esbuild src/oracle.ts --bundle --platform=node --format=esm --outfile=oracle.mjs (tsconfig baseUrl: src,
//   --alias:obsidian=./src/obsidian-stub.ts), with this project's node_modules for luxon, parsimmon, emoji-regex,
//   remove-markdown and papaparse.
// Obsidian's link resolution is the caller's (this script passes the snapshot index's), as it is Obsidian's, not
// Dataview's; inline fields and list items are the snapshot's (tsunagu's extraction is not what is compared).
// With --fields it compares extraction instead, note by note over a vault: DIR/oracle.mjs also exports
// extractNote(text, listPositions) → { fields, lists }, Dataview's parseMarkdown/parseLists (data-import/
// markdown-file.ts, extractInlineFields and extractFullLineField of inline-field.ts) over the note's full text, with
// Obsidian's metadataCache stood in for: list items at tsunagu's positions (so nesting is not compared), task
// characters read from the line, and page fields read from every line outside list blocks.
// Run: npx node --experimental-transform-types scripts/compare-dataview.ts --oracle /tmp/dataview-oracle [--vault DIR] [--all] [--fields]
import './lib/src-imports.ts';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DvPageInput } from '../src/dataview/types';

// Dataview shows dates in the machine's zone; the published model keeps the author's wall time as UTC.
process.env.TZ = 'UTC';

const { values } = parseArgs({
  options: { oracle: { type: 'string' }, vault: { type: 'string' }, all: { type: 'boolean', default: false }, fields: { type: 'boolean', default: false } },
});
if (!values.oracle) {
  console.error("usage: compare-dataview.ts --oracle DIR [--vault DIR] [--all]  (DIR/oracle.mjs: Dataview's engine, see the header)");
  process.exit(2);
}
const oracleEntry = join(resolve(values.oracle), 'oracle.mjs');
if (!existsSync(oracleEntry)) {
  console.error(`No Dataview oracle at ${oracleEntry}: bundle Dataview's query engine there first (see this script's header).`);
  process.exit(2);
}
const { createOracle } = await import(pathToFileURL(oracleEntry).href);
const { VaultIndex } = await import('../src/dataview/dql/vault-index.ts');
const { setCollation } = await import('../src/dataview/dql/values.ts');
const { collateFunction } = await import('../src/dataview/host-helpers.ts');
const { ourResult, oracleResult, resultLines } = await import('./lib/dql-results.ts');

interface Corpus {
  name: string;
  pages: DvPageInput[];
  readFile(path: string): string | undefined;
  blocks: { query: string; origin: string; where: string }[];
}

async function docsCorpora(): Promise<Corpus[]> {
  const { DOC_CASES } = await import('../test/fixtures/dataview-docs-queries.ts');
  const vaults = await import('../test/fixtures/dataview-docs-vaults.ts');
  const pages = { games: vaults.GAMES, tasks: vaults.TASKS, misc: vaults.MISC };
  return (['games', 'tasks', 'misc'] as const).map((name) => ({
    name,
    pages: pages[name],
    readFile: (path: string) => (name === 'misc' ? vaults.FILES[path] : undefined),
    blocks: DOC_CASES.filter((c) => c.vault === name).map((c) => ({ query: c.query, origin: c.origin ?? 'Nowhere.md', where: c.doc })),
  }));
}

async function vaultCorpus(dir: string): Promise<Corpus> {
  const { isPublished, loadVault } = await import('../src/vault/load.ts');
  const { KINDS } = await import('../src/kinds/registry.ts');
  const { dataviewPages } = await import('../src/site/dataview.ts');
  const { codeBlocks } = await import('../src/markdown/code-block-slots.ts');
  const { readFileSync } = await import('node:fs');
  const vault = loadVault({ vaultDir: dir, excludeFolders: [], aliasFallback: false, kinds: KINDS });
  const published = [...vault.notes.values()].filter(isPublished);
  const blocks = published.flatMap((note) =>
    codeBlocks(note.tree, new Set(['dataview'])).map(({ node }) => ({
      query: node.value,
      origin: note.id,
      where: `${note.id}:${(node.position?.start.line ?? 1) + note.bodyStartLine - 1}`,
    })),
  );
  const readFile = (path: string) => {
    const entry = vault.files.get(path);
    return entry?.publish.published ? readFileSync(entry.file.absPath, 'utf8') : undefined;
  };
  return { name: dir, pages: dataviewPages(vault, published), readFile, blocks };
}

if (values.fields) {
  if (!values.vault) throw new Error('--fields needs --vault DIR');
  await compareFields(values.vault);
  process.exit(0);
}

/** Inline fields and list items of each published note: tsunagu's snapshot against Dataview's extraction. */
async function compareFields(dir: string) {
  const { isPublished, loadVault } = await import('../src/vault/load.ts');
  const { KINDS } = await import('../src/kinds/registry.ts');
  const { dataviewPages } = await import('../src/site/dataview.ts');
  const { readFileSync } = await import('node:fs');
  const { extractNote, parseInlineValue } = await import(pathToFileURL(oracleEntry).href);
  const vault = loadVault({ vaultDir: dir, excludeFolders: [], aliasFallback: false, kinds: KINDS });
  const published = [...vault.notes.values()].filter(isPublished);
  const typed = ([key, raw]: [string, string]) => `${key} = ${JSON.stringify(parseInlineValue(raw))}`;
  const tally = { notes: 0, fieldsEqual: 0, fieldsOurs: 0, fieldsTheirs: 0, items: 0, itemsEqual: 0, itemsOurs: 0, itemsTheirs: 0 };
  const multisetDiff = (a: string[], b: string[]) => {
    const rest = [...b];
    const onlyA = a.filter((x) => {
      const i = rest.indexOf(x);
      if (i < 0) return true;
      rest.splice(i, 1);
      return false;
    });
    return { onlyA, onlyB: rest, equal: a.length - onlyA.length };
  };
  for (const page of dataviewPages(vault, published)) {
    const entry = vault.files.get(page.path);
    if (!entry) continue;
    tally.notes++;
    const lists = page.lists ?? [];
    const positions = lists.map((l) => ({ line: l.line, endLine: l.line + l.lineCount - 1, parent: l.parent, list: l.list }));
    const theirs = extractNote(readFileSync(entry.file.absPath, 'utf8'), positions) as {
      fields: [string, string][];
      lists: { line: number; text: string; symbol: string; status?: string; fields: [string, string][] }[];
    };
    const out: string[] = [];
    const d = multisetDiff((page.fields ?? []).map(typed), theirs.fields.map(typed));
    tally.fieldsEqual += d.equal;
    tally.fieldsOurs += d.onlyA.length;
    tally.fieldsTheirs += d.onlyB.length;
    for (const f of d.onlyA) out.push(`  - ours:     page ${f}`);
    for (const f of d.onlyB) out.push(`  + dataview: page ${f}`);
    const theirItems = new Map(theirs.lists.map((l) => [l.line, l]));
    for (const ours of lists) {
      tally.items++;
      const their = theirItems.get(ours.line);
      const show = (l: { text: string; symbol: string; status?: string; fields: [string, string][] }) =>
        `${l.symbol} [${l.status ?? '-'}] ${JSON.stringify(l.text)} {${l.fields.map(typed).join('; ')}}`;
      if (!their) {
        tally.itemsOurs++;
        out.push(`  - ours:     line ${ours.line + 1} ${show(ours)}`);
        continue;
      }
      theirItems.delete(ours.line);
      if (show(ours) === show(their)) tally.itemsEqual++;
      else out.push(`  - ours:     line ${ours.line + 1} ${show(ours)}\n  + dataview: line ${ours.line + 1} ${show(their)}`);
    }
    tally.itemsTheirs += theirItems.size;
    if (out.length) console.log(`\n${page.path}\n${out.slice(0, values.all ? undefined : 8).join('\n')}`);
  }
  console.log(
    `\n${tally.notes} notes compared. Page fields: ${tally.fieldsEqual} equal, ${tally.fieldsOurs} ours only, ${tally.fieldsTheirs} Dataview only. ` +
      `List items: ${tally.items}, ${tally.itemsEqual} equal (text, symbol, status, fields), ${tally.items - tally.itemsEqual - tally.itemsOurs} different, ${tally.itemsOurs} unread by Dataview.`,
  );
}

setCollation(collateFunction('en'));
const corpora = values.vault ? [await vaultCorpus(values.vault)] : await docsCorpora();
const tally = { compared: 0, equal: 0, orderOnly: 0, different: 0, oursError: 0, oracleError: 0, bothError: 0 };
const sortedJoin = (lines: string[]) => [...lines].sort().join('\n');
for (const corpus of corpora) {
  const index = new VaultIndex(corpus.pages, corpus.readFile);
  const oracle = createOracle(corpus.pages, { resolve: (link: string, origin: string) => index.resolve(link, origin)?.path, readFile: corpus.readFile });
  for (const block of corpus.blocks) {
    tally.compared++;
    const ours = ourResult(block.query, block.origin, index);
    // An exception escaping Dataview's engine is an error in its block too (Obsidian shows it in place).
    const theirs = oracleResult(await oracle.run(block.query, block.origin).catch((error: unknown) => ({ ok: false, error: `thrown: ${error}` })));
    const label = `${corpus.name} ${block.where}: ${block.query.replace(/\s+/g, ' ').slice(0, 100)}`;
    if (ours.kind === 'error' || theirs.kind === 'error') {
      const key = ours.kind === 'error' && theirs.kind === 'error' ? 'bothError' : ours.kind === 'error' ? 'oursError' : 'oracleError';
      tally[key]++;
      if (key !== 'bothError' || values.all) {
        console.log(
          `\n[${key}] ${label}\n  ours:     ${resultLines(ours).slice(0, 3).join(' / ')}\n  dataview: ${resultLines(theirs).slice(0, 3).join(' / ')}`,
        );
      }
      continue;
    }
    const a = resultLines(ours);
    const b = resultLines(theirs);
    if (ours.kind === theirs.kind && a.join('\n') === b.join('\n')) {
      tally.equal++;
      continue;
    }
    const orderOnly = ours.kind === theirs.kind && sortedJoin(a) === sortedJoin(b);
    if (orderOnly) tally.orderOnly++;
    else tally.different++;
    console.log(`\n[${orderOnly ? 'order' : 'different'}] ${label}`);
    const onlyOurs = a.filter((line) => !b.includes(line));
    const onlyTheirs = b.filter((line) => !a.includes(line));
    if (orderOnly || ours.kind !== theirs.kind) {
      console.log(`  ours:     ${ours.kind} ${a.slice(0, 6).join(' / ')}\n  dataview: ${theirs.kind} ${b.slice(0, 6).join(' / ')}`);
    } else {
      for (const line of onlyOurs.slice(0, 5)) console.log(`  - ours:     ${line}`);
      for (const line of onlyTheirs.slice(0, 5)) console.log(`  + dataview: ${line}`);
      if (onlyOurs.length === 0 && onlyTheirs.length === 0) console.log(`  (same lines, counts differ: ours ${a.length}, dataview ${b.length})`);
    }
  }
}
const rendered = tally.compared - tally.oursError - tally.bothError;
const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;
console.log(
  `\n${tally.compared} blocks compared: ${tally.equal} equal (${pct(tally.equal, tally.compared)}), ${tally.orderOnly} equal but for order, ` +
    `${tally.different} different; errors: ${tally.oursError} ours only, ${tally.oracleError} Dataview only, ${tally.bothError} both.` +
    `\nOf the ${rendered} blocks tsunagu renders, ${tally.equal} equal Dataview's (${pct(tally.equal, rendered)}).`,
);
