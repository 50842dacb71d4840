// Build speed at vault scale: builds generated vaults with tsunagu and with a bare Astro 7 project, and prints
// wall time, peak memory, phases and output size. It prints figures; it does not pass or fail. tsunagu builds through
// `npm run build`, as an author does: the rebuild after no edit is that command finding nothing changed.
// Run: npm run bench [-- --quick] [-- --sizes 1000,10000 --runs 3,1 --seed 1 --keep --project <tsunagu checkout>]
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bareBuild, bareProject, PROJECT_DIR, tsunaguBuild, type BuildDirs, type BuildRun } from './lib/builds.ts';
import { DEFAULT_OPTIONS, generateVault, writeVault } from './lib/generate-vault.ts';
import { folderSize, gigabytes, median, megabytes, seconds } from './lib/stats.ts';

const PHASES = ['load', 'graph', 'sections', 'glossary', 'dataview', 'render', 'pagefind', 'after-build'];
/** Issue 14's targets: cold against a cold bare build; rebuilds against a warm bare build (1,000 notes) or in seconds. */
const TARGETS = {
  small: { cold: 1.5, edit: 1.0, noEdit: 0.5 },
  large: { cold: 2, editMs: 10_000 },
  /** Above this many notes a vault is judged by the large targets. */
  largeFrom: 5000,
  peakBytes: 2.5 * 1024 ** 3,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3,1' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    project: { type: 'string', default: PROJECT_DIR },
  },
});
const sizes = (values.quick ? '1000' : values.sizes).split(',').map(Number);
const runsList = values.runs.split(',').map(Number);
const runsFor = (i: number) => runsList[Math.min(i, runsList.length - 1)];
const seed = Number(values.seed);
const project = path.resolve(values.project);

const work = mkdtempSync(path.join(tmpdir(), 'tsunagu-bench-'));
const bare = bareProject(work);
console.log(
  `Machine: ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.versions.node}. tsunagu: ${project}. Work folder: ${work}`,
);
console.log('Vaults without mermaid (it needs a browser); Pagefind runs if the build runs it.');
// Other jobs on the machine skew every figure: say how busy it was.
const load = () => `load average ${loadavg()[0].toFixed(1)} (1 min)`;
console.log(`Before: ${load()}\n`);

const peaks: { notes: number; bytes: number }[] = [];
try {
  for (const [i, notes] of sizes.entries()) peaks.push({ notes, bytes: await benchSize(notes, runsFor(i)) });
  if (peaks.length > 1) {
    const [first, last] = [peaks[0], peaks.at(-1)!];
    const growth = last.bytes / first.bytes;
    console.log(
      `Memory growth ${first.notes} → ${last.notes} notes: ${growth.toFixed(2)}× for ${(last.notes / first.notes).toFixed(0)}× the notes (at most linear: ${growth <= last.notes / first.notes ? 'yes' : 'NO'}).`,
    );
  }
  console.log(`After: ${load()}`);
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

/** Benchmarks one vault size; returns tsunagu's median cold peak memory. */
async function benchSize(notes: number, runs: number): Promise<number> {
  const vault = path.join(work, `vault-${notes}`);
  const files = generateVault({ ...DEFAULT_OPTIONS, notes, seed, mermaidShare: 0 });
  writeVault(vault, files);
  const markdownBytes = files.reduce((sum, f) => sum + (f.path.endsWith('.md') ? Buffer.byteLength(f.content as string) : 0), 0);
  const edited = path.join(vault, files.find((f) => f.path.endsWith('.md') && !f.path.startsWith('用語集/'))!.path);
  const original = readFileSync(edited, 'utf8');

  const results = {
    oursCold: [] as BuildRun[],
    oursNoEdit: [] as BuildRun[],
    oursRebuild: [] as BuildRun[],
    bareCold: [] as BuildRun[],
    bareWarm: [] as BuildRun[],
  };
  const sizes = { ours: { bytes: 0, files: 0 }, bare: { bytes: 0, files: 0 } };
  for (let run = 1; run <= runs; run++) {
    const dirs = (name: string): BuildDirs => {
      const base = path.join(work, `${notes}-${name}-${run}`);
      return { cacheDir: `${base}/cache`, outDir: `${base}/dist`, logFile: `${base}.log` };
    };
    const bareDirs = dirs('bare');
    results.bareCold.push(await bareBuild(bare, vault, bareDirs));
    results.bareWarm.push(await bareBuild(bare, vault, { ...bareDirs, logFile: `${bareDirs.logFile}.warm` }));
    sizes.bare = folderSize(bareDirs.outDir);

    const ourDirs = dirs('tsunagu');
    results.oursCold.push(await tsunaguBuild(project, vault, ourDirs));
    sizes.ours = folderSize(ourDirs.outDir);
    // The author builds again without a change, then edits one note and builds again, caches kept.
    results.oursNoEdit.push(await tsunaguBuild(project, vault, { ...ourDirs, logFile: `${ourDirs.logFile}.again` }));
    appendFileSync(edited, `\n\nEdited for rebuild ${run}.\n`);
    results.oursRebuild.push(await tsunaguBuild(project, vault, { ...ourDirs, logFile: `${ourDirs.logFile}.rebuild` }));
    writeFileSync(edited, original);
    if (!values.keep) for (const d of [bareDirs, ourDirs]) rmSync(path.dirname(d.outDir), { recursive: true, force: true });
    process.stdout.write(`  ${notes} notes, run ${run}/${runs} done\n`);
  }

  const wall = (list: BuildRun[]) => median(list.map((r) => r.wallMs));
  const peak = (list: BuildRun[]) => median(list.map((r) => r.peakRssBytes));
  const row = (label: string, list: BuildRun[]) =>
    console.log(`  ${label.padEnd(28)} ${seconds(wall(list)).padStart(8)}   ${gigabytes(peak(list)).padStart(8)}`);
  const coldRatio = wall(results.oursCold) / wall(results.bareCold);
  const warm = wall(results.bareWarm);
  const editRatio = wall(results.oursRebuild) / warm;
  const noEditRatio = wall(results.oursNoEdit) / warm;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

  console.log(`\n${notes.toLocaleString('en')} notes (${megabytes(markdownBytes)} of markdown), ${runs} run(s), medians`);
  console.log(`  ${''.padEnd(28)} ${'wall'.padStart(8)}   ${'peak RSS'.padStart(8)}`);
  row('tsunagu cold', results.oursCold);
  row('tsunagu rebuild (no edit)', results.oursNoEdit);
  row('tsunagu rebuild (1 edit)', results.oursRebuild);
  row('bare Astro 7 cold', results.bareCold);
  row('bare Astro 7 warm (cache)', results.bareWarm);
  const large = notes >= TARGETS.largeFrom;
  const coldTarget = large ? TARGETS.large.cold : TARGETS.small.cold;
  console.log(`  cold, tsunagu / bare cold: ${coldRatio.toFixed(2)}× (target ≤ ${coldTarget}×: ${met(coldRatio <= coldTarget)})`);
  if (large) {
    const editMs = wall(results.oursRebuild);
    console.log(`  rebuild after one edit: ${seconds(editMs)} (target ≤ ${seconds(TARGETS.large.editMs)}: ${met(editMs <= TARGETS.large.editMs)})`);
  } else {
    console.log(
      `  rebuild after one edit, tsunagu / bare warm: ${editRatio.toFixed(2)}× (target ≤ ${TARGETS.small.edit}×: ${met(editRatio <= TARGETS.small.edit)})`,
    );
    console.log(
      `  rebuild after no edit, tsunagu / bare warm: ${noEditRatio.toFixed(2)}× (target ≤ ${TARGETS.small.noEdit}×: ${met(noEditRatio <= TARGETS.small.noEdit)})`,
    );
  }
  const oursPeak = peak(results.oursCold);
  console.log(`  peak memory: ${gigabytes(oursPeak)} (target ≤ ${gigabytes(TARGETS.peakBytes)}: ${met(oursPeak <= TARGETS.peakBytes)})`);
  console.log('  phases, cold build:');
  printPhases(results.oursCold, wall(results.oursCold));
  console.log('  phases, rebuild after no edit:');
  printPhases(results.oursNoEdit, wall(results.oursNoEdit));
  console.log('  phases, rebuild after one edit:');
  printPhases(results.oursRebuild, wall(results.oursRebuild));
  console.log(`  output: tsunagu ${sizes.ours.files} files, ${megabytes(sizes.ours.bytes)}; bare ${sizes.bare.files} files, ${megabytes(sizes.bare.bytes)}\n`);
  return oursPeak;
}

function printPhases(runs: BuildRun[], totalMs: number): void {
  const recorded = runs.filter((r) => r.phases);
  if (recorded.length === 0) {
    console.log('  phases: not recorded (the build does not write TSUNAGU_TIMINGS yet)');
    return;
  }
  const names = [...new Set([...PHASES, ...recorded.flatMap((r) => Object.keys(r.phases!))])];
  const medians = names.map((name) => {
    const times = recorded.flatMap((r) => (name in r.phases! ? [r.phases![name]] : []));
    return [name, times.length > 0 ? median(times) : undefined] as const;
  });
  const inPhases = medians.reduce((sum, [, ms]) => sum + (ms ?? 0), 0);
  for (const [name, ms] of medians) console.log(`    ${name.padEnd(26)} ${(ms === undefined ? 'not recorded' : seconds(ms)).padStart(8)}`);
  console.log(`    ${'other (Astro, npm, Node)'.padEnd(26)} ${seconds(totalMs - inPhases).padStart(8)}`);
  console.log(`    ${'total'.padEnd(26)} ${seconds(totalMs).padStart(8)}`);
}
