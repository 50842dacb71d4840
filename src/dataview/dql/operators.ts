// Dataview's binary operators by operand type (src/expression/binaryop.ts), and the error an expression raises:
// below the evaluator, so that the function library and the index use them without importing it.
import type { DateTime, Duration } from 'luxon';
import type { BinaryOp } from './ast';
import { compare, type DataObject, truthy, typeOf, type Value, valueToString } from './values';

export class EvaluationError extends Error {}

/** A date minus a date: a duration over every unit, normalised like Dataview's. */
function dateDifference(a: DateTime, b: DateTime): Duration {
  return a.diff(b, ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds']).normalize();
}

function noImplementation(left: Value, op: string, right: Value): never {
  throw new EvaluationError(`No implementation found for '${typeOf(left)} ${op} ${typeOf(right)}'`);
}

/** Dataview's binary operators by operand type (§7.4). */
export function binary(left: Value, op: BinaryOp, right: Value): Value {
  switch (op) {
    case '=':
      return compare(left, right) === 0;
    case '!=':
      return compare(left, right) !== 0;
    case '<':
      return compare(left, right) < 0;
    case '<=':
      return compare(left, right) <= 0;
    case '>':
      return compare(left, right) > 0;
    case '>=':
      return compare(left, right) >= 0;
    case '&':
      return truthy(left) && truthy(right);
    case '|':
      return truthy(left) || truthy(right);
  }
  const tl = typeOf(left);
  const tr = typeOf(right);
  if (tl === 'null' && tr === 'null') return null;
  if (op === '+' && (tl === 'string' || tr === 'string')) return valueToString(left) + valueToString(right);
  if (tl === 'number' && tr === 'number') {
    const a = left as number;
    const b = right as number;
    return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b;
  }
  if (op === '*' && (tl === 'string' || tr === 'string') && (tl === 'number' || tr === 'number')) {
    const [text, times] = tl === 'string' ? [left as string, right as number] : [right as string, left as number];
    return times > 0 ? text.repeat(Math.floor(times)) : '';
  }
  if (op === '+' && tl === 'array' && tr === 'array') return [...(left as Value[]), ...(right as Value[])];
  if (op === '+' && tl === 'object' && tr === 'object') return { ...(left as DataObject), ...(right as DataObject) };
  if (tl === 'date' && tr === 'date' && op === '-') return dateDifference(left as DateTime, right as DateTime);
  if (tl === 'date' && tr === 'duration' && (op === '+' || op === '-')) {
    return op === '+' ? (left as DateTime).plus(right as Duration) : (left as DateTime).minus(right as Duration);
  }
  if (tl === 'duration' && tr === 'date' && op === '+') return (right as DateTime).plus(left as Duration);
  if (tl === 'duration' && tr === 'duration' && (op === '+' || op === '-')) {
    return op === '+' ? (left as Duration).plus(right as Duration) : (left as Duration).minus(right as Duration);
  }
  if (tl === 'duration' && tr === 'number' && (op === '*' || op === '/')) {
    const n = right as number;
    return (left as Duration).mapUnits((x) => (op === '*' ? x * n : x / n));
  }
  if (tl === 'number' && tr === 'duration' && op === '*') return (right as Duration).mapUnits((x) => x * (left as number));
  if ((tl === 'date' && tr === 'null') || (tl === 'null' && tr === 'date')) return null;
  return noImplementation(left, op, right);
}
