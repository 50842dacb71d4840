// Evaluates parsed expressions for one row of one (base, `this`): properties, formulas (each computed once per row,
// cycles reported), operators. Functions live in functions.ts. Nothing here can reach files, code or the network.
import type { CallArgs, CallHost, EvaluatorOptions, Locals } from './calls';
import { addDuration, parseDuration } from './dates';
import { callGlobal, callMethod, memberOf } from './functions';
import type { Expr } from './parse-expression';
import { propertiesOf, propertyOf } from './snapshot';
import {
  BaseEvalError,
  compare,
  DateValue,
  DurationValue,
  type Entry,
  equals,
  ErrorValue,
  FileValue,
  fail,
  LinkValue,
  numberOf,
  RowValue,
  toText,
  truthy,
  type Value,
} from './values';

/** One FileValue per file: `file` is read in most expressions, for every row. */
function fileValue(entry: Entry): FileValue {
  entry.fileValue ??= new FileValue(entry);
  return entry.fileValue;
}

/** One evaluator per (base, `this`): formula results are cached per row for every view of that base. */
export class Evaluator implements CallHost {
  private readonly formulaCache = new Map<string, Map<string, Value>>();
  private readonly computing = new Set<string>();
  private randomState: number;
  private readonly thisValue: RowValue | null;

  constructor(readonly options: EvaluatorOptions) {
    this.randomState = options.now % 2147483647 || 1;
    this.thisValue = options.thisEntry ? new RowValue(options.thisEntry) : null;
  }

  /** Never throws: an error becomes an ErrorValue. */
  value(expr: Expr, row: Entry | undefined, locals?: Locals): Value {
    try {
      return this.eval(expr, row, locals);
    } catch (error) {
      return new ErrorValue(error instanceof BaseEvalError ? error.message : `evaluation failed (${String(error)})`);
    }
  }

  formula(name: string, row: Entry | undefined): Value {
    const rowKey = row?.id ?? '';
    const cached = this.formulaCache.get(rowKey)?.get(name);
    if (cached !== undefined) return cached;
    const formula = this.options.formulas.get(name);
    // An undefined formula is an empty column, as in Obsidian.
    if (formula === undefined) return null;
    if (formula instanceof ErrorValue) fail(formula.message);
    const key = `${rowKey}\0${name}`;
    if (this.computing.has(key)) fail(`formula “${name}” refers to itself (through other formulas); break the cycle`);
    this.computing.add(key);
    let result: Value;
    try {
      result = this.eval(formula, row, undefined);
    } finally {
      this.computing.delete(key);
    }
    (this.formulaCache.get(rowKey) ?? this.formulaCache.set(rowKey, new Map()).get(rowKey)!).set(name, result);
    return result;
  }

  random(): number {
    // A seeded generator (Park–Miller): one build, one sequence; no source of randomness reaches a page twice.
    this.randomState = (this.randomState * 16807) % 2147483647;
    return (this.randomState - 1) / 2147483646;
  }

  eval(expr: Expr, row: Entry | undefined, locals: Locals | undefined): Value {
    switch (expr.type) {
      case 'literal':
        return expr.value;
      case 'regexp':
        try {
          return new RegExp(expr.source, expr.flags);
        } catch {
          return fail(`/${expr.source}/${expr.flags} is not a valid regular expression`);
        }
      case 'list':
        return expr.items.map((item) => this.eval(item, row, locals));
      case 'object':
        return Object.fromEntries(expr.entries.map(([k, v]) => [k, this.eval(v, row, locals)]));
      case 'ident':
        return this.identifier(expr.name, row, locals);
      case 'member':
        return this.member(expr.object, expr.name, row, locals);
      case 'index': {
        const object = expr.object.type === 'ident' && !(locals && Object.hasOwn(locals, expr.object.name)) ? expr.object.name : undefined;
        const index = this.eval(expr.index, row, locals);
        if (object === 'note' || object === 'formula' || object === 'file') return this.scoped(object, toText(index), row);
        return indexOf(this.eval(expr.object, row, locals), index, this);
      }
      case 'call':
        return this.call(expr, row, locals);
      case 'unary': {
        const v = this.eval(expr.operand, row, locals);
        if (expr.op === '!') return !truthy(v);
        if (v === null) return null;
        if (typeof v === 'number') return -v;
        if (v instanceof DurationValue) return new DurationValue(-v.months, -v.ms);
        return -numberOf(v);
      }
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right, row, locals);
    }
  }

  private identifier(name: string, row: Entry | undefined, locals: Locals | undefined): Value {
    if (locals && Object.hasOwn(locals, name)) return locals[name];
    if (name === 'this') return this.thisValue;
    if (!row) return null;
    if (name === 'file') return fileValue(row);
    if (name === 'note') return propertiesOf(this.options.snapshot, row);
    if (name === 'formula') fail('“formula” needs a name: formula.name');
    return propertyOf(this.options.snapshot, row, name);
  }

  /** `note.x`, `file.x`, `formula.x` of the current row. */
  scoped(scope: 'note' | 'file' | 'formula', name: string, row: Entry | undefined): Value {
    if (!row) return null;
    if (scope === 'note') return propertyOf(this.options.snapshot, row, name);
    if (scope === 'formula') return this.formula(name, row);
    return memberOf(fileValue(row), name, this);
  }

  private member(objectExpr: Expr, name: string, row: Entry | undefined, locals: Locals | undefined): Value {
    if (objectExpr.type === 'ident' && !(locals && Object.hasOwn(locals, objectExpr.name))) {
      const scope = objectExpr.name;
      if (scope === 'note' || scope === 'file' || scope === 'formula') return this.scoped(scope, name, row);
      // `property.x` is the first beta's `note.x` (unless the note has a property named `property`).
      if (scope === 'property' && row && !Object.hasOwn(row.frontmatter, 'property')) return this.scoped('note', name, row);
    }
    return memberOf(this.eval(objectExpr, row, locals), name, this);
  }

  private call(expr: Extract<Expr, { type: 'call' }>, row: Entry | undefined, locals: Locals | undefined): Value {
    const args = new Args(this, expr.args, row, locals);
    if (expr.callee.type === 'ident') return callGlobal(this, expr.callee.name, args);
    if (expr.callee.type === 'member') return callMethod(this, this.eval(expr.callee.object, row, locals), expr.callee.name, args);
    fail('only functions and methods can be called');
  }

  private binary(op: string, leftExpr: Expr, rightExpr: Expr, row: Entry | undefined, locals: Locals | undefined): Value {
    if (op === '&&') {
      const left = this.eval(leftExpr, row, locals);
      return truthy(left) ? this.eval(rightExpr, row, locals) : left;
    }
    if (op === '||') {
      const left = this.eval(leftExpr, row, locals);
      return truthy(left) ? left : this.eval(rightExpr, row, locals);
    }
    const a = this.eval(leftExpr, row, locals);
    const b = this.eval(rightExpr, row, locals);
    return binaryOp(op, a, b);
  }
}

/** A call's arguments, evaluated on demand (`if` and lambdas evaluate only what they need). */
class Args implements CallArgs {
  constructor(
    private readonly ev: Evaluator,
    readonly exprs: Expr[],
    private readonly row: Entry | undefined,
    private readonly locals: Locals | undefined,
  ) {}
  at(i: number): Value {
    return i < this.exprs.length ? this.ev.eval(this.exprs[i], this.row, this.locals) : null;
  }
  all(): Value[] {
    return this.exprs.map((a) => this.ev.eval(a, this.row, this.locals));
  }
  /** Evaluates argument i with extra implicit variables (`value`, `index`, `acc`). */
  with(i: number, extra: Locals): Value {
    return this.ev.eval(this.exprs[i], this.row, { ...this.locals, ...extra });
  }
}

function binaryOp(op: string, a: Value, b: Value): Value {
  switch (op) {
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case '<':
    case '>':
    case '<=':
    case '>=': {
      // A missing value is neither smaller nor larger than anything: `price < 10` leaves notes without a price out.
      if (a === null || b === null) return false;
      const c = compare(a, b);
      if (c === undefined) return false;
      return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    case '+':
      if (a instanceof DateValue && (typeof b === 'string' || b instanceof DurationValue)) return addDuration(a, durationOf(b), 1);
      if (a instanceof DurationValue && b instanceof DurationValue) return new DurationValue(a.months + b.months, a.ms + b.ms);
      if (a instanceof DurationValue && b instanceof DateValue) return addDuration(b, a, 1);
      if (typeof a === 'string' || typeof b === 'string' || a instanceof LinkValue || b instanceof LinkValue) return toText(a) + toText(b);
      if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
      if (a === null || b === null) return null;
      return numberOf(a) + numberOf(b);
    case '-':
      if (a instanceof DateValue && b instanceof DateValue) return new DurationValue(0, a.ms - b.ms);
      if (a instanceof DateValue && (typeof b === 'string' || b instanceof DurationValue)) return addDuration(a, durationOf(b), -1);
      if (a instanceof DurationValue && b instanceof DurationValue) return new DurationValue(a.months - b.months, a.ms - b.ms);
      if (a === null || b === null) return null;
      return numberOf(a) - numberOf(b);
    case '*':
    case '/':
    case '%': {
      if (a === null || b === null) return null;
      if (a instanceof DurationValue && op !== '%') {
        const n = numberOf(b);
        return op === '*' ? new DurationValue(a.months * n, a.ms * n) : new DurationValue(a.months / n, a.ms / n);
      }
      const x = numberOf(a);
      const y = numberOf(b);
      return op === '*' ? x * y : op === '/' ? x / y : x % y;
    }
  }
  fail(`unknown operator ${op}`);
}

function durationOf(v: Value): DurationValue {
  return v instanceof DurationValue ? v : parseDuration(toText(v));
}

function indexOf(object: Value, index: Value, ev: Evaluator): Value {
  if (Array.isArray(object)) {
    const i = numberOf(index);
    return object[i < 0 ? object.length + i : i] ?? null;
  }
  if (typeof object === 'string') return object[numberOf(index)] ?? null;
  return memberOf(object, toText(index), ev);
}
