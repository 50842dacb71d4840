// Writes a deterministic generated vault (same seed, same files) for benchmarks and manual testing.
// Run: node --experimental-strip-types scripts/generate-vault.ts --notes 1000 --seed 1 --out /tmp/vault-1000
//      [--dataview-share 0.1] [--mermaid-share 0.005]
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, generateVault, writeVault } from './lib/generate-vault.ts';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: String(DEFAULT_OPTIONS.notes) },
    seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
    out: { type: 'string' },
    'dataview-share': { type: 'string', default: String(DEFAULT_OPTIONS.dataviewShare) },
    'mermaid-share': { type: 'string', default: String(DEFAULT_OPTIONS.mermaidShare) },
  },
});

if (!values.out) {
  console.error('Missing --out <folder>: where to write the vault (a new or empty folder).');
  process.exit(2);
}
const options = {
  notes: integer('notes', values.notes),
  seed: integer('seed', values.seed),
  dataviewShare: share('dataview-share', values['dataview-share']),
  mermaidShare: share('mermaid-share', values['mermaid-share']),
};
const files = generateVault(options);
writeVault(values.out, files);
console.log(`${files.length} files (${options.notes} notes) written to ${values.out}`);

function integer(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) fail(`--${name} must be a whole number, got '${text}'`);
  return value;
}

function share(name: string, text: string): number {
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) fail(`--${name} must be between 0 and 1, got '${text}'`);
  return value;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
