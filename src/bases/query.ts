// One view of one base for one `this`: filter (global AND view), sort, limit, group, summarize, and the cells of
// the ordered properties. Expressions are parsed once per base (compileBase) and evaluated over the snapshot.
import { Evaluator } from './evaluate';
import { sortCompare } from './functions';
import type { BaseModel, FilterNode, ViewModel } from './model';
import { type Expr, ExpressionSyntaxError, parseExpression } from './parse-expression';
import { type CompiledFilter, narrow } from './plan';
import { summarize } from './summaries';
import { DateValue, type Entry, ErrorValue, FileValue, LinkValue, type Snapshot, toText, truthy, typeName, type Value } from './values';

export interface Problem {
  /** 1-based line within the base's text. */
  line: number;
  message: string;
}

export interface CompiledBase {
  model: BaseModel;
  filters?: CompiledFilter;
  viewFilters: (CompiledFilter | undefined)[];
  formulas: Map<string, Expr | ErrorValue>;
  formulaLines: Map<string, number>;
  summaries: Map<string, { expr: Expr | ErrorValue; line: number }>;
  /** Syntax problems, found once per base. */
  problems: Problem[];
  /** Whether each view reads `this`: a view that does not is evaluated once for every page showing it. */
  viewUsesThis: boolean[];
  /** Whether an expression reads the clock (`now()`, `today()`, `relative()`, `random()`): the page says "as of". */
  usesClock: boolean;
}

export function compileBase(model: BaseModel): CompiledBase {
  const problems: Problem[] = [...model.problems];
  let usesThis = false;
  let usesClock = false;
  const compile = (text: string, line: number, what: string): Expr | ErrorValue => {
    try {
      const expr = parseExpression(text);
      if (someNode(expr, (e) => e.type === 'ident' && e.name === 'this')) usesThis = true;
      if (someNode(expr, readsClock)) usesClock = true;
      return expr;
    } catch (error) {
      const detail = error instanceof ExpressionSyntaxError ? `${error.message} at column ${error.column + 1}` : String(error);
      const message = `${what} “${text}” cannot be read: ${detail}`;
      problems.push({ line, message });
      return new ErrorValue(message);
    }
  };
  const compileFilter = (f: FilterNode | undefined): CompiledFilter | undefined => {
    if (!f) return undefined;
    if (f.kind === 'expr') return { kind: 'expr', expr: compile(f.text, f.line, 'filter'), line: f.line };
    return { kind: f.kind, items: f.items.map(compileFilter).filter((x) => x !== undefined), line: f.line };
  };
  const formulas = new Map([...model.formulas].map(([name, src]) => [name, compile(src.text, src.line, `formula ${name}:`)]));
  const formulasUseThis = usesThis;
  const filters = compileFilter(model.filters);
  const globalUsesThis = usesThis;
  const viewUsesThis: boolean[] = [];
  const viewFilters = model.views.map((view) => {
    usesThis = false;
    const compiled = compileFilter(view.filters);
    viewUsesThis.push(usesThis || globalUsesThis || formulasUseThis);
    return compiled;
  });
  const summaries = new Map([...model.summaries].map(([name, src]) => [name, { expr: compile(src.text, src.line, `summary ${name}:`), line: src.line }]));
  return {
    model,
    filters,
    viewFilters,
    formulas,
    formulaLines: new Map([...model.formulas].map(([name, src]) => [name, src.line])),
    summaries,
    problems,
    viewUsesThis,
    usesClock,
  };
}

function readsClock(e: Expr): boolean {
  if (e.type !== 'call') return false;
  if (e.callee.type === 'ident') return ['now', 'today', 'random'].includes(e.callee.name);
  return e.callee.type === 'member' && e.callee.name === 'relative';
}

function someNode(expr: Expr, test: (e: Expr) => boolean): boolean {
  if (test(expr)) return true;
  const any = (e: Expr) => someNode(e, test);
  switch (expr.type) {
    case 'list':
      return expr.items.some(any);
    case 'object':
      return expr.entries.some(([, v]) => any(v));
    case 'member':
      return any(expr.object);
    case 'index':
      return any(expr.object) || any(expr.index);
    case 'call':
      return any(expr.callee) || expr.args.some(any);
    case 'unary':
      return any(expr.operand);
    case 'binary':
      return any(expr.left) || any(expr.right);
    default:
      return false;
  }
}

export interface Row {
  entry: Entry;
  cells: Value[];
  image?: Value;
  /** Map views: the row's coordinates as [lat, lng], when its coordinates property holds a place. */
  place?: [number, number];
}

export interface Group {
  key: Value;
  rows: Row[];
  /** One per column; undefined where the view assigns no summary. */
  summaries?: (Value | undefined)[];
}

export interface ViewResult {
  view: ViewModel;
  columns: { id: string; label?: string }[];
  groups: Group[];
  /** Rows shown (after limit). */
  total: number;
  /** Problems met while evaluating (type errors, unknown functions, cycles), each once. */
  problems: Problem[];
}

export interface EvaluateOptions {
  snapshot: Snapshot;
  now: number;
  locale: string;
  baseFile: string;
  thisEntry: Entry | undefined;
}

type Report = (line: number, message: string) => void;

/** One base for one `this`: one evaluator (formulas computed once per row) and the files passing the base's own filters, for all its views. */
export class BaseRun {
  readonly ev: Evaluator;
  private candidates?: { entries: Entry[]; problems: Problem[] };

  constructor(
    readonly base: CompiledBase,
    readonly options: EvaluateOptions,
  ) {
    this.ev = new Evaluator({ ...options, formulas: base.formulas });
  }

  view(index: number): ViewResult {
    if (!this.candidates) {
      const problems = problemList();
      const entries = candidatesOf(this.base.filters, this.options, undefined).filter((entry) => passes(this.base.filters, entry, this.ev, problems.report));
      this.candidates = { entries, problems: problems.list() };
    }
    const viewFilter = this.base.viewFilters[index];
    const narrowed = viewFilter && candidatesOf(viewFilter, this.options, this.candidates.entries);
    return evaluateView(this.base, index, this.ev, narrowed ? { ...this.candidates, entries: narrowed } : this.candidates);
  }
}

/** The files a filter can pass, through indexes where it allows (plan.ts), in snapshot order. */
function candidatesOf(filter: CompiledFilter | undefined, options: EvaluateOptions, within: Entry[] | undefined): Entry[] {
  const all = within ?? options.snapshot.entries;
  const set = narrow(filter, options.snapshot, options.thisEntry);
  if (!set) return all;
  if (within) return within.filter((e) => set.has(e));
  return [...set].sort((a, b) => a.order - b.order);
}

/** One problem per line (one expression), the first one met: a formula failing on 1,000 rows is one diagnostic. */
function problemList(): { report: Report; list(): Problem[] } {
  const problems = new Map<number, Problem>();
  return {
    report: (line, message) => {
      if (!problems.has(line)) problems.set(line, { line, message });
    },
    list: () => [...problems.values()],
  };
}

function passes(f: CompiledFilter | undefined, entry: Entry, ev: Evaluator, report: Report): boolean {
  if (!f) return true;
  if (f.kind === 'expr') {
    if (f.expr instanceof ErrorValue) return false;
    const v = ev.value(f.expr, entry);
    if (v instanceof ErrorValue) {
      report(f.line, `filter: ${v.message}`);
      return false;
    }
    return truthy(v);
  }
  if (f.kind === 'and') return f.items.every((item) => passes(item, entry, ev, report));
  if (f.kind === 'or') return f.items.some((item) => passes(item, entry, ev, report));
  return !f.items.some((item) => passes(item, entry, ev, report));
}

function evaluateView(base: CompiledBase, index: number, ev: Evaluator, candidates: { entries: Entry[]; problems: Problem[] }): ViewResult {
  const view = base.model.views[index];
  const problems = problemList();
  const report = problems.report;
  const lineOfProperty = (id: string) => (id.startsWith('formula.') ? (base.formulaLines.get(id.slice(8)) ?? view.line) : view.line);
  const valueOf = (id: string, entry: Entry): Value => {
    const v = ev.value(propertyExpr(id), entry);
    if (v instanceof ErrorValue) report(lineOfProperty(id), `${id}: ${v.message}`);
    return v;
  };
  const viewFilter = base.viewFilters[index];
  let entries = viewFilter ? candidates.entries.filter((entry) => passes(viewFilter, entry, ev, report)) : candidates.entries;
  if (view.sort.length) {
    const keyed = entries.map((entry) => ({ entry, keys: view.sort.map((s) => valueOf(s.property, entry)) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < view.sort.length; i++) {
        const c = directed(a.keys[i], b.keys[i], view.sort[i].direction);
        if (c) return c;
      }
      return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
    });
    entries = keyed.map((k) => k.entry);
  }
  if (view.limit !== undefined) entries = entries.slice(0, view.limit);

  const columns = (view.order.length ? view.order : ['file.name']).map((id) => ({ id, label: base.model.displayNames.get(id) }));
  // A map lists only the places it can pin: a row without coordinates is in none of its lists, counts or summaries.
  const coordinates = view.coordinates;
  const shown: { entry: Entry; place?: [number, number] }[] =
    view.type !== 'map'
      ? entries.map((entry) => ({ entry }))
      : entries.flatMap((entry) => (coordinates ? placeOf(valueOf(coordinates, entry)).map((place) => ({ entry, place })) : []));
  const rows = shown.map(
    ({ entry, place }): Row => ({
      entry,
      cells: columns.map((c) => valueOf(c.id, entry)),
      ...(view.image ? { image: valueOf(view.image, entry) } : {}),
      ...(place ? { place } : {}),
    }),
  );

  let groups: Group[];
  if (view.groupBy) {
    const byKey = new Map<string, Group>();
    const groupBy = view.groupBy;
    for (const row of rows) {
      const key = valueOf(groupBy.property, row.entry);
      const k = groupKey(key);
      (byKey.get(k) ?? byKey.set(k, { key, rows: [] }).get(k)!).rows.push(row);
    }
    groups = [...byKey.values()].sort((a, b) => directed(a.key, b.key, groupBy.direction));
  } else groups = [{ key: null, rows }];

  if (view.summaries.size) {
    for (const group of groups) {
      group.summaries = columns.map((column, c) => {
        const name = view.summaries.get(column.id);
        if (!name) return undefined;
        const result = summarize(
          name,
          group.rows.map((r) => r.cells[c]),
          base.summaries,
          ev,
        );
        if (result instanceof ErrorValue) report(base.summaries.get(name)?.line ?? view.line, `summary ${name} of ${column.id}: ${result.message}`);
        return result;
      });
    }
  }
  return { view, columns, groups, total: rows.length, problems: [...base.problems, ...candidates.problems, ...problems.list()] };
}

/** `"lat, lng"` or `[lat, lng]` as a place (none, or one). */
function placeOf(v: Value): [number, number][] {
  const parts = Array.isArray(v) ? v.map(toText) : typeof v === 'string' ? v.split(',') : [];
  if (parts.length !== 2) return [];
  const [lat, lng] = parts.map((p) => Number(String(p).trim()));
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? [[lat, lng]] : [];
}

/** Nulls last in both directions; ties are left to the caller. */
function directed(a: Value, b: Value, direction: 'ASC' | 'DESC'): number {
  if (a === null || b === null || a instanceof ErrorValue || b instanceof ErrorValue) {
    const an = a === null || a instanceof ErrorValue;
    const bn = b === null || b instanceof ErrorValue;
    return an === bn ? 0 : an ? 1 : -1;
  }
  const c = sortCompare(a, b);
  return direction === 'DESC' ? -c : c;
}

function groupKey(v: Value): string {
  if (v instanceof LinkValue) return v.id ? `file:${v.id}` : `link:${v.target}`;
  if (v instanceof FileValue) return `file:${v.entry.id}`;
  if (v instanceof DateValue) return `date:${v.ms}`;
  if (Array.isArray(v)) return `list:${JSON.stringify(v.map(groupKey))}`;
  return `${typeName(v)}:${toText(v)}`;
}

const propertyExprs = new Map<string, Expr>();

/** `note.x` / `file.x` / `formula.x` as an expression (names with spaces are fine: no parsing). */
function propertyExpr(id: string): Expr {
  let expr = propertyExprs.get(id);
  if (!expr) {
    const dot = id.indexOf('.');
    expr = { type: 'member', object: { type: 'ident', name: id.slice(0, dot) }, name: id.slice(dot + 1) };
    propertyExprs.set(id, expr);
  }
  return expr;
}
