// The search step alone, on two copies of a built site: before and after an edit (`cp -a` of the output folder,
// so that the pages the edit left alone keep their modification times). Times a cold index of `before`, the index
// of `after` with the cache kept (the rebuild after the edit), again with nothing changed, and a cold index of
// `after`, which the rebuild's must equal byte for byte. `--project`: the tsunagu checkout whose step is timed.
// Run: npx node --experimental-strip-types scripts/bench-pagefind.ts <before> <after> [--lang ja] [--part-pages 1000] [--project <checkout>]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_DIR } from './lib/builds.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string', default: 'ja' }, 'part-pages': { type: 'string' }, project: { type: 'string', default: PROJECT_DIR } },
});
const [before, after] = positionals.map((dir) => path.resolve(dir));
if (!after) {
  console.error('Give two copies of a built site: <before> <after> (an edit between them).');
  process.exit(2);
}
const project = path.resolve(values.project);
// The step reads its code's version from the checkout it runs in.
process.chdir(project);
await import(path.join(project, 'scripts/lib/src-imports.ts'));
const { indexSite } = await import(path.join(project, 'src/search/index-site.ts'));
const { distFiles } = await import(path.join(project, 'src/safety/dist-files.ts'));
const partPages = values['part-pages'] === undefined ? undefined : Number(values['part-pages']);

const work = mkdtempSync(path.join(tmpdir(), 'tsunagu-bench-pagefind-'));
const files = (dist: string) =>
  new Map<string, Buffer>(distFiles(path.join(dist, 'pagefind')).map((f: string) => [f, readFileSync(path.join(dist, 'pagefind', f))]));
async function index(label: string, site: string, cache: string): Promise<Map<string, Buffer>> {
  const dist = path.join(work, 'dist');
  rmSync(dist, { recursive: true, force: true });
  execFileSync('cp', ['-a', site, dist]);
  const cpu = process.cpuUsage();
  const report = await indexSite(dist, values.lang, path.join(work, cache), partPages);
  const used = process.cpuUsage(cpu);
  console.log(
    `${label.padEnd(22)} ${(report.ms / 1000).toFixed(2).padStart(6)} s (this process's CPU ${((used.user + used.system) / 1e6).toFixed(2)} s): ` +
      `${report.built} of ${report.parts} parts indexed, ${report.read ?? '?'} files read, ${report.pages} pages, load ${loadavg()[0].toFixed(1)}`,
  );
  return files(dist);
}
try {
  console.log(`tsunagu: ${project}`);
  await index('cold, before', before, 'cache');
  const rebuilt = await index('after the edit', after, 'cache');
  await index('again, no change', after, 'cache');
  const cold = await index('cold, after', after, 'cold-cache');
  const same = rebuilt.size === cold.size && [...cold].every(([file, bytes]) => rebuilt.get(file)?.equals(bytes));
  console.log(`The rebuilt index is ${same ? '' : 'NOT '}the cold one, byte for byte (${cold.size} files).`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
