// A dataview engine for one build: the snapshot of published pages is serialised once, and each block then
// runs in a fresh sandbox and comes back as HTML or as a reason it could not be shown.
import { collateFunction, zoneOffsetFunction } from './host-helpers';
import { describeFailure } from './errors';
import { renderOutput } from './render';
import { BLOCK_FILE, runInSandbox, type SandboxHost, type SandboxLimits } from './sandbox';
import type { DataviewOptions, DataviewResult, DvPageInput } from './types';

const DEFAULT_TIMEOUT_MS = 1000;
const DEFAULT_MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

export interface DataviewEngine {
  /** Runs a ```dataviewjs block written in the note at `currentPath`. */
  runJs(code: string, currentPath: string): Promise<DataviewResult>;
}

export function createDataviewEngine(pages: DvPageInput[], options: DataviewOptions): DataviewEngine {
  const snapshotJson = JSON.stringify({ pages });
  const host: SandboxHost = { zoneOffset: zoneOffsetFunction(options.timeZone), collate: collateFunction(options.collationLocale) };
  const limits: SandboxLimits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    memoryLimitBytes: options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES,
  };
  const links = { hrefFor: options.hrefFor, hrefForTag: options.hrefForTag };

  return {
    async runJs(code, currentPath) {
      const outcome = await runInSandbox(code, currentPath, snapshotJson, host, limits);
      if (!outcome.ok) return { ok: false, ...describeFailure(outcome.failure, limits, BLOCK_FILE) };
      return { ok: true, html: renderOutput(JSON.parse(outcome.outputJson), links) };
    },
  };
}
