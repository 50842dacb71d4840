// Runs dataviewjs blocks in QuickJS (WebAssembly). One runtime serves many blocks: the prelude and the snapshot are
// loaded once, then everything blocks share is frozen (sandbox/isolation.ts), so a block cannot change what the next
// one sees. Each block has its own `dv`, output, CPU deadline and heap budget. A block that is stopped mid-way
// (time, memory) or leaves something behind costs the runtime: the next block gets a fresh one.
// Inside, only the prelude's `dv` exists — no require, process, fetch, fs or module loader.
import { newQuickJSWASMModule, Scope, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from 'quickjs-emscripten';
import type { SandboxFailure } from './errors';
import { PRELUDE_JS } from './sandbox/prelude';

export const BLOCK_FILE = 'dataviewjs.js';
/** Budget for loading the prelude and indexing the snapshot: the build's cost, not a block's. */
const SETUP_MS = 60_000;
/** Below the WebAssembly host's own stack, so deep recursion becomes a catchable error instead of a crash. */
const STACK_BYTES = 256 * 1024;
/** Time a block may spend, on top of its own limit, building what every later block shares (sandbox/realm.ts). */
const SHARED_WORK_MS = 10_000;
/** Compiled blocks kept for blocks with the same code. */
const MAX_COMPILED_BLOCKS = 64;
/** Heap the lazily built page objects may take, per character of the snapshot's JSON (measured: about 5). */
const PAGE_OBJECTS_PER_SNAPSHOT_BYTE = 6;

export interface SandboxHost {
  zoneOffset(ts: number): number;
  collate(a: string, b: string): number;
  /** Text of a published vault file (vault path), for dv.view and dv.io; undefined for anything else. */
  readFile(path: string): string | undefined;
  /** Answers a JSON request of the block's dv (a DQL query, value typing) with JSON (host-requests.ts). */
  request(json: string): string;
}

export interface SandboxLimits {
  timeoutMs: number;
  memoryLimitBytes: number;
}

type SandboxOutcome = { ok: true; outputJson: string } | { ok: false; failure: SandboxFailure };

export interface Sandbox {
  run(code: string, currentPath: string): SandboxOutcome;
  dispose(): void;
}

/**
 * Dataview runs a block as the body of a function whose `this` is the API (`const dv = this`), awaiting it.
 * The prefix stays on the block's first line so that stack line numbers are block line numbers.
 */
/** What precedes a block's code in the source QuickJS runs (error columns on its first line count it). */
export const BLOCK_PREFIX = '(async function () { const dataview = this; const dv = this; ';

function wrapBlock(code: string): string {
  return `${BLOCK_PREFIX}${code}\n})`;
}

class Failed extends Error {
  constructor(readonly failure: SandboxFailure) {
    super('sandbox failure');
  }
}

/** The author's code closed the wrapper early: part of it ran outside the block's function. */
const BROKE_OUT: SandboxFailure = { kind: 'thrown', error: { name: 'SyntaxError', message: "the block closes a '}' it did not open" } };

/** One QuickJS runtime with the prelude loaded and the snapshot indexed and frozen. */
class Session {
  private readonly vm: QuickJSContext;
  private readonly api: QuickJSHandle;
  private deadline = Date.now() + SETUP_MS;
  /** While the sandbox builds shared data: since when, and how much paused time the block has left. */
  private pausedAt: number | undefined;
  private pauseLeft = SHARED_WORK_MS;
  blocksRun = 0;
  private readonly compiled = new Map<string, QuickJSHandle>();

  constructor(
    private readonly runtime: QuickJSRuntime,
    snapshotJson: string,
    host: SandboxHost,
    limits: SandboxLimits,
  ) {
    runtime.setMaxStackSize(STACK_BYTES);
    runtime.setInterruptHandler(() => {
      const now = Date.now();
      return now > this.deadline + (this.pausedAt === undefined ? 0 : Math.min(now - this.pausedAt, this.pauseLeft));
    });
    const vm = (this.vm = runtime.newContext());
    const scope = new Scope();
    try {
      const prelude = this.unwrap(scope, vm.evalCode(PRELUDE_JS, 'dataview-prelude.js'));
      const zoneOffset = scope.manage(vm.newFunction('zoneOffset', (ts) => vm.newNumber(host.zoneOffset(vm.getNumber(ts)))));
      const collate = scope.manage(vm.newFunction('collate', (a, b) => vm.newNumber(host.collate(vm.getString(a), vm.getString(b)))));
      const readFile = scope.manage(
        vm.newFunction('readFile', (p) => {
          const text = host.readFile(vm.getString(p));
          return text === undefined ? vm.undefined : vm.newString(text);
        }),
      );
      const request = scope.manage(vm.newFunction('request', (json) => vm.newString(host.request(vm.getString(json)))));
      const pause = scope.manage(vm.newFunction('pause', (paused) => this.pause(vm.dump(paused) === true)));
      const api = vm.callFunction(prelude, vm.undefined, scope.manage(vm.newString(snapshotJson)), zoneOffset, collate, readFile, request, pause);
      if (api.error) this.fail(scope, api.error);
      this.api = api.value;
    } catch (error) {
      scope.dispose();
      vm.dispose();
      runtime.dispose();
      if (error instanceof Failed) throw new Error(`dataview: the vault snapshot could not be loaded in the sandbox (${JSON.stringify(error.failure)})`);
      throw error;
    }
    scope.dispose();
    // A block's heap budget comes on top of what the prelude and snapshot hold, and of the page objects blocks build
    // from it when they first read them (all of them, every field read, take about five times the snapshot's JSON).
    const usage = runtime.computeMemoryUsage();
    const { memory_used_size: used } = vm.dump(usage) as { memory_used_size: number };
    usage.dispose();
    runtime.setMemoryLimit(used + PAGE_OBJECTS_PER_SNAPSHOT_BYTE * snapshotJson.length + limits.memoryLimitBytes);
  }

  /** Runs one block; `reusable` is false when the runtime must not serve another block. */
  run(code: string, currentPath: string, timeoutMs: number): { outcome: SandboxOutcome; reusable: boolean } {
    const vm = this.vm;
    const scope = new Scope();
    this.blocksRun++;
    this.deadline = Date.now() + timeoutMs;
    this.pauseLeft = SHARED_WORK_MS;
    let outcome: SandboxOutcome;
    let reusable = true;
    try {
      const session = this.unwrap(scope, this.call(scope, 'createDv', scope.manage(vm.newString(currentPath))));
      const dv = scope.manage(vm.getProp(session, 'dv'));
      const output = scope.manage(vm.getProp(session, 'output'));
      const block = this.compiled.get(code) ?? this.compile(scope, code);
      if (block === undefined) {
        reusable = false;
        throw new Failed(BROKE_OUT);
      }
      const promise = this.unwrap(scope, vm.callFunction(block, dv));
      const jobs = this.runtime.executePendingJobs();
      if (jobs.error) this.fail(scope, jobs.error);
      const state = vm.getPromiseState(promise);
      if (state.type === 'pending') throw new Failed({ kind: 'pending' });
      if (state.type === 'rejected') this.fail(scope, state.error);
      if (state.type === 'fulfilled') scope.manage(state.value);
      outcome = { ok: true, outputJson: vm.getString(this.unwrap(scope, vm.callFunction(output, vm.undefined))) };
    } catch (error) {
      // The interpreter itself gave up (heap exhausted while building a result): report it as the memory limit.
      const crashed = error instanceof Error && /out of memory|memory access out of bounds/i.test(error.message);
      if (!(error instanceof Failed) && !crashed) throw error;
      outcome = { ok: false, failure: crashed ? { kind: 'memory' } : (error as Failed).failure };
      // Stopped mid-way, the block may have left shared state half-changed (or jobs queued).
      if (crashed || outcome.failure.kind !== 'thrown') reusable = false;
    } finally {
      scope.dispose();
    }
    if (reusable) reusable = this.resetGlobals();
    return { outcome, reusable };
  }

  /**
   * The block compiled to its function, frozen and kept for the next block with the same code (vaults repeat a block
   * from a template in many notes); undefined when the code closed the wrapper early.
   */
  private compile(scope: Scope, code: string): QuickJSHandle | undefined {
    const vm = this.vm;
    const source = wrapBlock(code);
    const block = this.unwrap(scope, vm.evalCode(source, BLOCK_FILE));
    if (!vm.dump(this.unwrap(scope, this.call(scope, 'isWholeBlock', block, scope.manage(vm.newString(source.slice(1, -1))))))) return undefined;
    if (this.compiled.size >= MAX_COMPILED_BLOCKS) this.forgetCompiled();
    this.compiled.set(code, block.dup());
    return block;
  }

  private forgetCompiled(): void {
    for (const block of this.compiled.values()) block.dispose();
    this.compiled.clear();
  }

  /** The block's clock stops while shared data is built, for at most SHARED_WORK_MS per block. */
  private pause(paused: boolean): void {
    const now = Date.now();
    if (paused) this.pausedAt ??= now;
    else if (this.pausedAt !== undefined) {
      const credit = Math.min(now - this.pausedAt, this.pauseLeft);
      this.deadline += credit;
      this.pauseLeft -= credit;
      this.pausedAt = undefined;
    }
  }

  dispose(): void {
    this.forgetCompiled();
    this.api.dispose();
    this.vm.dispose();
    this.runtime.dispose();
  }

  /** Removes the globals the block added; false when it left ones that cannot be removed. */
  private resetGlobals(): boolean {
    const scope = new Scope();
    try {
      this.deadline = Date.now() + SETUP_MS;
      const result = this.call(scope, 'resetGlobals');
      if (result.error) {
        scope.manage(result.error);
        return false;
      }
      return this.vm.dump(scope.manage(result.value)) === true;
    } finally {
      scope.dispose();
    }
  }

  /** Calls a function of the prelude's API; the caller owns the result. */
  private call(scope: Scope, name: string, ...args: QuickJSHandle[]): ReturnType<QuickJSContext['callFunction']> {
    return this.vm.callFunction(scope.manage(this.vm.getProp(this.api, name)), this.vm.undefined, ...args);
  }

  private unwrap(scope: Scope, result: ReturnType<QuickJSContext['evalCode']>): QuickJSHandle {
    return result.error ? this.fail(scope, result.error) : scope.manage(result.value);
  }

  /** Turns a QuickJS error handle into a failure, telling the deadline and memory limit apart from a throw. */
  private fail(scope: Scope, errorHandle: QuickJSHandle): never {
    scope.manage(errorHandle);
    const error: unknown = this.vm.dump(errorHandle);
    const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
    if (name === 'InternalError' && message === 'interrupted' && Date.now() > this.deadline) throw new Failed({ kind: 'timeout' });
    if (name === 'InternalError' && message === 'out of memory') throw new Failed({ kind: 'memory' });
    throw new Failed({ kind: 'thrown', error });
  }
}

/**
 * A sandbox for one build's blocks over one snapshot; runtimes are created on demand and replaced when spoiled.
 * The sandbox has a WebAssembly instance of its own (V8 keeps the module compiled: a few ms): disposing of it drops
 * the instance's memory whole, where freeing the runtime object by object took 0.6 s at 10,000 notes.
 */
export async function createSandbox(snapshotJson: string, host: SandboxHost, limits: SandboxLimits): Promise<Sandbox> {
  const module = await newQuickJSWASMModule();
  let session: Session | undefined;
  /** A spoiled runtime is freed: the instance serves the next one. */
  const drop = () => {
    session?.dispose();
    session = undefined;
  };
  const run = (code: string, currentPath: string, retried = false): SandboxOutcome => {
    session ??= new Session(module.newRuntime(), snapshotJson, host, limits);
    const earlierBlocks = session.blocksRun > 0;
    const { outcome, reusable } = session.run(code, currentPath, limits.timeoutMs);
    if (!reusable) drop();
    // Garbage of earlier blocks that the collector has not reached yet counts against the heap limit: a block that
    // hit it gets one more try on a runtime of its own.
    if (!outcome.ok && outcome.failure.kind === 'memory' && earlierBlocks && !retried) return run(code, currentPath, true);
    return outcome;
  };
  return {
    run: (code, currentPath) => run(code, currentPath),
    dispose() {
      session = undefined;
    },
  };
}
