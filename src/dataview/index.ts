// Build-time Dataview: runs dataviewjs blocks in a QuickJS sandbox over a snapshot of published notes.
import { createDataviewEngine } from './engine';
import type { DataviewOptions, DataviewResult, DvPageInput } from './types';

export { createDataviewEngine, type DataviewEngine } from './engine';
export type { DataviewOptions, DataviewResult, DvLink, DvPageInput } from './types';

/** One-off convenience; for a whole build, create one engine so the snapshot is serialised once. */
export async function runDataviewJs(code: string, current: string, pages: DvPageInput[], opts: DataviewOptions): Promise<DataviewResult> {
  const engine = createDataviewEngine(pages, opts);
  try {
    return await engine.runJs(code, current);
  } finally {
    engine.dispose();
  }
}
