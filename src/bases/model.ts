// A `.base` file (or ```base block) read into a typed model. Every expression keeps the line it was written on,
// so a bad one is reported at its place; unknown keys are ignored, as Obsidian ignores them.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface Source {
  text: string;
  line: number;
}

export type FilterNode = ({ kind: 'expr' } & Source) | { kind: 'and' | 'or' | 'not'; items: FilterNode[]; line: number };

export interface SortKey {
  property: string;
  direction: 'ASC' | 'DESC';
}

export interface ViewModel {
  type: string;
  name: string;
  line: number;
  filters?: FilterNode;
  /** Property ids, fully prefixed (`note.x`, `file.x`, `formula.x`). */
  order: string[];
  sort: SortKey[];
  groupBy?: SortKey;
  limit?: number;
  /** Property id → summary name (built-in or a top-level custom summary). */
  summaries: Map<string, string>;
  /** Cards: cover image property, fit and aspect ratio (height / width). */
  image?: string;
  imageFit: 'cover' | 'contain';
  imageAspectRatio: number;
  cardSize?: number;
  /** Map: the coordinates property. */
  coordinates?: string;
}

export interface BaseModel {
  filters?: FilterNode;
  formulas: Map<string, Source>;
  displayNames: Map<string, string>;
  summaries: Map<string, Source>;
  views: ViewModel[];
  /** Problems in the file itself (YAML syntax, wrong shapes): message and 1-based line within the text. */
  problems: { line: number; message: string }[];
}

/** Reads base YAML; never throws. `text` is the file (or block) content; lines are 1-based within it. */
export function readBase(text: string): BaseModel {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const model: BaseModel = { formulas: new Map(), displayNames: new Map(), summaries: new Map(), views: [], problems: [] };
  for (const error of doc.errors) model.problems.push({ line: error.linePos?.[0].line ?? 1, message: `YAML: ${error.message.split('\n')[0]}` });
  if (doc.errors.length) return model;
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return model;
  if (!isMap(root)) {
    model.problems.push({ line: lineOf(root), message: 'a base is a YAML map (filters, formulas, properties, summaries, views)' });
    return model;
  }

  const filter = (node: unknown): FilterNode | undefined => {
    if (node === undefined || node === null) return undefined;
    if (isScalar(node)) {
      if (node.value === null || node.value === '') return undefined;
      return { kind: 'expr', text: String(node.value), line: lineOf(node) };
    }
    if (isMap(node) && node.items.length === 1) {
      const pair = node.items[0];
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === 'and' || key === 'or' || key === 'not') {
        const items = isSeq(pair.value) ? pair.value.items.map(filter).filter((f) => f !== undefined) : [];
        if (!isSeq(pair.value) && pair.value !== null && !(isScalar(pair.value) && pair.value.value === null))
          model.problems.push({ line: lineOf(pair.value as Node), message: `“${key}:” takes a list of conditions` });
        return { kind: key, items, line: lineOf(pair.key as Node) };
      }
    }
    model.problems.push({
      line: lineOf(node as Node),
      message: 'a filter is an expression string or a map with one key, and/or/not, holding a list; this one is ignored',
    });
    return undefined;
  };

  const stringMap = (node: unknown, into: Map<string, Source>, what: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name === undefined) continue;
      if (isScalar(pair.value) && pair.value.value !== null) into.set(name, { text: String(pair.value.value), line: lineOf(pair.value) });
      else model.problems.push({ line: lineOf(pair.key as Node), message: `${what} “${name}” is not an expression string` });
    }
  };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (key === 'filters') model.filters = filter(value);
    else if (key === 'formulas') stringMap(value, model.formulas, 'formula');
    else if (key === 'summaries') stringMap(value, model.summaries, 'summary');
    else if ((key === 'properties' || key === 'display') && isMap(value)) {
      for (const prop of value.items) {
        const id = isScalar(prop.key) ? propertyId(String(prop.key.value)) : undefined;
        if (!id) continue;
        // `display:` (older files) maps straight to a label.
        const label = isMap(prop.value) ? prop.value.get('displayName') : isScalar(prop.value) ? prop.value.value : undefined;
        if (label !== undefined && label !== null) model.displayNames.set(id, String(label));
      }
    } else if (key === 'views') {
      if (!isSeq(value)) {
        model.problems.push({ line: lineOf(pair.key as Node), message: '“views:” is a list of views' });
        continue;
      }
      value.items.forEach((item, i) => {
        if (!isMap(item)) {
          model.problems.push({ line: lineOf(item as Node), message: 'a view is a map with type, name, order…; this one is ignored' });
          return;
        }
        const plain = item.toJS(doc, { maxAliasCount: 100 }) as Record<string, unknown>;
        const view: ViewModel = {
          type: typeof plain.type === 'string' ? plain.type : 'table',
          name: plain.name != null ? String(plain.name) : `View ${i + 1}`,
          line: lineOf(item),
          filters: filter(item.get('filters', true)),
          order: Array.isArray(plain.order) ? plain.order.filter((x) => x != null).map((x) => propertyId(String(x))) : [],
          sort: Array.isArray(plain.sort) ? plain.sort.map(sortKey).filter((s) => s !== undefined) : [],
          groupBy: sortKey(plain.groupBy),
          limit: typeof plain.limit === 'number' && plain.limit > 0 ? Math.floor(plain.limit) : undefined,
          summaries: new Map(
            plain.summaries && typeof plain.summaries === 'object'
              ? Object.entries(plain.summaries as Record<string, unknown>).map(([id, name]) => [propertyId(id), String(name)])
              : [],
          ),
          image: typeof plain.image === 'string' && plain.image ? propertyId(plain.image) : undefined,
          imageFit: plain.imageFit === 'contain' ? 'contain' : 'cover',
          imageAspectRatio: typeof plain.imageAspectRatio === 'number' && plain.imageAspectRatio > 0 ? plain.imageAspectRatio : 1,
          cardSize: typeof plain.cardSize === 'number' && plain.cardSize > 0 ? plain.cardSize : undefined,
          coordinates: typeof plain.coordinates === 'string' ? propertyId(plain.coordinates) : undefined,
        };
        model.views.push(view);
      });
    }
  }
  return model;
}

/** `status` → `note.status`; `file.x`, `formula.x`, `note.x` as written; the first beta's `property.x` → `note.x`. */
function propertyId(id: string): string {
  const trimmed = id.trim();
  if (trimmed.startsWith('property.')) return `note.${trimmed.slice(9)}`;
  return /^(note|file|formula)\./.test(trimmed) ? trimmed : `note.${trimmed}`;
}

function sortKey(v: unknown): SortKey | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  // Older files write `column:` instead of `property:`.
  const property = o.property ?? o.column;
  if (typeof property !== 'string' || !property) return undefined;
  return { property: propertyId(property), direction: String(o.direction).toUpperCase() === 'DESC' ? 'DESC' : 'ASC' };
}
