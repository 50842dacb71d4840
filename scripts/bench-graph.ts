// Benchmark of the graph step (backlinks, tag index, related lists, outgoing, local graphs) and the site graph layout
// on generated vaults of 1,000 and 10,000 notes (~10 links, ~3 tags each). The graph step must stay under 1 s at 10,000.
// Run: npx node --experimental-strip-types scripts/bench-graph.ts
import './lib/src-imports.ts';
import { seededRandom } from './lib/prng.ts';
import { performance } from 'node:perf_hooks';
import type { ResolvedLink } from '../src/vault/types.ts';

const { linkGraph } = await import('../src/graph/links.ts');
const { tagIndex } = await import('../src/graph/tags.ts');
const { relatedByTag } = await import('../src/graph/related.ts');
const { backlinksInLinkOrder, linkPathOrder, outgoingWithBacklinks } = await import('../src/graph/outgoing.ts');
const { adjacencyOf, localGraph } = await import('../src/graph/local.ts');
const { layoutLocalGraph } = await import('../src/graph/local-layout.ts');
const { layoutSiteGraph } = await import('../src/graph/site-layout.ts');

const LINKS_PER_NOTE = 10;
const TAGS_PER_NOTE = 3;
const BUDGET_MS = 1000;

/** The same input on every run. */
function random(seed: number): () => number {
  const source = seededRandom(seed);
  return () => source.next();
}

function generateVault(size: number) {
  const next = random(size);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const ids = Array.from({ length: size }, (_, i) => `フォルダ${i % 25}/ノート ${i}.md`);
  const tagPool = Array.from({ length: 60 }, (_, i) => `t-notes/Topic${i % 12}${i >= 12 ? `/Sub${i}` : ''}`);
  // A few hubs collect many links, as index notes do in real vaults.
  const hubs = ids.slice(0, 10);
  const links = new Map<string, ResolvedLink[]>();
  for (const from of ids) {
    links.set(
      from,
      Array.from({ length: LINKS_PER_NOTE }, (_, line): ResolvedLink => {
        const to = next() < 0.1 ? pick(hubs) : next() < 0.05 ? undefined : pick(ids);
        return { from, to, target: to ?? 'nowhere', embed: false, source: 'body', syntax: 'wikilink', line, context: `… ${to} …` };
      }),
    );
  }
  const notes = ids.map((id) => ({ id, tags: Array.from({ length: TAGS_PER_NOTE }, () => pick(tagPool)), modified: Math.floor(next() * 1e12) }));
  const published = new Set(ids.filter(() => next() > 0.05));
  return { notes: notes.filter((n) => published.has(n.id)), links, published };
}

function time<T>(label: string, timings: [string, number][], run: () => T): T {
  const start = performance.now();
  const result = run();
  timings.push([label, performance.now() - start]);
  return result;
}

let failed = false;
for (const size of [1_000, 10_000]) {
  const vault = generateVault(size);
  const timings: [string, number][] = [];
  const graph = time('backlinks (link graph)', timings, () => linkGraph(vault.links, vault.published));
  const tags = time('tag index', timings, () => tagIndex(vault.notes));
  time('related lists', timings, () => vault.notes.map((n) => relatedByTag(n.id, tags)));
  time('outgoing + backlinks', timings, () => {
    const sorted = backlinksInLinkOrder(graph, linkPathOrder('ja'));
    return vault.notes.map((n) => outgoingWithBacklinks(n.id, graph, sorted));
  });
  time('local graphs (depth 1) + layout', timings, () => {
    const adjacency = adjacencyOf(graph);
    return vault.notes.map((n) => layoutLocalGraph(localGraph(n.id, adjacency, { depth: 1, maxNodes: 60 })));
  });
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  const extra: [string, number][] = [];
  time('local graphs (depth 2) + layout', extra, () => {
    const adjacency = adjacencyOf(graph);
    return vault.notes.map((n) => layoutLocalGraph(localGraph(n.id, adjacency, { depth: 2, maxNodes: 60 })));
  });
  const site = time('site graph layout (/graph/)', extra, () => layoutSiteGraph(vault.notes.map((n) => ({ id: n.id, outlinks: graph.get(n.id)!.outlinks }))));

  console.log(`\n${size.toLocaleString('en')} notes (${vault.notes.length.toLocaleString('en')} published)`);
  for (const [label, ms] of timings) console.log(`  ${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms`);
  console.log(`  ${'graph step total'.padEnd(34)} ${total.toFixed(1).padStart(8)} ms`);
  for (const [label, ms] of extra) console.log(`  ${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms`);
  console.log(`  site graph: ${site.method}, ${site.edges.length.toLocaleString('en')} edges drawn, ${site.edgesOmitted.toLocaleString('en')} omitted`);
  if (size === 10_000 && total > BUDGET_MS) {
    console.error(`  FAIL: the graph step took ${total.toFixed(0)} ms for 10,000 notes (budget ${BUDGET_MS} ms)`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
