// Two builds of the same vault give the same bytes: every HTML page and graph.json, apart from the content hashes
// in Astro's asset names.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

const vault = path.resolve(import.meta.dirname, 'fixtures/vaults/leaks/vault');
const config = path.resolve(import.meta.dirname, 'fixtures/vaults/leaks/tsunagu.config.yaml');
let first: BuiltSite;
let second: BuiltSite;

beforeAll(async () => {
  [first, second] = await Promise.all([buildVault(vault, { TSUNAGU_CONFIG: config }), buildVault(vault, { TSUNAGU_CONFIG: config })]);
});

const compared = (site: BuiltSite) =>
  site
    .files()
    .filter((f) => f.endsWith('.html') || f === 'graph.json')
    .sort();
const withoutAssetHashes = (text: string) => text.replace(/(\/_astro\/[^"'\s]*?)\.[\w-]{8}\.(js|css)/g, '$1.HASH.$2');

describe('determinism', () => {
  it('writes the same pages and graph.json on every build', () => {
    expect(compared(second)).toEqual(compared(first));
    expect(compared(first).length).toBeGreaterThan(5);
    for (const file of compared(first)) expect(withoutAssetHashes(second.read(file)), file).toBe(withoutAssetHashes(first.read(file)));
  });
});
