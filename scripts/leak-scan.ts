// The leak scan: builds a vault whose unpublished notes, attachments and comments all hold a marker string, then
// searches every file of the output (paths, bytes, and Pagefind's gzip-compressed index) for the marker.
// npx node scripts/leak-scan.ts                     the fixture vault test/fixtures/vaults/leaks, in both publishing
//                                                    modes (marker qzvleak; under publish: opt-in also qzvoptin)
// npx node scripts/leak-scan.ts --dist dist -m WORD  scan an existing build for one or more words
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatLeaks, scanForMarkers } from '../src/safety/leaks.ts';

const PROJECT_DIR = path.resolve(import.meta.dirname, '..');
const FIXTURE = path.join(PROJECT_DIR, 'test/fixtures/vaults/leaks');

const { values } = parseArgs({ options: { dist: { type: 'string' }, marker: { type: 'string', short: 'm', multiple: true } } });
const scans = values.dist
  ? [{ dist: path.resolve(values.dist), markers: values.marker ?? ['qzvleak'] }]
  : [
      { dist: buildFixture('tsunagu.config.yaml'), markers: ['qzvleak'] },
      { dist: buildFixture('opt-in.yaml'), markers: ['qzvleak', 'qzvoptin'] },
    ];
for (const { dist, markers } of scans) {
  const hits = scanForMarkers(dist, markers);
  if (hits.length > 0) {
    console.error(formatLeaks(hits));
    process.exitCode = 1;
  } else console.log(`${dist}: no file holds ${markers.map((m) => `"${m}"`).join(', ')} (paths, contents and compressed search index searched).`);
}

function buildFixture(config: string): string {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-leak-scan-')), 'dist');
  execFileSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: PROJECT_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      TSUNAGU_VAULT: path.join(FIXTURE, 'vault'),
      TSUNAGU_CONFIG: path.join(FIXTURE, config),
      TSUNAGU_CACHE_DIR: path.join(outDir, '../cache'),
    },
  });
  return outDir;
}
