// What the function library (functions.ts) is handed by the evaluator (evaluate.ts) that calls it, declared below
// both so that the library does not import the evaluator back.
import type { Expr } from './parse-expression';
import type { Entry, ErrorValue, Snapshot, Value } from './values';

export interface EvaluatorOptions {
  snapshot: Snapshot;
  /** The build's clock: `now()`, `today()`, `relative()` and `random()` see one value per build. */
  now: number;
  locale: string;
  /** The file the base is written in (a `.base` file, or the note holding a ```base block): `link("x")` resolves from it. */
  baseFile: string;
  /** `this`: the page showing the base (undefined when that page is not in the snapshot). */
  thisEntry: Entry | undefined;
  formulas: Map<string, Expr | ErrorValue>;
}

export type Locals = Record<string, Value>;

/** A call's arguments, evaluated on demand (`if` and lambdas evaluate only what they need). */
export interface CallArgs {
  readonly exprs: Expr[];
  at(i: number): Value;
  all(): Value[];
  /** Evaluates argument i with extra implicit variables (`value`, `index`, `acc`). */
  with(i: number, extra: Locals): Value;
}

/** What a function may ask of the evaluator calling it. */
export interface CallHost {
  readonly options: EvaluatorOptions;
  formula(name: string, row: Entry | undefined): Value;
  random(): number;
}
