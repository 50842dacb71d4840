// Every file of a built site, as paths relative to it ('/'-separated, sorted): what the dist checks read.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function distFiles(distDir: string): string[] {
  return (readdirSync(distDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
