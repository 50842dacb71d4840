// The /graph/ page's layout kept from the last build into the same output folder. The force layout of 1,000 notes
// takes about 0.4 s of every build, and what it is computed from (every page's id and outlinks) seldom changes
// with an edit; the key is exactly that input and the layout's code, so a kept layout is the one it would compute.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteGraphLayout, SiteGraphNote } from '../graph/site-layout';
import { cacheHash, codeFingerprint, writeCacheLines } from '../vault/cache-file';

const KEY = Symbol.for('tsunagu.graph-layout');
// On globalThis: the integration and the pages are bundled apart (see site-holder.ts).
type Holder = { [KEY]?: string };
const holder = globalThis as Holder;

const CODE = 'src/graph';

/** Where this build keeps the layout; without it (a build outside Astro, a test) it is computed every time. */
export function keepLayoutIn(file: string): void {
  holder[KEY] = file;
}

export function cachedLayout(notes: SiteGraphNote[], layout: (notes: SiteGraphNote[]) => SiteGraphLayout): SiteGraphLayout {
  const file = holder[KEY];
  // Run from the tsunagu checkout (as Astro is): its layout code versions the entry.
  if (!file || !existsSync(path.join(process.cwd(), CODE))) return layout(notes);
  const key = cacheHash(`${codeFingerprint(process.cwd(), CODE)}\0${JSON.stringify(notes)}`);
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { key: string; layout: SiteGraphLayout };
    if (kept.key === key) return kept.layout;
  } catch {
    // None yet, or unreadable: computed below.
  }
  const computed = layout(notes);
  writeCacheLines(file, [JSON.stringify({ key, layout: computed })]);
  return computed;
}
