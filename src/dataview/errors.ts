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

/**
 * The callee QuickJS's bare "not a function" is about: the name before the call's `(`, which its stack's column
 * points at (in `source`, the code as run), e.g. `dv.luxon.Duration.fromISOWeek`.
 */
function missingFunction(stack: unknown, blockFile: string, source: string | undefined): string | undefined {
  if (typeof stack !== 'string' || source === undefined) return undefined;
  const m = new RegExp(`${blockFile.replace(/\./g, '\\.')}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return undefined;
  const line = source.split('\n')[Number(m[1]) - 1] ?? '';
  const paren = Number(m[2]) - 1;
  if (line[paren] !== '(') return undefined;
  return /([A-Za-z_$][\w$.]*)\s*$/.exec(line.slice(0, paren))?.[1];
}

/** What a block that reaches for Obsidian's own API (app, dv.app: workspace, vault, metadata cache) is told. */
const OBSIDIAN_APP_ONLY = (name: string) =>
  `uses ${name}, Obsidian's own API, which exists only inside the Obsidian app (a published page has Dataview's API only)`;

function thrownReason(name: string, message: string): string {
  const undefinedName = /^'?([^' ]+)'? is not defined$/.exec(message);
  if (name === 'ReferenceError' && undefinedName) {
    if (undefinedName[1] === 'app' || undefinedName[1] === 'dv.app') return OBSIDIAN_APP_ONLY(undefinedName[1]);
    return HOST_GLOBALS.has(undefinedName[1])
      ? `uses ${undefinedName[1]}, which is not available (only Dataview's API is)`
      : `${undefinedName[1]} is not defined`;
  }
  if (/could not load module|import/i.test(message) && name !== 'Error') return "uses import(), which is not available (only Dataview's API is)";
  if (name === 'InternalError' && message === 'stack overflow') return 'recursed too deeply (stack overflow)';
  return name === 'Error' || name === '' ? message : `${name}: ${message}`;
}

export function describeFailure(
  failure: SandboxFailure,
  limits: { timeoutMs: number; memoryLimitBytes: number },
  blockFile: string,
  source?: string,
): FailureReport {
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
        const callee = name === 'TypeError' && message === 'not a function' ? missingFunction(stack, blockFile, source) : undefined;
        const reason = callee
          ? `${callee}() is not a function: tsunagu's Dataview API and its Luxon stand-in may not have it`
          : thrownReason(String(name ?? ''), String(message));
        return { reason, line: blockLine(stack, blockFile) };
      }
      return { reason: `threw ${JSON.stringify(error) ?? String(error)}` };
    }
  }
}
