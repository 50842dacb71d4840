// Small figures helpers for the bench: medians, sizes on disk, and how numbers are printed.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Bytes and files under `dir`. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
export const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
