// Builds a vault with the real CLI (`astro build`) into a temporary folder and reads the result.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  /** Holds outDir and Astro's cache. */
  work: string;
  outDir: string;
  log: string;
  /** Text of a file of the output, by its path under dist/ ('' = index.html, 'a/' = a/index.html). */
  read(relPath: string): string;
  exists(relPath: string): boolean;
  /** Every file of the output (relative paths). */
  files(): string[];
}

/** `work`: the folder of an earlier build (its BuiltSite.work) to build into again, Astro's cache kept (incremental). */
/** `args` go to `astro build` after the options the helper gives it (`--vault <folder>` beats `TSUNAGU_VAULT`). */
export async function buildVault(vaultDir: string, env: Record<string, string> = {}, work = newWorkDir(), args: string[] = []): Promise<BuiltSite> {
  const outDir = path.join(work, 'dist');
  const { stdout, stderr } = await run('npx', ['astro', 'build', '--outDir', outDir, ...args], {
    cwd: projectDir,
    env: { ...process.env, TSUNAGU_VAULT: vaultDir, TSUNAGU_CACHE_DIR: path.join(work, 'cache'), ...env },
    maxBuffer: 1 << 26,
  });
  const file = (rel: string) => path.join(outDir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  return {
    work,
    outDir,
    log: stdout + stderr,
    read: (rel) => readFileSync(file(rel), 'utf8'),
    exists: (rel) => existsSync(file(rel)),
    files: () => listFiles(outDir).map((f) => path.relative(outDir, f)),
  };
}

/** A fresh folder for a build's output and caches. */
export function newWorkDir(): string {
  // Inside the project on purpose: for an outDir outside the working directory Astro puts its prerender
  // chunks in the shared .astro/.prerender, and builds running side by side would overwrite each other.
  // test/helpers/clean-scratch.ts removes old builds from it when a test run starts.
  const scratch = path.join(projectDir, 'node_modules/.cache/tsunagu-test');
  mkdirSync(scratch, { recursive: true });
  return mkdtempSync(path.join(scratch, 'build-'));
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = path.join(dir, entry);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}
