// The fuzzer, for local runs: `npm run fuzz -- --runs 500 [--seed 1000]`. Each case builds one mutated vault with
// the model (no Astro) and checks it (scripts/lib/fuzz-vault.ts). A failing case's changed files are kept under
// test/fixtures/fuzz/<seed>/ with what failed, and test/fuzz.test.ts builds them again on every test run.
import './lib/src-imports.ts';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { runFuzzCase } = await import('./lib/fuzz-vault.ts');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, seed: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
const first = Number(values.seed);
const workDir = mkdtempSync(path.join(tmpdir(), 'tsunagu-fuzz-'));
const fixtures = path.resolve(import.meta.dirname, '../test/fixtures/fuzz');
let failed = 0;
for (let seed = first; seed < first + runs; seed++) {
  const outcome = await runFuzzCase(seed, workDir);
  const what = outcome.fuzzCase.changes.map((c) => `${c.file}: ${c.mutation}`).join('; ');
  console.log(`seed ${seed} (${outcome.fuzzCase.base}) ${outcome.ms} ms ${outcome.failures.length ? 'FAILED' : 'ok'}: ${what}`);
  if (!outcome.failures.length) continue;
  failed++;
  for (const failure of outcome.failures) console.log(`  ${failure}`);
  const kept = path.join(fixtures, String(seed));
  mkdirSync(kept, { recursive: true });
  for (const change of outcome.fuzzCase.changes) {
    mkdirSync(path.dirname(path.join(kept, 'vault', change.file)), { recursive: true });
    cpSync(path.join(workDir, 'vault', change.file), path.join(kept, 'vault', change.file));
  }
  writeFileSync(path.join(kept, 'case.json'), `${JSON.stringify({ ...outcome.fuzzCase, failures: outcome.failures }, null, 2)}\n`);
}
console.log(`${runs} cases, ${failed} failed${failed ? ` (kept under ${path.relative(process.cwd(), fixtures)}/)` : ''}`);
process.exitCode = failed ? 1 : 0;
