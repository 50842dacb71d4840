// Rendered note bodies kept across builds (one file per output folder, under node_modules/.cache/tsunagu/render/)
// and in memory for the dev server's next recomputation. A body is reused when its own inputs (tsunagu's code, the
// site's render settings, the note's tree after every step that rewrites it) are equal and the site answers every
// question its render asked as before (render-inputs.ts); its key, which page keys hash instead of the HTML, is the
// hash of those inputs, so a page's key is known without rendering it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { KindSite } from '../kinds/kind';
import { cacheHash, codeFingerprint, readCacheLines, writeCacheLines } from '../vault/cache-file';
import type { VaultEntry } from '../vault/types';
import { type Asked, answerDigests, answersHold, recordingSite } from './render-inputs';

export interface Body {
  /** Equal keys, equal HTML. */
  key: string;
  html: string;
}

/** A body not from the cache (a page of another kind, a render that failed) is keyed by its HTML. */
export function bodyOfHtml(html: string): Body {
  return { key: cacheHash(`html\0${html}`), html };
}

interface Entry {
  id: string;
  /** Hash of the body's own inputs. */
  own: string;
  asked: Asked[];
  html: string;
}

interface Kept {
  file: string;
  entries: Map<string, Entry>;
  /** The ids of the last build's published pages: only their bodies are written. */
  ids: ReadonlySet<string>;
}

const KEY = Symbol.for('tsunagu.render-cache');
// On globalThis: the integration and the pages are bundled apart (see site.ts).
type Holder = { [KEY]?: { file?: string; kept?: Kept } };
const holder = globalThis as Holder;

/** Where this build keeps bodies; without it (a build outside Astro, a test) nothing is kept from one build to the next. */
export function keepBodiesIn(file: string): void {
  holder[KEY] = { ...holder[KEY], file };
}

/** After the build: writes the published pages' bodies for the next one. */
export function saveBodies(): void {
  const kept = holder[KEY]?.kept;
  if (!kept) return;
  const lines = [...kept.entries.values()].filter((entry) => kept.ids.has(entry.id)).map((entry) => JSON.stringify(entry));
  writeCacheLines(kept.file, lines);
}

interface BodiesOptions {
  /** The tsunagu checkout: its source and lockfile version the cache. */
  projectDir: string;
  /** What every body is rendered with (language, line breaks, base). */
  settings: unknown;
  site: KindSite;
  render(entry: VaultEntry, site: KindSite): string;
  /** The published pages. */
  ids: ReadonlySet<string>;
}

/** Bodies of the published pages: notes from the cache when their inputs are unchanged, other pages rendered. */
export function openBodies({ projectDir, settings, site, render, ids }: BodiesOptions): (entry: VaultEntry) => Body {
  const file = holder[KEY]?.file;
  const rendered = (entry: VaultEntry) => bodyOfHtml(render(entry, site));
  if (!file || !existsSync(path.join(projectDir, 'src'))) return rendered;
  const kept: Kept = { file, entries: holder[KEY]?.kept?.file === file ? holder[KEY].kept.entries : readEntries(file), ids };
  for (const id of kept.entries.keys()) if (!ids.has(id)) kept.entries.delete(id);
  holder[KEY] = { file, kept };
  const version = `${codeFingerprint(projectDir, 'src')}\0${JSON.stringify(settings)}`;
  const digest = answerDigests();
  const bodyKey = (entry: Entry) => cacheHash(`${entry.own}\0${JSON.stringify(entry.asked)}`);
  return (entry) => {
    if (!entry.note) return rendered(entry);
    const own = cacheHash(`${version}\0${entry.id}\0${digest(entry.note.tree)}`);
    const cached = kept.entries.get(entry.id);
    if (cached?.own === own && answersHold(cached.asked, site, digest)) return { key: bodyKey(cached), html: cached.html };
    kept.entries.delete(entry.id);
    const recording = recordingSite(site, digest);
    const html = render(entry, recording.site);
    if (!recording.inputs.replayable) return bodyOfHtml(html);
    const fresh: Entry = { id: entry.id, own, asked: recording.inputs.asked, html };
    kept.entries.set(entry.id, fresh);
    return { key: bodyKey(fresh), html };
  };
}

function readEntries(file: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const line of readCacheLines(file)) {
    try {
      const entry = JSON.parse(line) as Entry;
      entries.set(entry.id, entry);
    } catch {
      // A line cut short (a full disk): that body is rendered again.
    }
  }
  return entries;
}
