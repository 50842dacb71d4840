// The builds the bench compares: tsunagu's `npm run build` of a vault (as an author runs it: a build whose inputs did
// not change is skipped), and a bare Astro 7 project's `astro build` over the same vault.
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { measure, type Measured } from './measure.ts';

export const PROJECT_DIR = path.resolve(import.meta.dirname, '../..');
const ASTRO_CLI = path.join(PROJECT_DIR, 'node_modules/astro/bin/astro.mjs');
const NPM = 'npm';

export interface BuildDirs {
  /** Astro's cache (content layer store); kept between a cold build and the warm one after it. */
  cacheDir: string;
  outDir: string;
  logFile: string;
}

export interface BuildRun extends Measured {
  /** Phase durations (ms) that the build wrote to TSUNAGU_TIMINGS, if it supports that. */
  phases?: Record<string, number>;
}

/** `projectDir`: the tsunagu checkout to build with (this one, or a copy with a change to compare). */
export async function tsunaguBuild(projectDir: string, vaultDir: string, dirs: BuildDirs): Promise<BuildRun> {
  const timingsFile = `${dirs.logFile}.timings.json`;
  const env = { TSUNAGU_VAULT: vaultDir, TSUNAGU_CACHE_DIR: dirs.cacheDir, TSUNAGU_TIMINGS: timingsFile };
  const run = await timedBuild(projectDir, dirs, env, NPM, ['run', 'build', '--', '--outDir', dirs.outDir]);
  return existsSync(timingsFile) ? { ...run, phases: JSON.parse(readFileSync(timingsFile, 'utf8')) } : run;
}

/** A copy of scripts/bare-astro in `workDir`, with the repository's node_modules linked in. */
export function bareProject(workDir: string): string {
  const dir = path.join(workDir, 'bare-astro');
  cpSync(path.join(PROJECT_DIR, 'scripts/bare-astro'), dir, { recursive: true });
  symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export function bareBuild(projectDir: string, vaultDir: string, dirs: BuildDirs): Promise<BuildRun> {
  return timedBuild(projectDir, dirs, { BARE_VAULT: vaultDir, BARE_CACHE_DIR: dirs.cacheDir }, process.execPath, [ASTRO_CLI, 'build', '--outDir', dirs.outDir]);
}

async function timedBuild(cwd: string, dirs: BuildDirs, env: Record<string, string>, command: string, args: string[]): Promise<BuildRun> {
  mkdirSync(dirs.cacheDir, { recursive: true });
  const run = await measure(command, args, { cwd, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' }, logFile: dirs.logFile });
  if (run.exitCode !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} in ${cwd} failed (exit ${run.exitCode}); see ${dirs.logFile}`);
  return run;
}
