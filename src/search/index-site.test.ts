import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { distFiles } from '../safety/dist-files';
import { indexSite } from './index-site';

const tempDir = useTempDirs('tsunagu-index-');
const page = (text: string) =>
  `<!doctype html><html lang="en"><head><title>${text}</title></head><body><main data-pagefind-body><p>${text}</p></main></body></html>`;

function site(dist: string, pages: Record<string, string>): void {
  rmSync(dist, { recursive: true, force: true });
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), page(text));
  }
}
const index = (dist: string) => new Map(distFiles(path.join(dist, 'pagefind')).map((f) => [f, readFileSync(path.join(dist, 'pagefind', f))]));

describe('indexSite', () => {
  it('copies the last index when no page changed, and indexes again when one did', async () => {
    const work = tempDir();
    const dist = path.join(work, 'dist');
    const cache = path.join(work, 'cache');
    const pages = { 'index.html': 'harbour lighthouse', 'a/index.html': 'container registry' };
    site(dist, pages);
    expect(await indexSite(dist, 'en', cache)).toMatchObject({ pages: 2, reused: false });
    const first = index(dist);

    site(dist, pages);
    expect(await indexSite(dist, 'en', cache)).toMatchObject({ pages: 2, reused: true });
    expect(index(dist)).toEqual(first);

    site(dist, { ...pages, 'a/index.html': 'container image' });
    expect(await indexSite(dist, 'en', cache)).toMatchObject({ pages: 2, reused: false });
    expect(index(dist)).not.toEqual(first);
  }, 60_000);
});
