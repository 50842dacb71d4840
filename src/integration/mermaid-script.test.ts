import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { mermaidScript } from './mermaid-script';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'config' | 'generateBundle') => plugin[name] as Hook;

/** What the build plugin emits: file name to text. */
function emitted(): Map<string, string> {
  const files = new Map<string, string>();
  const emitFile = ({ fileName, source }: { fileName: string; source: Uint8Array }) => files.set(fileName, Buffer.from(source).toString('utf8'));
  hook(mermaidScript('KEY', '/')[1], 'generateBundle').call({ emitFile });
  return files;
}

describe('mermaidScript', () => {
  it('points the client at the copy under base when built, and at node_modules under astro dev', () => {
    const define = (command: string) => (hook(mermaidScript('KEY', '/docs/')[0], 'config')({}, { command }) as { define: Record<string, string> }).define;
    expect(define('build')).toEqual({ 'import.meta.env.KEY': JSON.stringify('/docs/scripts/mermaid/mermaid.esm.min.mjs') });
    expect(JSON.parse(define('serve')['import.meta.env.KEY'])).toMatch(/^\/docs\/@fs\/.*\/node_modules\/mermaid\/dist\/mermaid\.esm\.min\.mjs$/);
  });

  it('copies the entry and every module it imports, statically or on demand, and no source maps', () => {
    const files = emitted();
    expect(files.has('scripts/mermaid/mermaid.esm.min.mjs')).toBe(true);
    expect([...files.keys()].filter((name) => name.endsWith('.map'))).toEqual([]);
    const missing: string[] = [];
    for (const [name, text] of files) {
      for (const [, specifier] of text.matchAll(/(?:from|import\(?)\s*"(\.\.?\/[^"]+)"/g)) {
        const target = new URL(specifier, `file:///${name}`).pathname.slice(1);
        if (!files.has(target)) missing.push(`${name} → ${specifier}`);
      }
    }
    expect(missing).toEqual([]);
    // Not vacuous: the entry loads its diagrams on demand.
    expect(files.get('scripts/mermaid/mermaid.esm.min.mjs')).toMatch(/import\("\.\/chunks\/mermaid\.esm\.min\/flowDiagram-/);
  });
});
