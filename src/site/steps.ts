// The build steps as data: an ordered, named list, each declaring what it reads and what it gives. The order is
// checked before anything runs; the runner times each step, applies its tree replacements, collects its
// diagnostics, and can reuse a result cached under the hash of the step's inputs.
import type { Parent, Root, RootContent } from 'mdast';
import type { Diagnostic } from '../vault/types';
import { timed } from './timings';

/** One node of a note's tree exchanged for another: `path` is the child index at each level from the root. */
export interface Replacement {
  noteId: string;
  path: number[];
  node: RootContent;
}

/** One node exchanged for several (a text node split around links; a notice put before the first block). */
export interface Split {
  noteId: string;
  path: number[];
  nodes: RootContent[];
}

export interface StepResult<Output> {
  output: Output;
  /** Applied by the runner before the next step runs, from the last path to the first (a split moves no other). */
  replacements?: (Replacement | Split)[];
  diagnostics?: Diagnostic[];
  /** The notes whose trees a step that `rewritesTrees` changed. */
  rewrote?: string[];
}

/**
 * A build step. `needs` names the outputs of earlier steps it reads (and `trees` when it reads the note trees
 * as earlier steps left them); `gives` is the name its output is known by. A step that rewrites trees returns
 * replacements; one that cannot (`rewritesTrees`) changes them itself, and is never cached.
 */
export interface BuildStep<Outputs, Name extends keyof Outputs = keyof Outputs> {
  name: Name;
  needs: readonly (keyof Outputs | 'trees')[];
  rewritesTrees?: boolean;
  /**
   * A hash of everything the step reads: with a cache, a step whose inputs hash as before reuses its last result.
   * Absent: the step always runs.
   */
  inputHash?(outputs: Outputs): string;
  run(outputs: Outputs): StepResult<Outputs[Name]> | Promise<StepResult<Outputs[Name]>>;
}

/** Where results of earlier builds are kept (in memory for the dev server, on disk across builds). */
export interface StepCache {
  get(step: string, inputHash: string): StepResult<unknown> | undefined;
  set(step: string, inputHash: string, result: StepResult<unknown>): void;
}

/** Throws at start-up when a step reads what no earlier step gives, or two steps share a name. */
export function checkStepOrder<Outputs>(steps: readonly BuildStep<Outputs>[], given: readonly (keyof Outputs)[] = []): void {
  const available = new Set<keyof Outputs | 'trees'>([...given, 'trees']);
  for (const step of steps) {
    for (const need of step.needs) {
      if (!available.has(need)) throw new Error(`build step "${String(step.name)}" needs "${String(need)}", which no earlier step gives`);
    }
    if (available.has(step.name)) throw new Error(`build step "${String(step.name)}" is listed twice, or named like a given input`);
    available.add(step.name);
  }
}

export interface RunOptions {
  /** Exchanges one node of a note's tree (the runner does not know where trees live). */
  replace(replacement: Replacement | Split): void;
  /** Told which trees a step changed itself. */
  rewrote?(noteIds: string[]): void;
  cache?: StepCache;
}

/** Runs the steps in order; `outputs` starts with what was given and gains each step's output under its name. */
export async function runSteps<Outputs>(steps: readonly BuildStep<Outputs>[], outputs: Outputs, options: RunOptions): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const step of steps) {
    const name = String(step.name);
    const hash = options.cache && !step.rewritesTrees ? step.inputHash?.(outputs) : undefined;
    const cached = hash === undefined ? undefined : (options.cache!.get(name, hash) as StepResult<Outputs[typeof step.name]> | undefined);
    const result = cached ?? (await timed(name, () => step.run(outputs)));
    if (hash !== undefined && !cached) options.cache!.set(name, hash, result);
    for (const replacement of lastFirst(result.replacements ?? [])) options.replace(replacement);
    if (result.rewrote) options.rewrote?.(result.rewrote);
    diagnostics.push(...(result.diagnostics ?? []));
    outputs[step.name] = result.output;
  }
  return diagnostics;
}

/** Puts `replacement.node` (or a split's nodes) where `replacement.path` leads in `tree`. */
export function applyReplacement(tree: Root, replacement: Pick<Replacement, 'path' | 'node'> | Pick<Split, 'path' | 'nodes'>): void {
  let parent: Parent = tree;
  for (const index of replacement.path.slice(0, -1)) parent = parent.children[index] as Parent;
  const at = replacement.path.at(-1)!;
  if ('nodes' in replacement) parent.children.splice(at, 1, ...(replacement.nodes as Parent['children']));
  else parent.children[at] = replacement.node;
}

/** The order that keeps every path valid once splits move siblings: a later sibling (and what it holds) first. */
function lastFirst(replacements: (Replacement | Split)[]): (Replacement | Split)[] {
  if (!replacements.some((replacement) => 'nodes' in replacement)) return replacements;
  return [...replacements].sort((a, b) => comparePaths(b.path, a.path));
}

function comparePaths(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
