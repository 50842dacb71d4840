// Evaluates Dataview expression trees (obsidian-dataview's grammar) over one row: variables, indexing, lambdas and
// the function library; the operators are in operators.ts.
import type { Field } from './ast';
import { FUNCTIONS } from './functions';
import { binary, EvaluationError } from './operators';
import { index } from './indexing';
import { fromParsed } from './parsed';
import type { Context } from './vault-index';
import { type DataObject, type Lambda, Link, truthy, typeOf, type Value } from './values';

const isRowVariable = (field: Field) => field.type === 'variable' && field.name === 'row';

export function evaluate(field: Field, row: DataObject, ctx: Context): Value {
  switch (field.type) {
    case 'literal':
      return literal(field.value, ctx);
    case 'variable':
      if (field.name in row) return row[field.name] ?? null;
      if (field.name === 'this') return ctx.thisRow;
      return null;
    case 'list':
      return field.values.map((v) => evaluate(v, row, ctx));
    case 'object':
      return Object.fromEntries(Object.entries(field.values).map(([k, v]) => [k, evaluate(v, row, ctx)]));
    case 'negated':
      return !truthy(evaluate(field.child, row, ctx));
    case 'index':
      // `row` names the row only as the object indexed (row.x, row["x y"]), with `this` beside its fields.
      return index(isRowVariable(field.object) ? { this: ctx.thisRow, ...row } : evaluate(field.object, row, ctx), evaluate(field.index, row, ctx), ctx);
    case 'lambda':
      return ((...args: Value[]) => {
        const scope: DataObject = { ...row };
        field.arguments.forEach((name, i) => {
          scope[name] = args[i] ?? null;
        });
        return evaluate(field.value, scope, ctx);
      }) as Lambda;
    case 'function': {
      if (typeof field.func === 'string' || (field.func.type === 'variable' && field.func.name in FUNCTIONS)) {
        const name = typeof field.func === 'string' ? field.func : field.func.type === 'variable' ? field.func.name : '';
        const fn = FUNCTIONS[name];
        if (!fn) throw new EvaluationError(`Unrecognized function name '${name}'`);
        // meta() shows a [[literal]] as written: Dataview resolves a literal only to compare it or index into it.
        const args = field.arguments.map((a) => (name === 'meta' && a.type === 'literal' ? writtenLiteral(a.value) : evaluate(a, row, ctx)));
        return fn(ctx, ...args);
      }
      const args = field.arguments.map((a) => evaluate(a, row, ctx));
      const fn = evaluate(field.func, row, ctx);
      if (typeof fn !== 'function') {
        const name = field.func.type === 'variable' ? field.func.name : typeOf(fn);
        throw new EvaluationError(`Unrecognized function name '${name}'`);
      }
      return fn(...args);
    }
    case 'binaryop': {
      const left = evaluate(field.left, row, ctx);
      if (field.op === '&') return truthy(left) && truthy(evaluate(field.right, row, ctx));
      if (field.op === '|') return truthy(left) || truthy(evaluate(field.right, row, ctx));
      return binary(left, field.op, evaluate(field.right, row, ctx));
    }
  }
}

const literalCache = new WeakMap<object, Value>();
function writtenLiteral(value: unknown): Value {
  if (typeof value !== 'object' || value === null) return (value ?? null) as Value;
  let converted = literalCache.get(value);
  if (converted === undefined) literalCache.set(value, (converted = fromParsed(value)));
  return converted;
}

function literal(value: unknown, ctx: Context): Value {
  const converted = writtenLiteral(value);
  // `[[Note]]` literals resolve from the querying note; `[[]]` is the note itself.
  return converted instanceof Link ? ctx.index.resolveLink(converted, ctx.originPath) : converted;
}
