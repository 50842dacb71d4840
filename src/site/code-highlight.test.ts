import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { parseFragment } from '../markdown/parse';
import { highlightCodeBlocks, shikiLanguage } from './code-highlight';
import { applyReplacement } from './steps';

const cacheDir = useTempDirs('tsunagu-code-');

describe('languages by Obsidian names', () => {
  test('aliases resolve to Shiki grammars; unknown and evaluated fences stay plain', () => {
    expect(['js', 'ts', 'sh', 'yml', 'Dockerfile', 'docker', 'diff', 'sql', 'svg'].map(shikiLanguage)).toEqual([
      'javascript',
      'typescript',
      'shellscript',
      'yaml',
      'docker',
      'docker',
      'diff',
      'sql',
      'xml',
    ]);
    for (const lang of ['mermaid', 'dataview', 'dataviewjs', 'base', 'nosuchlanguage', '', undefined]) expect(shikiLanguage(lang)).toBeUndefined();
  });
});

describe('the code step', () => {
  test('highlights known languages in both themes, leaves the rest, and caches by content', async () => {
    const dir = cacheDir();
    const markdown = '```ts\nconst a = 1;\n```\n\n```nosuch\nplain\n```\n\n```mermaid\ngraph TD\n```';
    const notes = [{ id: 'a.md', tree: parseFragment(markdown) }];
    for (const replacement of (await highlightCodeBlocks(notes, { cacheDir: dir })).replacements) applyReplacement(notes[0].tree, replacement);
    const [ts, unknown, mermaid] = notes[0].tree.children;
    expect(ts.type).toBe('html');
    expect((ts as { value: string }).value).toMatch(
      /<pre class="shiki[^"]*"[^>]*><code><span class="line"><span style="--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}">const/i,
    );
    expect(unknown.type).toBe('code');
    expect(mermaid.type).toBe('code');
    expect(readdirSync(dir)).toHaveLength(1);
    const again = [{ id: 'b.md', tree: parseFragment(markdown) }];
    for (const replacement of (await highlightCodeBlocks(again, { cacheDir: dir })).replacements) applyReplacement(again[0].tree, replacement);
    expect(again[0].tree.children[0]).toEqual(ts);
  });
});
