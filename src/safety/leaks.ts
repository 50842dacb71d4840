// The leak scan: does any file of a built site hold a marker string (case-insensitive), in its path, its bytes,
// or its gzip-decompressed bytes (Pagefind writes its index and fragments compressed)?
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { distFiles } from './dist-files.ts';

interface LeakHit {
  /** Relative to dist. */
  file: string;
  marker: string;
  where: 'path' | 'content' | 'decompressed content';
}

const GZIP_MAGIC = [0x1f, 0x8b];

export function scanForMarkers(distDir: string, markers: string[]): LeakHit[] {
  const wanted = markers.map((m) => m.toLowerCase());
  const hits: LeakHit[] = [];
  const search = (file: string, text: string, where: LeakHit['where']) => {
    const lower = text.toLowerCase();
    wanted.forEach((marker, i) => {
      if (lower.includes(marker)) hits.push({ file, marker: markers[i], where });
    });
  };
  for (const file of distFiles(distDir)) {
    search(file, safeDecodeUri(file), 'path');
    const bytes = readFileSync(path.join(distDir, file));
    // latin1 keeps every byte, so an ASCII marker is found inside binary files too; utf8 finds the rest.
    search(file, bytes.toString('utf8') + bytes.toString('latin1'), 'content');
    if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
      const inflated = gunzipSync(bytes);
      search(file, inflated.toString('utf8') + inflated.toString('latin1'), 'decompressed content');
    }
  }
  return hits;
}

export function formatLeaks(hits: LeakHit[]): string {
  return [`${hits.length} leak(s) of unpublished content:`, ...hits.map((h) => `  ${h.file}: "${h.marker}" in its ${h.where}`)].join('\n');
}

function safeDecodeUri(s: string): string {
  try {
    return `${s}\n${decodeURIComponent(s)}`;
  } catch {
    return s;
  }
}
