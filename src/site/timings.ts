// Phase durations for `npm run bench`: with TSUNAGU_TIMINGS=file.json, each phase's total time (ms) is written there at exit.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const KEY = Symbol.for('tsunagu.timings');
type Holder = { [KEY]?: Record<string, number> };

/** Runs `step` (sync or async); with TSUNAGU_TIMINGS set, adds its duration to `phase`. */
export function timed<T>(phase: string, step: () => T): T {
  const phases = recording();
  if (!phases) return step();
  const started = performance.now();
  const add = () => {
    phases[phase] = (phases[phase] ?? 0) + performance.now() - started;
  };
  const result = step();
  if (result instanceof Promise) return result.finally(add) as T;
  add();
  return result;
}

/** One record per process: Astro's page bundle and the integration load this module separately. */
function recording(): Record<string, number> | undefined {
  const file = process.env.TSUNAGU_TIMINGS;
  if (!file) return undefined;
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const phases: Record<string, number> = {};
    process.once('exit', () => writeFileSync(file, JSON.stringify(phases)));
    holder[KEY] = phases;
  }
  return holder[KEY];
}
