// Why a block failed, in words an author can act on.

export type SandboxFailure = { kind: 'thrown'; error: unknown } | { kind: 'timeout' } | { kind: 'memory' } | { kind: 'pending' };

/** Globals of Obsidian, Node or the browser that a block might reach for. */
const HOST_GLOBALS = new Set([
  'require',
  'process',
  'fetch',
  'module',
  'exports',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'window',
  'document',
  'app',
  'moment',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'XMLHttpRequest',
  'WebSocket',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestUrl',
  'Notice',
  'obsidian',
  'self',
  'Deno',
  'Bun',
]);

interface FailureReport {
  reason: string;
  line?: number;
}

/** 1-based line within the block, from a QuickJS stack (`at f (dataviewjs.js:3:16)` or `at dataviewjs.js:3:5`). */
function blockLine(stack: unknown, blockFile: string): number | undefined {
  if (typeof stack !== 'string') return undefined;
  const m = new RegExp(`${blockFile.replace(/\./g, '\\.')}:(\\d+)`).exec(stack);
  return m ? Number(m[1]) : undefined;
}

function thrownReason(name: string, message: string): string {
  const undefinedName = /^'?([^' ]+)'? is not defined$/.exec(message);
  if (name === 'ReferenceError' && undefinedName) {
    return HOST_GLOBALS.has(undefinedName[1])
      ? `uses ${undefinedName[1]}, which is not available (only Dataview's API is)`
      : `${undefinedName[1]} is not defined`;
  }
  if (/could not load module|import/i.test(message) && name !== 'Error') return "uses import(), which is not available (only Dataview's API is)";
  if (name === 'InternalError' && message === 'stack overflow') return 'recursed too deeply (stack overflow)';
  return name === 'Error' || name === '' ? message : `${name}: ${message}`;
}

export function describeFailure(failure: SandboxFailure, limits: { timeoutMs: number; memoryLimitBytes: number }, blockFile: string): FailureReport {
  switch (failure.kind) {
    case 'timeout':
      return { reason: `ran longer than the time limit (${limits.timeoutMs} ms) and was stopped` };
    case 'memory':
      return { reason: `used more memory than the limit (${Math.round(limits.memoryLimitBytes / 1048576)} MiB) and was stopped` };
    case 'pending':
      return { reason: 'awaits something that never finishes' };
    case 'thrown': {
      const error = failure.error;
      if (typeof error === 'object' && error !== null && 'message' in error) {
        const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
        return { reason: thrownReason(String(name ?? ''), String(message)), line: blockLine(stack, blockFile) };
      }
      return { reason: `threw ${JSON.stringify(error) ?? String(error)}` };
    }
  }
}
