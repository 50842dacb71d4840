// Runs one dataviewjs block in QuickJS (WebAssembly): its own runtime with a heap limit, a stack limit and a CPU
// deadline. Inside, only the prelude's `dv` exists — no require, process, fetch, fs or module loader.
import { getQuickJS, Scope, type QuickJSContext, type QuickJSHandle, type QuickJSWASMModule } from 'quickjs-emscripten';
import type { SandboxFailure } from './errors';
import { PRELUDE_JS } from './sandbox/prelude';

export const BLOCK_FILE = 'dataviewjs.js';
/** Budget for loading the prelude and parsing the snapshot: the build's cost, not the block's. */
const SETUP_MS = 10_000;
/** Below the WebAssembly host's own stack, so deep recursion becomes a catchable error instead of a crash. */
const STACK_BYTES = 256 * 1024;

let wasmModule: Promise<QuickJSWASMModule> | undefined;
/** Compiled once per process, on first use. */
function quickjs(): Promise<QuickJSWASMModule> {
  return (wasmModule ??= getQuickJS());
}

export interface SandboxHost {
  zoneOffset(ts: number): number;
  collate(a: string, b: string): number;
}

export interface SandboxLimits {
  timeoutMs: number;
  memoryLimitBytes: number;
}

export type SandboxOutcome = { ok: true; outputJson: string } | { ok: false; failure: SandboxFailure };

/**
 * Dataview runs a block as the body of a function whose `this` is the API (`const dv = this`), awaiting it.
 * The prefix stays on the block's first line so that stack line numbers are block line numbers.
 */
function wrapBlock(code: string): string {
  return `(async function () { const dataview = this; const dv = this; ${code}\n})`;
}

class Failed extends Error {
  constructor(readonly failure: SandboxFailure) {
    super('sandbox failure');
  }
}

export async function runInSandbox(code: string, currentPath: string, snapshotJson: string, host: SandboxHost, limits: SandboxLimits): Promise<SandboxOutcome> {
  const runtime = (await quickjs()).newRuntime();
  runtime.setMemoryLimit(limits.memoryLimitBytes);
  runtime.setMaxStackSize(STACK_BYTES);
  let deadline = Date.now() + SETUP_MS;
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const vm = runtime.newContext();
  const scope = new Scope();

  /** Turns a QuickJS error handle into a failure, telling the deadline and memory limit apart from a throw. */
  const failWith = (errorHandle: QuickJSHandle): never => {
    scope.manage(errorHandle);
    const error: unknown = vm.dump(errorHandle);
    const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
    if (name === 'InternalError' && message === 'interrupted' && Date.now() > deadline) throw new Failed({ kind: 'timeout' });
    if (name === 'InternalError' && message === 'out of memory') throw new Failed({ kind: 'memory' });
    throw new Failed({ kind: 'thrown', error });
  };
  const unwrap = (result: ReturnType<QuickJSContext['evalCode']>): QuickJSHandle =>
    result.error ? failWith(result.error) : scope.manage(result.value);

  try {
    const prelude = unwrap(vm.evalCode(PRELUDE_JS, 'dataview-prelude.js'));
    const zoneOffset = scope.manage(vm.newFunction('zoneOffset', (ts) => vm.newNumber(host.zoneOffset(vm.getNumber(ts)))));
    const collate = scope.manage(vm.newFunction('collate', (a, b) => vm.newNumber(host.collate(vm.getString(a), vm.getString(b)))));
    const snapshot = scope.manage(vm.newString(snapshotJson));
    const createDv = unwrap(vm.callFunction(prelude, vm.undefined, snapshot, zoneOffset, collate));
    const session = unwrap(vm.callFunction(createDv, vm.undefined, scope.manage(vm.newString(currentPath))));
    const dv = scope.manage(vm.getProp(session, 'dv'));
    const output = scope.manage(vm.getProp(session, 'output'));

    const block = unwrap(vm.evalCode(wrapBlock(code), BLOCK_FILE));
    deadline = Date.now() + limits.timeoutMs;
    const promise = unwrap(vm.callFunction(block, dv));
    const jobs = runtime.executePendingJobs();
    if (jobs.error) failWith(jobs.error);
    const state = vm.getPromiseState(promise);
    if (state.type === 'pending') throw new Failed({ kind: 'pending' });
    if (state.type === 'rejected') failWith(state.error);
    if (state.type === 'fulfilled') scope.manage(state.value);

    deadline = Date.now() + limits.timeoutMs;
    return { ok: true, outputJson: vm.getString(unwrap(vm.callFunction(output, vm.undefined))) };
  } catch (error) {
    if (error instanceof Failed) return { ok: false, failure: error.failure };
    // The interpreter itself gave up (heap exhausted while building a result): report it as the memory limit.
    if (error instanceof Error && /out of memory|memory access out of bounds/i.test(error.message)) return { ok: false, failure: { kind: 'memory' } };
    throw error;
  } finally {
    scope.dispose();
    vm.dispose();
    runtime.dispose();
  }
}
