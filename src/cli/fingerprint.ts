// What a build's output depends on, as one digest per input, so that `npm run build` can tell that nothing changed
// since the last build. Anything left out here is a stale site: when in doubt, an input is in.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { findChromium } from '../site/mermaid-browser';
import { scanVault } from '../vault/scan';

/** Input name → digest. */
export type Fingerprint = Record<string, string>;

/** Variables that say where the build writes its own records, not what it builds. */
const BOOKKEEPING_ENV = new Set(['TSUNAGU_TIMINGS', 'TSUNAGU_BUILD_FACTS', 'TSUNAGU_FORCE']);
/** Besides TSUNAGU_*: the pinned clock, and the zone and locale dates and sorting may be shown in. */
const OUTPUT_ENV = ['SOURCE_DATE_EPOCH', 'TZ', 'LANG', 'LC_ALL'];
/** tsunagu's own code and what it runs on (node_modules/.package-lock.json: what npm installed). */
const CODE = ['src', 'public', 'astro.config.mjs', 'astro.config.ts', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json'];
/** The vault scan lists every file a kind recognises; here every file counts, as a new kind may read it. */
const ANY_FILE = [{ name: 'any', recognises: () => true }];

/**
 * The build's inputs, as the build itself resolves them (the vault from `args`, TSUNAGU_VAULT or the settings).
 * Throws what loadConfig throws: a build that cannot read its settings is never skipped.
 */
export function inputFingerprint(projectDir: string, args: readonly string[], env: NodeJS.ProcessEnv): Fingerprint {
  // As astro.config.mjs sees the command line: `astro build <args>`.
  const config = loadConfig(projectDir, env, ['node', 'astro', 'build', ...args]);
  // Read, or not there yet: the project's default settings file counts when absent too (creating it is a change).
  const settingsFiles = [...new Set([...config.settingsFiles, path.join(projectDir, 'tsunagu.config.yaml')])];
  const chromium = findChromium(env).path;
  return {
    vault: digest(config.vaultDir, ...scanVault(config.vaultDir, ANY_FILE).files.map((f) => `${f.id}\0${f.size}\0${f.mtimeMs}\0${fileDigest(f.absPath)}`)),
    // Notes' dates come from git log when the vault is in a repository.
    'vault git commit': digest(gitHead(config.vaultDir)),
    settings: digest(...settingsFiles.map((file) => `${file}\0${existsSync(file) ? fileStamp(file) : ''}\0${fileDigest(file)}`)),
    // Named from the vault's root: another vault without them is the same input here.
    "vault's Dataview settings": digest(
      ...config.obsidianSettingsFiles.map((file) => `${path.relative(config.vaultDir, file)}\0${existsSync(file) ? fileStamp(file) : ''}\0${fileDigest(file)}`),
    ),
    arguments: digest(...args),
    environment: digest(
      ...Object.keys(env)
        .filter((name) => (name.startsWith('TSUNAGU_') && !BOOKKEEPING_ENV.has(name)) || OUTPUT_ENV.includes(name))
        .sort()
        .map((name) => `${name}=${env[name]}`),
    ),
    chromium: digest(chromium ? `${chromium}\0${fileStamp(chromium)}` : 'none'),
    "tsunagu's code": digest(
      process.version,
      ...CODE.flatMap((name) => filesUnder(path.join(projectDir, name))).map((file) => `${path.relative(projectDir, file)}\0${fileDigest(file)}`),
    ),
  };
}

/** The output as a build left it: every file's path, size and modification time. */
export function outputFingerprint(outDir: string): string {
  return digest(...filesUnder(outDir).map((file) => `${path.relative(outDir, file)}\0${fileStamp(file)}`));
}

/** Names of the inputs whose digests differ (or that only one of the two has), in `now`'s order. */
export function changedInputs(last: Fingerprint, now: Fingerprint): string[] {
  const names = [...new Set([...Object.keys(now), ...Object.keys(last)])];
  return names.filter((name) => last[name] !== now[name]);
}

function digest(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\n');
  return hash.digest('hex');
}

function fileDigest(file: string): string {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';
}

function fileStamp(file: string): string {
  const stat = statSync(file);
  return `${stat.size}\0${stat.mtimeMs}`;
}

/** Every file under `target` (itself when it is a file), sorted; none when it does not exist. */
function filesUnder(target: string): string[] {
  if (!existsSync(target)) return [];
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function gitHead(dir: string): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'none'; // not a repository, or git missing: the build uses file times, which the vault's digest holds
  }
}
