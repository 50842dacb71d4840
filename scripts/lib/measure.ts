// Runs a command and measures it from outside: wall time, and peak memory of its whole process tree
// (Astro's workers and Pagefind's binary included), sampled from /proc.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measured {
  wallMs: number;
  /** Largest sum of resident memory over the process and its descendants, in bytes (0 where /proc is missing). */
  peakRssBytes: number;
  exitCode: number | null;
}

const SAMPLE_EVERY_MS = 100;

/** Runs `command` with its output going to `logFile`. */
export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.logFile);
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let peakRssBytes = 0;
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, treeRssBytes(child.pid));
    }, SAMPLE_EVERY_MS);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      log.end(() => resolve({ wallMs, peakRssBytes, exitCode }));
    });
  });
}

/** Sum of VmRSS of `root` and every process below it. */
function treeRssBytes(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = safeRead(`/proc/${entry}/status`);
    const parent = /^PPid:\s+(\d+)/m.exec(status)?.[1];
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (parent === undefined) continue;
    const pid = Number(entry);
    children.set(Number(parent), [...(children.get(Number(parent)) ?? []), pid]);
    rss.set(pid, Number(kb ?? 0) * 1024);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

// Processes come and go between listing /proc and reading their status.
function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
