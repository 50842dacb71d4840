// View summaries: the built-ins (Average … Unique) and a base's own summary formulas over `values`.
import type { Evaluator } from './evaluate';
import { extreme, extremeDate, mean, median, numbers, stddev } from './functions';
import type { Expr } from './parse-expression';
import { BaseEvalError, DateValue, DurationValue, ErrorValue, equals, isEmpty, type Value } from './values';

type Builtin = (values: Value[]) => Value;

const BUILTINS: Record<string, Builtin> = {
  average: (v) => mean(numbers(v)),
  min: (v) => extreme(numbers(v), -1),
  max: (v) => extreme(numbers(v), 1),
  sum: (v) => numbers(v).reduce((a, b) => a + b, 0),
  range: (v) => {
    const earliest = extremeDate(v, -1);
    const latest = extremeDate(v, 1);
    if (earliest instanceof DateValue && latest instanceof DateValue) return new DurationValue(0, latest.ms - earliest.ms);
    const xs = numbers(v);
    return xs.length ? Math.max(...xs) - Math.min(...xs) : null;
  },
  median: (v) => median(numbers(v)),
  stddev: (v) => stddev(numbers(v)),
  earliest: (v) => extremeDate(v, -1),
  latest: (v) => extremeDate(v, 1),
  checked: (v) => v.filter((x) => x === true).length,
  unchecked: (v) => v.filter((x) => x === false).length,
  empty: (v) => v.filter(isEmpty).length,
  filled: (v) => v.filter((x) => !isEmpty(x)).length,
  unique: (v) => v.filter((x, i) => !isEmpty(x) && v.findIndex((y) => equals(x, y)) === i).length,
};

export function summarize(name: string, values: Value[], custom: Map<string, { expr: Expr | ErrorValue }>, ev: Evaluator): Value {
  const own = custom.get(name);
  if (own) return own.expr instanceof ErrorValue ? own.expr : ev.value(own.expr, undefined, { values });
  const builtin = BUILTINS[name.toLowerCase()];
  if (builtin && Object.hasOwn(BUILTINS, name.toLowerCase())) {
    try {
      return builtin(values);
    } catch (error) {
      return new ErrorValue(error instanceof BaseEvalError ? error.message : String(error));
    }
  }
  return new ErrorValue(
    `unknown summary “${name}” (Average, Min, Max, Sum, Range, Median, Stddev, Earliest, Latest, Checked, Unchecked, Empty, Filled, Unique, or one under summaries:)`,
  );
}
