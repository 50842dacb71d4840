// The build's clock: every read of the time whose result can reach the output (Bases now()/today(), Dataview's date
// shorthands, a dataviewjs block's Date) comes here. SOURCE_DATE_EPOCH (seconds) pins it for reproducible builds;
// a read of the live clock is recorded in TSUNAGU_BUILD_FACTS, so that `npm run build` never skips the next build
// of a site whose pages depend on when it was built (src/cli/build.ts).
import { writeFileSync } from 'node:fs';

/** What the build tells the build command (the file TSUNAGU_BUILD_FACTS names). */
export interface BuildFacts {
  /** Who read the live clock ("bases", "dataview", "dataviewjs"), in first-read order. */
  clockReaders: string[];
}

/** One record per facts file in the process: Astro's page bundle and the integration load this module separately. */
const KEY = Symbol.for('tsunagu.buildFacts');
type Holder = { [KEY]?: Map<string, BuildFacts> };

/** The time (epoch ms) for `reader`'s output. */
export function readClock(reader: string, env: NodeJS.ProcessEnv = process.env): number {
  const pinned = Number(env.SOURCE_DATE_EPOCH);
  if (Number.isFinite(pinned) && pinned > 0) return pinned * 1000;
  const file = env.TSUNAGU_BUILD_FACTS;
  if (file) {
    const records = ((globalThis as Holder)[KEY] ??= new Map());
    const facts = records.get(file) ?? { clockReaders: [] };
    records.set(file, facts);
    if (!facts.clockReaders.includes(reader)) {
      facts.clockReaders.push(reader);
      // Written at once, not at exit: a build that fails later is never recorded as up to date anyway.
      writeFileSync(file, JSON.stringify(facts));
    }
  }
  return Date.now();
}
