import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../markdown/parse';
import { BUILD_STEPS, GIVEN } from './build-steps';
import { applyReplacement, type BuildStep, checkStepOrder, runSteps, type StepCache, type StepResult } from './steps';

interface Model {
  tree: Root;
  count: number;
  doubled: number;
}

const count: BuildStep<Model> = { name: 'count', needs: ['tree'], run: ({ tree }) => ({ output: tree.children.length }) };
const doubled: BuildStep<Model> = { name: 'doubled', needs: ['count'], run: ({ count }) => ({ output: count * 2 }) };

describe('build steps', () => {
  it("the build's own list is in an order where every step finds what it needs", () => {
    expect(() => checkStepOrder(BUILD_STEPS, GIVEN)).not.toThrow();
    expect(BUILD_STEPS.map((step) => step.name)).toEqual([
      'load',
      'publish',
      'limitNotices',
      'graph',
      'dataview',
      'bases',
      'mermaid',
      'math',
      'code',
      'glossary',
      'sections',
    ]);
  });

  it('refuses, before anything runs, a step that needs what no earlier step gives, and a name used twice', () => {
    expect(() => checkStepOrder([doubled, count], ['tree'])).toThrow('build step "doubled" needs "count", which no earlier step gives');
    expect(() => checkStepOrder([count, count], ['tree'])).toThrow('build step "count" is listed twice');
    expect(() => checkStepOrder([count, doubled], ['tree'])).not.toThrow();
  });

  it('runs the steps in order, each seeing the outputs before it; applies replacements; collects diagnostics', async () => {
    const tree = parseFragment('a\n\n> ```x\n> code\n> ```\n');
    const replace: BuildStep<Model> = {
      name: 'count',
      needs: ['tree'],
      run: () => ({
        output: 1,
        replacements: [{ noteId: 'n.md', path: [1, 0], node: { type: 'html', value: '<b>done</b>' } }],
        diagnostics: [{ file: 'n.md', line: 3, severity: 'warning', message: 'replaced' }],
      }),
    };
    const model = { tree } as Model;
    const diagnostics = await runSteps([replace, doubled], model, { replace: (r) => applyReplacement(model.tree, r) });
    expect(model.doubled).toBe(2);
    expect(diagnostics).toEqual([{ file: 'n.md', line: 3, severity: 'warning', message: 'replaced' }]);
    expect(tree.children[1]).toMatchObject({ type: 'blockquote', children: [{ type: 'html', value: '<b>done</b>' }] });
  });

  it('applies splits from the last path to the first, so that each lands where the step saw its node', async () => {
    const tree = parseFragment('a *b* c\n\nd');
    const text = (value: string) => ({ type: 'text' as const, value });
    const split: BuildStep<Model> = {
      name: 'count',
      needs: ['tree'],
      // In document order, as a step finds them: `a `, then ` c` in the same paragraph, then `d` in the next.
      run: () => ({
        output: 0,
        replacements: [
          { noteId: 'n.md', path: [0, 0], nodes: [text('A1'), text('A2')] },
          { noteId: 'n.md', path: [0, 2], nodes: [text('C1'), text('C2'), text('C3')] },
          { noteId: 'n.md', path: [1, 0], node: text('D') },
        ],
      }),
    };
    await runSteps([split], { tree } as Model, { replace: (r) => applyReplacement(tree, r) });
    const values = (node: { children?: unknown[]; value?: string }): string[] =>
      node.value !== undefined ? [node.value] : (node.children ?? []).flatMap((child) => values(child as typeof node));
    expect(values(tree)).toEqual(['A1', 'A2', 'b', 'C1', 'C2', 'C3', 'D']);
  });

  it('reuses a cached result when the inputs hash as before, and runs again when they do not', async () => {
    const stored = new Map<string, StepResult<unknown>>();
    const cache: StepCache = { get: (step, hash) => stored.get(`${step}:${hash}`), set: (step, hash, result) => stored.set(`${step}:${hash}`, result) };
    let runs = 0;
    const hashed: BuildStep<Model> = {
      ...doubled,
      inputHash: ({ count }) => String(count),
      run: ({ count }) => {
        runs++;
        return { output: count * 2 };
      },
    };
    for (const n of [3, 3, 4]) {
      const model = { count: n } as Model;
      await runSteps([hashed], model, { replace: () => {}, cache });
      expect(model.doubled).toBe(n * 2);
    }
    expect(runs).toBe(2);
  });
});
