// Vitest global setup: each run starts with an empty build scratch folder, so old test builds do not pile up.
import { rmSync } from 'node:fs';
import path from 'node:path';

export default function cleanScratch(): void {
  rmSync(path.resolve(import.meta.dirname, '../../node_modules/.cache/tsunagu-test'), { recursive: true, force: true });
}
