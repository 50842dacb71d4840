// Dev-server speed at vault scale: starts `astro dev` on a generated vault, saves one note (a line with a marker
// and a new link), and times how long until that note's page and the linked note's page (its backlinks) show it.
// Run: npx node scripts/bench-dev.ts [--notes 1000] [--edits 3] [--seed 1] [--port 4391] [--project <checkout>]
import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_DIR } from './lib/builds.ts';
import { DEFAULT_OPTIONS, generateVault, writeVault } from './lib/generate-vault.ts';
import { median, seconds } from './lib/stats.ts';

const TARGET_MS = 1000;
const POLL_EVERY_MS = 25;
const GIVE_UP_MS = 60_000;

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '1000' },
    edits: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '4391' },
    project: { type: 'string', default: PROJECT_DIR },
  },
});
const origin = `http://localhost:${values.port}`;
const project = path.resolve(values.project);

const work = mkdtempSync(path.join(tmpdir(), 'tsunagu-bench-dev-'));
const vault = path.join(work, 'vault');
writeVault(vault, generateVault({ ...DEFAULT_OPTIONS, notes: Number(values.notes), seed: Number(values.seed), mermaidShare: 0 }));
console.log(`${values.notes} notes in ${vault}; tsunagu: ${project}; load average ${loadavg()[0].toFixed(1)} (1 min)`);

const log = path.join(work, 'dev.log');
const server = spawn(process.execPath, [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', values.port], {
  cwd: project,
  env: { ...process.env, TSUNAGU_VAULT: vault, TSUNAGU_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const logStream = createWriteStream(log);
server.stdout.pipe(logStream);
server.stderr.pipe(logStream);

try {
  let started = performance.now();
  await until(
    async () => (await page('/')) !== undefined,
    () => 'the server never answered',
  );
  console.log(`server up and home page served: ${seconds(performance.now() - started)}`);

  const { notes } = JSON.parse((await page('/graph.json'))!) as { notes: { id: string; url: string; outlinks: string[] }[] };
  // An ordinary note (not a glossary term) and a note it does not link to yet: the edit adds that link.
  const edited = notes.find((n) => !n.id.startsWith('用語集/') && n.outlinks.length > 0)!;
  const target = notes.find((n) => n.id !== edited.id && !n.id.startsWith('用語集/') && !edited.outlinks.includes(n.id))!;
  started = performance.now();
  await Promise.all([page(edited.url), page(target.url)]);
  console.log(`first request of two note pages: ${seconds(performance.now() - started)}`);

  const times: { own: number; backlinked: number }[] = [];
  for (let edit = 1; edit <= Number(values.edits); edit++) {
    const marker = `bench-dev-marker-${Date.now()}`;
    const saved = performance.now();
    appendFileSync(path.join(vault, edited.id), `\n\n${marker} [[${target.id.replace(/\.md$/, '')}]]\n`);
    // Polled in turn, as a reader reloading both pages would.
    let own = 0;
    let backlinked = 0;
    await until(
      async () => {
        if (!own && (await page(edited.url))?.includes(marker)) own = performance.now() - saved;
        if (!backlinked && (await page(target.url))?.includes(marker)) backlinked = performance.now() - saved;
        return own > 0 && backlinked > 0;
      },
      () => `edited page ${own ? 'updated' : 'never updated'}, backlinked page ${backlinked ? 'updated' : 'never updated'}`,
    );
    times.push({ own, backlinked });
    console.log(`  edit ${edit}: edited page ${seconds(own)}, backlinked page ${seconds(backlinked)}`);
    await sleep(1000);
  }
  const both = median(times.map((t) => Math.max(t.own, t.backlinked)));
  console.log(
    `save → both pages updated, median of ${times.length}: ${(both / 1000).toFixed(2)} s (target < ${seconds(TARGET_MS)}: ${both < TARGET_MS ? 'met' : 'NOT met'})`,
  );
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}

/** The page's HTML, or undefined while the server is not answering. */
async function page(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(new URL(url, origin));
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

async function until(condition: () => Promise<boolean>, state: () => string): Promise<void> {
  const deadline = performance.now() + GIVE_UP_MS;
  while (!(await condition())) {
    if (performance.now() > deadline)
      throw new Error(`gave up after ${seconds(GIVE_UP_MS)}: ${state()}. Server log:\n${readFileSync(log, 'utf8').slice(-3000)}`);
    await sleep(POLL_EVERY_MS);
  }
}
