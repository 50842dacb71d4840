// Vitest global setup: old test builds do not pile up in the scratch folder. Only builds older than an hour go,
// so a test run never deletes the builds of another run still going on the same machine.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const HOUR_MS = 60 * 60 * 1000;

export default function cleanScratch(): void {
  const scratch = path.resolve(import.meta.dirname, '../../node_modules/.cache/tsunagu-test');
  let entries: string[];
  try {
    entries = readdirSync(scratch);
  } catch {
    return; // no scratch folder yet
  }
  for (const entry of entries) {
    const dir = path.join(scratch, entry);
    if (Date.now() - statSync(dir).mtimeMs > HOUR_MS) rmSync(dir, { recursive: true, force: true });
  }
}
