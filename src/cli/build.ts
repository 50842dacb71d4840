// `npm run build [-- <astro build options>] [--force]`: `astro build`, skipped when nothing it reads changed since the
// last successful build into the same output folder and that build's pages do not show when it ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BuildFacts } from '../config/clock';
import { SEARCH_JOB_ENV, type SearchJob } from '../search/search-job';
import { outputCache } from '../site/output-cache';
import { changedInputs, type Fingerprint, inputFingerprint, outputFingerprint } from './fingerprint';

/** Raised when the record's meaning changes: a new tsunagu never trusts an older record. */
const RECORD_VERSION = 1;

interface BuildRecord {
  version: number;
  inputs: Fingerprint;
  output: string;
  clockReaders: string[];
}

const started = performance.now();
const projectDir = process.cwd();
const args = process.argv.slice(2).filter((arg) => arg !== '--force');
const force = process.argv.includes('--force') || process.env.TSUNAGU_FORCE === '1';
const outDir = path.resolve(projectDir, optionValue(args, '--outDir') ?? 'dist');
const inProject = path.relative(projectDir, outDir);
const shownOutDir = `${inProject.startsWith('..') || path.isAbsolute(inProject) ? outDir : inProject || '.'}/`;
const recordFile = `${outputCache('build', outDir)}.json`;
const factsFile = `${outputCache('build', outDir)}.facts.json`;

let inputs: Fingerprint | undefined;
try {
  inputs = inputFingerprint(projectDir, args, process.env);
} catch {
  // Unreadable settings: the build itself says what is wrong.
}
const reason = force ? '--force' : whyBuild(readRecord(), inputs);
const checkedMs = performance.now() - started;
if (reason === undefined) {
  console.log(
    `tsunagu: nothing changed since the last build (vault, settings, arguments, environment, tsunagu's code and ${shownOutDir} as it left them; checked in ${(checkedMs / 1000).toFixed(2)} s); ${shownOutDir} is up to date. Add --force to build anyway.`,
  );
  addTiming('no-change check', checkedMs);
  process.exit(0);
}
console.log(`tsunagu: building (${reason})`);
// A build that fails part way leaves an output no record describes.
rmSync(recordFile, { force: true });
rmSync(factsFile, { force: true });
mkdirSync(path.dirname(recordFile), { recursive: true });
// Pagefind runs after Astro's process has exited, so that the build's peak memory is the larger of the two, not
// their sum (README, Memory at 10,000 notes): the integration leaves its search job in this file.
const searchJobFile = `${outputCache('build', outDir)}.search.json`;
rmSync(searchJobFile, { force: true });
const astro = spawnSync(process.execPath, [path.join(projectDir, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], {
  stdio: 'inherit',
  env: { ...process.env, TSUNAGU_BUILD_FACTS: factsFile, [SEARCH_JOB_ENV]: searchJobFile },
});
const status = astro.status === 0 && existsSync(searchJobFile) ? await indexSearch(searchJobFile) : astro.status;
if (status === 0 && inputs) {
  const facts: BuildFacts = existsSync(factsFile) ? JSON.parse(readFileSync(factsFile, 'utf8')) : { clockReaders: [] };
  const record: BuildRecord = { version: RECORD_VERSION, inputs, output: outputFingerprint(outDir), clockReaders: facts.clockReaders };
  writeFileSync(recordFile, JSON.stringify(record));
  addTiming('no-change check', checkedMs);
}
process.exit(status ?? 1);

/** Why the last build's output may not be this build's, or undefined when it is. */
function whyBuild(last: BuildRecord | undefined, now: Fingerprint | undefined): string | undefined {
  if (!now) return 'the settings could not be read';
  if (!last) return `no earlier build into ${shownOutDir} is recorded`;
  if (last.clockReaders.length > 0)
    return `the last build's pages show the time they were built (read by ${last.clockReaders.join(', ')}); they are built every time`;
  const changed = changedInputs(last.inputs, now);
  if (changed.length > 0) return `changed since the last build: ${changed.join(', ')}`;
  if (last.output !== outputFingerprint(outDir)) return `${shownOutDir} changed since the last build`;
  return undefined;
}

function readRecord(): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as BuildRecord;
    return record.version === RECORD_VERSION ? record : undefined;
  } catch {
    return undefined; // none yet, or unreadable: build
  }
}

/** `--name value` or `--name=value`. */
function optionValue(list: readonly string[], name: string): string | undefined {
  for (let i = 0; i < list.length; i++) {
    if (list[i] === name) return list[i + 1];
    if (list[i].startsWith(`${name}=`)) return list[i].slice(name.length + 1);
  }
  return undefined;
}

/** The Pagefind step of the build Astro ran: its exit status. */
async function indexSearch(jobFile: string): Promise<number> {
  // Imported here: a build found unchanged loads none of it.
  const { formatSearchReport, runSearchJob } = await import('../search/index-site');
  try {
    const report = await runSearchJob(JSON.parse(readFileSync(jobFile, 'utf8')) as SearchJob);
    console.log(formatSearchReport(report));
    addTiming('pagefind', report.ms);
    return 0;
  } catch (error) {
    console.error(`tsunagu: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    rmSync(jobFile, { force: true });
  }
}

/** With TSUNAGU_TIMINGS (npm run bench), a phase this process ran beside the build's phases. */
function addTiming(phase: string, ms: number): void {
  const file = process.env.TSUNAGU_TIMINGS;
  if (!file) return;
  const phases = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
  writeFileSync(file, JSON.stringify({ ...phases, [phase]: ms }));
}
