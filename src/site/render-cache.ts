// Rendered note bodies kept across builds (per output folder, under node_modules/.cache/tsunagu/render/) and, for
// the dev server's next recomputation, across computations of one process. A body is reused when its own inputs
// (tsunagu's code, the site's render settings, the note's tree after every step that rewrites it) are equal and the
// site answers every question its render asked as before (render-inputs.ts); its key, which page keys hash instead
// of the HTML, is the hash of those inputs, so a page's key is known without rendering it.
// The HTML stays on disk: an index (one line per body: inputs, questions, where its bytes are) names a file of the
// bodies' bytes, and a page reads its body from there when it renders. Held in memory, every body of a
// 10,000-note site (about 150 MB) would live from the first page key to the end of the build.
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { KindSite } from '../kinds/kind';
import { cacheHash, codeFingerprint, readCacheLines, writeCacheLines } from '../vault/cache-file';
import { isDrawing } from '../vault/drawings';
import type { ParsedNote, VaultEntry } from '../vault/types';
import { type Asked, answerDigests, answersHold, recordingSite } from './render-inputs';

export interface Body {
  /** Equal keys, equal HTML. */
  key: string;
  /** Read from disk at each access when the body is kept: take it once per page. */
  readonly html: string;
}

/** A body not from the cache (a page of another kind, a render that failed) is keyed by its HTML. */
export function bodyOfHtml(html: string): Body {
  return { key: cacheHash(`html\0${html}`), html };
}

/** A file of bodies' UTF-8 bytes, one after another. */
interface BodyFile {
  name: string;
  path: string;
  fd: number;
  size: number;
  /** An index names it: it outlives this process. */
  saved?: boolean;
}

/** A body's bytes in a body file. */
interface Span {
  file: BodyFile;
  at: number;
  bytes: number;
}

interface Entry {
  id: string;
  /** Hash of the body's own inputs. */
  own: string;
  asked: Asked[];
  span: Span;
}

/** An index line: an entry, its bytes in the file the index names. */
type EntryLine = Omit<Entry, 'span'> & { at: number; bytes: number };

interface Kept {
  file: string;
  entries: Map<string, Entry>;
  /** Where this process writes every body it renders or reuses; the next index names it. */
  written: BodyFile;
  /** The last build's body file, while entries still point into it. */
  previous?: BodyFile;
  /** The ids of the last build's published pages: only their bodies are written. */
  ids: ReadonlySet<string>;
}

const KEY = Symbol.for('tsunagu.render-cache');
// On globalThis: the integration and the pages are bundled apart (see site.ts).
type Holder = { [KEY]?: { file?: string; kept?: Kept; created?: BodyFile[] } };
const holder = globalThis as Holder;

/** Where this build keeps bodies; without it (a build outside Astro, a test) nothing is kept from one build to the next. */
export function keepBodiesIn(file: string): void {
  holder[KEY] = { ...holder[KEY], file };
}

/** After the build: writes the index of the published pages' bodies for the next one. */
export function saveBodies(): void {
  const kept = holder[KEY]?.kept;
  if (!kept) return;
  const lines = [JSON.stringify({ bodies: kept.written.name })];
  for (const entry of kept.entries.values()) {
    if (!kept.ids.has(entry.id)) continue;
    // A body no page asked for this time is still the next build's: it moves to this build's file.
    if (entry.span.file !== kept.written) entry.span = append(kept.written, readSpan(entry.span));
    const { span, ...rest } = entry;
    lines.push(JSON.stringify({ ...rest, at: span.at, bytes: span.bytes } satisfies EntryLine));
  }
  writeCacheLines(kept.file, lines);
  if (kept.previous) {
    closeSync(kept.previous.fd);
    rmSync(kept.previous.path, { force: true });
    kept.previous = undefined;
  }
  kept.written.saved = true;
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
  /** A note's tree as a key (tree-states.ts), hashed instead of the whole tree; undefined when unknown. */
  treeKey?(note: ParsedNote): string | undefined;
}

/** Bodies of the published pages: notes from the cache when their inputs are unchanged, other pages rendered. */
export function openBodies({ projectDir, settings, site, render, ids, treeKey }: BodiesOptions): (entry: VaultEntry) => Body {
  const file = holder[KEY]?.file;
  const rendered = (entry: VaultEntry) => bodyOfHtml(render(entry, site));
  if (!file || !existsSync(path.join(projectDir, 'src'))) return rendered;
  const kept = holder[KEY]?.kept?.file === file ? { ...holder[KEY].kept, ids } : openKept(file, ids);
  for (const id of kept.entries.keys()) if (!ids.has(id)) kept.entries.delete(id);
  holder[KEY] = { ...holder[KEY], file, kept };
  const version = `${codeFingerprint(projectDir, 'src')}\0${JSON.stringify(settings)}`;
  const digest = answerDigests();
  const bodyKey = (entry: Entry) => cacheHash(`${entry.own}\0${JSON.stringify(entry.asked)}`);
  const stored = (entry: Entry) => storedBody(bodyKey(entry), entry);
  return (entry) => {
    if (!entry.note) return rendered(entry);
    // A drawing's page is not its tree alone (drawing.ts); a frontmatter edit can make a note one.
    const tree = treeKey?.(entry.note);
    const own = cacheHash(`${version}\0${entry.id}\0${tree === undefined ? `tree ${digest(entry.note.tree)}` : `key ${tree}`}\0${isDrawing(entry.note)}`);
    const cached = kept.entries.get(entry.id);
    if (cached?.own === own && answersHold(cached.asked, site, digest)) {
      if (cached.span.file !== kept.written) cached.span = append(kept.written, readSpan(cached.span));
      return stored(cached);
    }
    kept.entries.delete(entry.id);
    const recording = recordingSite(site, digest);
    const html = render(entry, recording.site);
    if (!recording.inputs.replayable) return bodyOfHtml(html);
    const fresh: Entry = { id: entry.id, own, asked: recording.inputs.asked, span: append(kept.written, Buffer.from(html)) };
    kept.entries.set(entry.id, fresh);
    return stored(fresh);
  };
}

/**
 * A kept body, its HTML read from its file at each access. Made out here: a getter made inside openBodies would
 * keep its scope, the site and through it the vault's trees, alive as long as the page.
 */
function storedBody(key: string, entry: Entry): Body {
  return {
    key,
    get html() {
      return readSpan(entry.span).toString('utf8');
    },
  };
}

/** The last build's index and body file, and a new body file for this process. */
function openKept(file: string, ids: ReadonlySet<string>): Kept {
  const written = newBodyFile(file);
  const [head, ...lines] = readCacheLines(file);
  const previous = head === undefined ? undefined : openPrevious(file, head);
  const entries = new Map<string, Entry>();
  if (previous) {
    for (const line of lines) {
      try {
        const { at, bytes, ...entry } = JSON.parse(line) as EntryLine;
        entries.set(entry.id, { ...entry, span: { file: previous, at, bytes } });
      } catch {
        // A line cut short (a full disk): that body is rendered again.
      }
    }
  }
  return { file, entries, written, ...(previous ? { previous } : {}), ids };
}

function openPrevious(file: string, head: string): BodyFile | undefined {
  try {
    const name = (JSON.parse(head) as { bodies: string }).bodies;
    const full = path.join(path.dirname(file), name);
    return { name, path: full, fd: openSync(full, 'r'), size: 0 };
  } catch {
    return undefined; // an index of an older format, or its body file is gone: every body is rendered again
  }
}

/** Named for this process, so that builds side by side never write one file; removed at exit unless an index names it. */
function newBodyFile(file: string): BodyFile {
  const name = `${path.basename(file)}.${process.pid}-${Date.now().toString(36)}.html`;
  const full = path.join(path.dirname(file), name);
  mkdirSync(path.dirname(file), { recursive: true });
  const body: BodyFile = { name, path: full, fd: openSync(full, 'w+'), size: 0 };
  const state = (holder[KEY] ??= {});
  if (!state.created) {
    const created: BodyFile[] = (state.created = []);
    process.once('exit', () => {
      for (const made of created) if (!made.saved) rmSync(made.path, { force: true });
    });
  }
  state.created.push(body);
  return body;
}

function append(file: BodyFile, bytes: Buffer): Span {
  const span = { file, at: file.size, bytes: bytes.length };
  writeSync(file.fd, bytes, 0, bytes.length, file.size);
  file.size += bytes.length;
  return span;
}

function readSpan({ file, at, bytes }: Span): Buffer {
  const buffer = Buffer.allocUnsafe(bytes);
  let read = 0;
  while (read < bytes) {
    const got = readSync(file.fd, buffer, read, bytes - read, at + read);
    if (got === 0) throw new Error(`tsunagu: the render cache's ${file.name} ends before a body it holds; delete node_modules/.cache/tsunagu/render/`);
    read += got;
  }
  return buffer;
}
