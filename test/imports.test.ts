// The import graph of src/ as the README's architecture section draws it: no file imports itself back through
// others, the model never imports the site, the pages or Astro, and src/markdown imports nothing from src/vault.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(?:ts|astro)$/.test(entry) && !entry.endsWith('.test.ts') ? [file] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?\bfrom\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm;

function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, path.join(base, 'index.ts')].find((file) => existsSync(file) && statSync(file).isFile());
}

/** File (relative to the project) → the files of the tree it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((match) => resolve(file, match[1] ?? match[2]))
      .filter((target): target is string => target !== undefined);
    graph.set(
      path.relative(ROOT, file),
      targets.map((target) => path.relative(ROOT, target)),
    );
  }
  return graph;
}

/** One import loop of the graph, as the files along it, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): string[] | undefined => {
    const at = onPath.indexOf(file);
    if (at !== -1) return [...onPath.slice(at), file];
    if (done.has(file)) return undefined;
    onPath.push(file);
    for (const target of graph.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(file);
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

const graph = importGraph();
const imports = (from: string, to: string) =>
  [...graph].flatMap(([file, targets]) => (file.startsWith(from) ? targets.filter((t) => t.startsWith(to)).map((t) => `${file} → ${t}`) : []));

/** Where the model ends: Astro's pages, layouts and components, the integrations, the client scripts and SiteData. */
const ABOVE_THE_MODEL = ['src/site/', 'src/pages/', 'src/components/', 'src/layouts/', 'src/integration/', 'src/scripts/'];
const MODEL = ['yaml', 'config', 'i18n', 'html', 'safety', 'markdown', 'vault', 'canvas', 'graph', 'glossary', 'dataview', 'bases', 'kinds'];

describe('import graph', () => {
  it('reads the tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/vault/load.ts')).toContain('src/markdown/parse.ts');
  });

  it('has no cycle', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('finds a cycle where there is one', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
  });

  it('has no arrow from the model up into the site, the pages or the integrations', () => {
    for (const folder of MODEL) {
      for (const above of ABOVE_THE_MODEL) expect(imports(`src/${folder}/`, above)).toEqual([]);
    }
    expect(imports('src/search/', 'src/site/')).toEqual([]);
  });

  it('runs one way between src/vault and src/markdown', () => {
    expect(imports('src/vault/', 'src/markdown/').length).toBeGreaterThan(0);
    expect(imports('src/markdown/', 'src/vault/')).toEqual([]);
  });

  it('keeps Astro out of the model', () => {
    for (const folder of MODEL) {
      const astro = [...graph.keys()].filter(
        (file) => file.startsWith(`src/${folder}/`) && /from ['"]astro[:'"]/.test(readFileSync(path.join(ROOT, file), 'utf8')),
      );
      expect(astro).toEqual([]);
    }
  });
});
