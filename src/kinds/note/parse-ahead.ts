// Parse-ahead: in a build, parsing note bodies is most of the load step (3.1 of 3.7 s at 1,000 notes) and it ran on
// one core of two. A thread started when the build starts (parse-worker.ts) reads the notes and parses those the
// parse cache lacks, last first, while this thread bundles (Vite) and then loads the vault from the first note on;
// each note is parsed by whichever thread claims it first, so the load only waits for a note the worker is on. A
// note parsed there comes back as its JSON, as from the parse cache, with the key it was parsed under: a note whose
// file changed in between has another key and is parsed here. The dev server never starts one (it parses a few notes
// per change).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { NoteLimits } from '../../config/limits';
import type { ParsedAhead } from '../../vault/parse-cache';
import { parseCacheFile } from '../../vault/parse-keys';

/** A note's state in the shared array: nobody's yet, claimed by the load, claimed by the worker, parsed there. */
export const FREE = 0;
export const HERE = 1;
export const THERE = 2;
export const DONE = 3;

/** Fewer misses than this are not worth a thread: the worker stops (a rebuild after a few edits). */
const MIN_MISSES = 200;

export interface AheadData {
  vaultDir: string;
  projectDir: string;
  cacheFile: string;
  limits: NoteLimits;
  minMisses: number;
  port: MessagePort;
}

/** The worker's first message: the notes it read, in an order of its own, and their states. */
export interface AheadNotes {
  ids: string[];
  states: Int32Array;
}

/** One note parsed there; no JSON when parsing it threw (the load parses it again, and meets the error here). */
export interface AheadParse {
  index: number;
  key: string;
  json?: string;
}

export interface ParseAhead extends ParsedAhead {
  /** Stops the worker: the load is over. */
  close(): void;
  /** When the worker has ended (tests wait for it; the load never does). */
  finished: Promise<void>;
}

interface AheadOptions {
  vaultDir: string;
  projectDir: string;
  /** The parse cache's folder: notes it holds are not parsed ahead. */
  cacheDir: string;
  limits: NoteLimits;
  minMisses?: number;
}

const KEY = Symbol.for('tsunagu.parse-ahead');
// On globalThis: the integration starts it, the pages' bundle (the load step) takes it.
type Holder = { [KEY]?: { vaultDir: string; ahead: ParseAhead } };

/** Starts parsing `vaultDir`'s notes on a worker, for the next `takeParseAhead`. Needs tsunagu's source (src/). */
export function startParseAhead(options: AheadOptions): void {
  const entry = path.join(options.projectDir, 'src/kinds/note/parse-worker.ts');
  // The worker runs the source itself: plain Node strips the types, this hook finds extensionless imports.
  const imports = path.join(options.projectDir, 'scripts/lib/src-imports.ts');
  if (!existsSync(entry) || !existsSync(imports)) return;
  const { port1, port2 } = new MessageChannel();
  const data: AheadData = {
    vaultDir: options.vaultDir,
    projectDir: options.projectDir,
    cacheFile: parseCacheFile(options.cacheDir, options.vaultDir),
    limits: options.limits,
    minMisses: options.minMisses ?? MIN_MISSES,
    port: port2,
  };
  const worker = new Worker(entry, {
    workerData: data,
    transferList: [port2],
    execArgv: ['--import', imports],
    // Each parse leaves garbage only: a small young generation keeps the thread's memory at ~200 MB instead of ~350 MB
    // at 1,000 notes (measured alone), for no measurable time.
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
  worker.unref();
  // A worker that fails parses nothing: the load parses every note here, as without one.
  worker.on('error', () => {});
  const finished = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  (globalThis as Holder)[KEY] = { vaultDir: options.vaultDir, ahead: aheadOf(worker, port1, options.limits, finished) };
}

/** The parse-ahead started for `vaultDir`, once. */
export function takeParseAhead(vaultDir: string): ParseAhead | undefined {
  const holder = globalThis as Holder;
  const held = holder[KEY];
  if (held?.vaultDir !== vaultDir) return undefined;
  delete holder[KEY];
  return held.ahead;
}

function aheadOf(worker: Worker, port: MessagePort, limits: NoteLimits, finished: Promise<void>): ParseAhead {
  let notes: { index: Map<string, number>; states: Int32Array } | undefined;
  const parsed = new Map<number, AheadParse>();
  // Read synchronously: the load is one synchronous pass, and waits (Atomics.wait) only for a note the worker is on.
  const drain = () => {
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      const message = received.message as AheadNotes | AheadParse;
      if ('ids' in message) notes = { index: new Map(message.ids.map((id, i) => [id, i])), states: message.states };
      else parsed.set(message.index, message);
    }
  };
  // A worker slower than this on one note (stopped, or out of memory) leaves it to the load.
  const patienceMs = 2 * limits.parseMs;
  return {
    take(id, key) {
      drain();
      const index = notes?.index.get(id);
      if (!notes || index === undefined) return undefined;
      const { states } = notes;
      if (Atomics.compareExchange(states, index, FREE, HERE) === FREE) return undefined;
      const deadline = performance.now() + patienceMs;
      for (let left = patienceMs; Atomics.load(states, index) === THERE && left > 0; left = deadline - performance.now()) {
        Atomics.wait(states, index, THERE, left);
      }
      drain();
      const made = parsed.get(index);
      parsed.delete(index);
      return made?.key === key ? made.json : undefined;
    },
    close() {
      port.close();
      void worker.terminate();
    },
    finished,
  };
}
