// Narrowing a filter through indexes before evaluating it: `file.hasTag("x")`, `file.hasLink(this)`,
// `this.file.hasLink(file)`, `prop.contains(this)`, `prop == this` each name a small set of files that holds every
// match. The filter is still evaluated on each candidate, so narrowing only skips files that cannot match.
import type { Expr } from './parse-expression';
import { linkedIds, propertyOf } from './snapshot';
import { type Entry, ErrorValue, FileValue, LinkValue, RowValue, type Snapshot, type Value } from './values';

interface Indexes {
  linkedFrom?: Map<string, Set<Entry>>;
  tags?: Map<string, Set<Entry>>;
  propertyLinks: Map<string, Map<string, Set<Entry>>>;
}
const indexes = new WeakMap<Snapshot, Indexes>();

/** A base's or a view's filter with its expressions parsed (query.ts compiles it). */
export type CompiledFilter = { kind: 'expr'; expr: Expr | ErrorValue; line: number } | { kind: 'and' | 'or' | 'not'; items: CompiledFilter[]; line: number };

/** A set of files holding every file that can pass `filter`, or undefined when no index applies. */
export function narrow(filter: CompiledFilter | undefined, snapshot: Snapshot, self: Entry | undefined): Set<Entry> | undefined {
  if (!filter) return undefined;
  if (filter.kind === 'expr') return filter.expr instanceof ErrorValue ? undefined : narrowExpr(filter.expr, snapshot, self);
  if (filter.kind === 'and') {
    let best: Set<Entry> | undefined;
    for (const item of filter.items) {
      const set = narrow(item, snapshot, self);
      if (set && (!best || set.size < best.size)) best = set;
    }
    return best;
  }
  if (filter.kind === 'or') {
    const union = new Set<Entry>();
    for (const item of filter.items) {
      const set = narrow(item, snapshot, self);
      if (!set) return undefined;
      for (const e of set) union.add(e);
    }
    return union;
  }
  return undefined;
}

function narrowExpr(expr: Expr, snapshot: Snapshot, self: Entry | undefined): Set<Entry> | undefined {
  if (expr.type === 'binary' && expr.op === '||') {
    const a = narrowExpr(expr.left, snapshot, self);
    const b = a && narrowExpr(expr.right, snapshot, self);
    return a && b ? new Set([...a, ...b]) : undefined;
  }
  if (expr.type === 'binary' && expr.op === '&&') {
    const a = narrowExpr(expr.left, snapshot, self);
    const b = narrowExpr(expr.right, snapshot, self);
    return a && b ? (a.size < b.size ? a : b) : (a ?? b);
  }
  if (expr.type === 'binary' && expr.op === '==') {
    const property = isThis(expr.right) ? propertyName(expr.left) : isThis(expr.left) ? propertyName(expr.right) : undefined;
    return property && self ? propertyLinks(snapshot, property).get(self.id) : undefined;
  }
  if (expr.type !== 'call' || expr.callee.type !== 'member') return undefined;
  const { object, name } = expr.callee;
  const [arg] = expr.args;
  if (name === 'hasTag' && isIdent(object, 'file') && expr.args.length && expr.args.every((a) => a.type === 'literal' && typeof a.value === 'string')) {
    const union = new Set<Entry>();
    for (const a of expr.args)
      for (const e of tagIndex(snapshot).get(
        String((a as { value: string }).value)
          .replace(/^#/, '')
          .toLowerCase(),
      ) ?? [])
        union.add(e);
    return union;
  }
  if (name === 'hasLink' && expr.args.length === 1) {
    if (isIdent(object, 'file') && isThis(arg)) return self ? (linkedFrom(snapshot).get(self.id) ?? new Set()) : new Set();
    if (isThis(object) && isIdent(arg, 'file')) return self ? new Set([...linkedIds(self)].flatMap((id) => snapshot.byId.get(id) ?? [])) : new Set();
  }
  if (name === 'contains' && expr.args.length === 1 && isThis(arg)) {
    const list = object.type === 'call' && isIdent(object.callee, 'list') && object.args.length === 1 ? object.args[0] : object;
    const property = propertyName(list);
    if (property) return self ? (propertyLinks(snapshot, property).get(self.id) ?? new Set()) : new Set();
  }
  return undefined;
}

function isIdent(e: Expr | undefined, name: string): boolean {
  return e?.type === 'ident' && e.name === name;
}

/** `this` or `this.file`. */
function isThis(e: Expr | undefined): boolean {
  return isIdent(e, 'this') || (e?.type === 'member' && e.name === 'file' && isIdent(e.object, 'this'));
}

/** A note property: bare `x` or `note.x` (not `file`, `formula`, `this`, lambda variables). */
function propertyName(e: Expr): string | undefined {
  if (e.type === 'ident' && !['file', 'note', 'formula', 'this', 'value', 'index', 'acc', 'values'].includes(e.name)) return e.name;
  if (e.type === 'member' && isIdent(e.object, 'note')) return e.name;
  return undefined;
}

function of(snapshot: Snapshot): Indexes {
  let found = indexes.get(snapshot);
  if (!found) indexes.set(snapshot, (found = { propertyLinks: new Map() }));
  return found;
}

function add(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  (map.get(key) ?? map.set(key, new Set()).get(key)!).add(entry);
}

/** File id → the files linking to or embedding it (what `hasLink` sees). */
function linkedFrom(snapshot: Snapshot): Map<string, Set<Entry>> {
  const ix = of(snapshot);
  if (!ix.linkedFrom) {
    ix.linkedFrom = new Map();
    for (const entry of snapshot.entries) for (const id of linkedIds(entry)) add(ix.linkedFrom, id, entry);
  }
  return ix.linkedFrom;
}

/** Lower-cased tag and each of its parents (`a/b/c` → `a`, `a/b`, `a/b/c`) → files: `hasTag` matches nested tags. */
function tagIndex(snapshot: Snapshot): Map<string, Set<Entry>> {
  const ix = of(snapshot);
  if (!ix.tags) {
    ix.tags = new Map();
    for (const entry of snapshot.entries)
      for (const tag of entry.tags) {
        const parts = tag.toLowerCase().split('/');
        for (let i = 1; i <= parts.length; i++) add(ix.tags, parts.slice(0, i).join('/'), entry);
      }
  }
  return ix.tags;
}

/** For one property: linked file id → files whose property (a link, or a list holding one) leads there. */
function propertyLinks(snapshot: Snapshot, property: string): Map<string, Set<Entry>> {
  const ix = of(snapshot);
  let map = ix.propertyLinks.get(property);
  if (!map) {
    const found = new Map<string, Set<Entry>>();
    const visit = (entry: Entry, v: Value) => {
      if (Array.isArray(v)) for (const x of v) visit(entry, x);
      else if (v instanceof LinkValue && v.id) add(found, v.id, entry);
      else if ((v instanceof FileValue || v instanceof RowValue) && v.entry) add(found, v.entry.id, entry);
    };
    for (const entry of snapshot.entries) visit(entry, propertyOf(snapshot, entry, property));
    ix.propertyLinks.set(property, (map = found));
  }
  return map;
}
