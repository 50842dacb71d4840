import path from 'node:path';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { distFiles } from '../safety/dist-files';
import { indexFiles } from './pagefind-meta';

const tempDir = useTempDirs('tsunagu-pagefind-meta-');

describe('indexFiles', () => {
  it('lists the metadata and every page, word and filter chunk of an index Pagefind wrote, and no other file', async () => {
    const output = path.join(tempDir(), 'pagefind');
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    try {
      // Enough words for several word chunks (Pagefind starts a chunk every 20,000 word positions).
      const words = (i: number) => Array.from({ length: 3000 }, (_, j) => `w${i}x${j}`).join(' ');
      for (let i = 0; i < 12; i++) {
        await index!.addHTMLFile({
          url: `/n${i}/`,
          content: `<html lang="en"><body><main data-pagefind-body><h1>Note ${i}</h1><p data-pagefind-filter="tag">t${i % 3}</p><p>${words(i)}</p></main></body></html>`,
        });
      }
      await index!.writeFiles({ outputPath: output });
    } finally {
      await pagefind.close();
    }
    const chunks = distFiles(output).filter((file) => /^(fragment|index|filter)\/|\.pf_meta$/.test(file));
    expect(chunks.filter((file) => file.startsWith('fragment/'))).toHaveLength(12);
    expect(chunks.filter((file) => file.startsWith('index/')).length).toBeGreaterThan(1);
    expect(chunks.filter((file) => file.startsWith('filter/'))).toHaveLength(1);
    expect([...indexFiles(output)].sort()).toEqual(chunks);
  }, 60_000);
});
