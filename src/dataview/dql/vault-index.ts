// The published snapshot on the host, as Dataview's index sees it: link resolution by Obsidian's rules,
// page rows (implicit `file` fields, typed frontmatter, inline fields) and the pages each source names.
import { DateTime } from 'luxon';
import type { DvLink, DvPageInput } from '../types';
import type { Source } from './ast';
import { parseCsv } from './csv';
import { dataviewGrammar } from './grammar';
import { fromParsed, parseInlineValue } from './parsed';
import { type DataObject, DISPLAY, Link, type Value } from './values';

const LINK_LIKE = /^!?\[\[.*\]\]$/;
/** ISO dates as Dataview's date grammar reads them (`2021-04`, `…T10:20:30.123+02:00`, `…[Europe/Paris]`). */
const DATE_LIKE = /^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?|\[[^\]]+\])?$/;
/** `7 hours`, `6hr7min`, `9 years, 8 months`. */
const DURATION_LIKE = /^(?:\d+(?:\.\d+)?\s*[a-z]+[\s,]*)+$/i;

/** Dataview's canonicalizeVarName: lower-case word runs, whitespace runs → `-`, other characters dropped, emoji kept. */
export function canonicalKey(key: string): string {
  return key
    .trim()
    .replace(/(?:[\p{L}\p{N}_-]|\p{Extended_Pictographic})+|\s+|./gu, (run) =>
      /^\s+$/u.test(run) ? '-' : /^[\p{L}\p{N}_\-\p{Extended_Pictographic}]/u.test(run) ? run.toLowerCase() : '',
    );
}

/** '#a/b/c' → '#a/b/c', '#a/b', '#a': each explicit tag then its parents, nearest first, each once. */
export function expandTags(etags: string[]): string[] {
  const result = new Set<string>();
  for (const tag of etags) {
    const parts = tag.split('/');
    for (let n = parts.length; n >= 1; n--) result.add(`#${parts.slice(0, n).join('/')}`);
  }
  return [...result];
}

/**
 * Obsidian's order of the vault's files, in which Dataview indexes pages and lists them when nothing sorts them: a
 * folder's entries by name (the desktop adapter reads folders with Node's readdir, which sorts names by code unit),
 * folders and files together, each folder's files where the folder comes (`Trips/Alps.md` before `Trips.md`).
 */
function listingOrder(pages: DvPageInput[]): DvPageInput[] {
  const keyed = pages.map((page) => ({ page, parts: page.path.split('/') }));
  keyed.sort(({ parts: x }, { parts: y }) => {
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  });
  return keyed.map((k) => k.page);
}

/** A snapshot link as Dataview's importer makes it (Link.infer: a heading named as links name it). */
function dataviewLink(link: DvLink): Link {
  if (link.type === 'header' && link.subpath !== undefined) return Link.header(link.path, link.subpath, link.embed, link.display);
  return new Link(link.path, link.type, link.subpath, link.display, link.embed);
}

/** What an expression is evaluated against. */
export interface Context {
  index: VaultIndex;
  /** The note holding the query. */
  originPath: string;
  /** `this`: the querying page's row. */
  thisRow: DataObject;
}

/** What a FROM source names: pages (in index order), and CSV files of the vault by path. */
interface SourceMatch {
  pages: Set<DvPageInput>;
  csv: Set<string>;
}

/** A row's fields: each raw key's value (a list when it has several), then the canonical aliases no raw key spells. */
function assignFields(row: DataObject, fields: Map<string, Value[]>): void {
  for (const [key, values] of fields) {
    if (key === 'file') continue;
    row[key] = values.length === 1 ? values[0] : values;
  }
  // Canonical aliases, unless a raw key already spells one; raw keys sharing an alias all feed it.
  const byAlias = new Map<string, Value[]>();
  for (const [key, values] of fields) {
    const alias = canonicalKey(key);
    if (alias && alias !== key && !fields.has(alias) && alias !== 'file') (byAlias.get(alias) ?? byAlias.set(alias, []).get(alias)!).push(...values);
  }
  for (const [alias, values] of byAlias) row[alias] = values.length === 1 ? values[0] : values;
}

export class VaultIndex {
  readonly pages: DvPageInput[];
  private readonly byPath = new Map<string, DvPageInput>();
  private readonly byLowerPath = new Map<string, DvPageInput>();
  private readonly byLowerName = new Map<string, DvPageInput[]>();
  private readonly rows = new Map<DvPageInput, DataObject>();

  /** `readFile`: the text of a published vault file (CSV sources), undefined for any other path. */
  constructor(
    pages: DvPageInput[],
    private readonly readFile: (path: string) => string | undefined = () => undefined,
  ) {
    this.pages = listingOrder(pages);
    for (const page of pages) {
      this.byPath.set(page.path, page);
      this.byLowerPath.set(page.path.toLowerCase(), page);
      const name = page.name.toLowerCase();
      (this.byLowerName.get(name) ?? this.byLowerName.set(name, []).get(name)!).push(page);
    }
  }

  page(path: string): DvPageInput | undefined {
    return this.byPath.get(path);
  }

  /** Like Obsidian's getFirstLinkpathDest: exact path, path without .md, path suffix, then unique name (same folder wins). */
  resolve(linkpath: string, originPath: string): DvPageInput | undefined {
    const text = linkpath.trim().replace(/^\/+/, '');
    if (text === '') return this.byPath.get(originPath);
    const lower = text.toLowerCase();
    const exact = this.byPath.get(text) ?? this.byPath.get(`${text}.md`) ?? this.byLowerPath.get(lower) ?? this.byLowerPath.get(`${lower}.md`);
    if (exact) return exact;
    const bare = lower.replace(/\.md$/, '');
    if (bare.includes('/')) return this.pages.find((page) => page.path.toLowerCase().slice(0, -3).endsWith(`/${bare}`));
    const named = this.byLowerName.get(bare) ?? [];
    if (named.length <= 1) return named[0];
    const origin = this.byPath.get(originPath);
    return named.find((page) => origin && page.folder === origin.folder) ?? named[0];
  }

  /** A link with its path resolved to the page's full path, when the page is published. */
  resolveLink(link: Link, originPath: string): Link {
    const page = this.resolve(link.path, originPath);
    return page ? link.with({ path: page.path }) : link;
  }

  /** The row Dataview builds for a page (built once per build; rows are never changed by evaluation). */
  row(page: DvPageInput): DataObject {
    let row = this.rows.get(page);
    if (!row) this.rows.set(page, (row = this.buildRow(page)));
    return row;
  }

  /**
   * A page's fields as its row holds them (every key but `file`, canonical aliases included) and its file.day: what
   * the sandbox's snapshot types, without the row's implicit `file` fields (dates, links), which it makes itself.
   */
  typedFields(page: DvPageInput): { fields: DataObject; day: DateTime | undefined } {
    const fields = this.fieldValues(page);
    const typed: DataObject = {};
    assignFields(typed, fields);
    return { fields: typed, day: this.fileDay(page, fields) };
  }

  private readonly rawFields = new Map<DvPageInput, Map<string, Value[]>>();
  /** Each raw key's values (frontmatter, then inline fields), typed: built once for the page's row and its snapshot. */
  private fieldValues(page: DvPageInput): Map<string, Value[]> {
    let fields = this.rawFields.get(page);
    if (fields) return fields;
    fields = new Map<string, Value[]>();
    const add = (key: string, value: Value) => (fields.get(key) ?? fields.set(key, []).get(key)!).push(value);
    for (const [key, value] of Object.entries(page.frontmatter)) if (key !== 'position') add(key, this.frontmatterValue(value, page.path));
    for (const [key, raw] of page.fields ?? []) add(key, this.fieldValue(raw, page.path));
    this.rawFields.set(page, fields);
    return fields;
  }

  private buildRow(page: DvPageInput): DataObject {
    const fm = page.frontmatter;
    const date = (ms: number) => DateTime.fromMillis(ms, { zone: DISPLAY.zone });
    const aliasKey = Object.keys(fm).find((k) => /^alias(es)?$/i.test(k));
    const aliasValue = aliasKey === undefined ? [] : fm[aliasKey];
    const aliases = (Array.isArray(aliasValue) ? aliasValue : typeof aliasValue === 'string' ? aliasValue.split(',').map((a) => a.trim()) : []).filter(
      (a): a is string => typeof a === 'string' && a.trim() !== '',
    );
    const fields = this.fieldValues(page);
    const file: DataObject = {
      path: page.path,
      folder: page.folder,
      name: page.name,
      ext: 'md',
      link: Link.file(page.path),
      outlinks: page.outlinks.map(dataviewLink),
      inlinks: page.inlinks.filter((p) => this.byPath.has(p)).map((p) => Link.file(p)),
      etags: [...new Set(page.etags.map((t) => `#${t}`))],
      tags: expandTags(page.etags),
      aliases,
      ctime: date(page.ctime),
      cday: date(page.ctime).startOf('day'),
      mtime: date(page.mtime),
      mday: date(page.mtime).startOf('day'),
      frontmatter: fm as DataObject,
      size: page.size ?? null,
      starred: false,
    };
    // List items are built when a query first reads them: most queries never do.
    let lists: { all: DataObject[]; tasks: DataObject[] } | undefined;
    const listsOf = () => {
      if (!lists) {
        const all = this.listItems(page);
        lists = { all, tasks: all.filter((item) => item.task === true) };
      }
      return lists;
    };
    Object.defineProperty(file, 'lists', { enumerable: true, get: () => listsOf().all });
    Object.defineProperty(file, 'tasks', { enumerable: true, get: () => listsOf().tasks });
    const day = this.fileDay(page, fields);
    if (day) file.day = day;
    const row: DataObject = { file };
    assignFields(row, fields);
    return row;
  }

  /** file.lists: Dataview's list items (tasks included), each with its own fields, children and implicit fields. */
  private listItems(page: DvPageInput): DataObject[] {
    const byLine = new Map<number, DataObject>();
    const items = (page.lists ?? []).map((input) => {
      const section = input.section ? Link.header(page.path, input.section) : Link.file(page.path);
      const item: DataObject = {};
      for (const [key, raw] of input.fields) {
        const value = this.fieldValue(raw, page.path);
        const previous = item[key];
        item[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
      }
      const task = input.status !== undefined;
      const status = input.status ?? '';
      const first = (...keys: string[]) => {
        for (const key of keys) if (key in item) return Array.isArray(item[key]) ? (item[key] as Value[])[0] : item[key];
        return undefined;
      };
      Object.assign(item, {
        symbol: input.symbol,
        link: input.blockId ? new Link(page.path, 'block', input.blockId) : section,
        section,
        header: section,
        text: input.text,
        tags: input.tags.map((t) => (t.startsWith('#') ? t : `#${t}`)),
        line: input.line,
        lineCount: input.lineCount,
        list: input.list,
        outlinks: input.outlinks.map(dataviewLink),
        path: page.path,
        children: [],
        subtasks: [],
        task,
        real: task,
        annotated: input.fields.length > 0,
        ...(input.parent === undefined ? {} : { parent: input.parent }),
        ...(input.blockId ? { blockId: input.blockId } : {}),
      });
      if (task) {
        const dates: Record<string, string[]> = {
          due: ['due', 'duetime', 'dueday'],
          completion: ['completion', 'completed', 'comptime', 'compday'],
          created: ['created', 'ctime', 'cday'],
          start: ['start'],
          scheduled: ['scheduled'],
        };
        for (const [name, keys] of Object.entries(dates)) {
          const value = first(...keys);
          if (value !== undefined) item[name] = value;
        }
        Object.assign(item, { status, checked: status !== ' ' && status !== '', completed: status === 'x' || status === 'X' });
      }
      byLine.set(input.line, item);
      return item;
    });
    for (const item of items) {
      const parent = typeof item.parent === 'number' ? byLine.get(item.parent) : undefined;
      if (parent) (parent.children as Value[]).push(item);
    }
    const fullyCompleted = (item: DataObject): boolean =>
      item.task !== true || (item.completed === true && (item.children as DataObject[]).every(fullyCompleted));
    for (const item of items) {
      item.subtasks = item.children;
      if (item.task === true) item.fullyCompleted = fullyCompleted(item);
    }
    return items;
  }

  /** file.day: a `date`/`day` field holding a date, else a date in the file name. */
  private fileDay(page: DvPageInput, fields: Map<string, Value[]>): DateTime | undefined {
    for (const [key, values] of fields) {
      if (/^(date|day)$/i.test(key) && DateTime.isDateTime(values[0])) return values[0].setZone(DISPLAY.zone).startOf('day');
    }
    const m = /(\d{4})-?(\d{2})-?(\d{2})/.exec(page.name);
    if (!m) return undefined;
    const day = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: DISPLAY.zone });
    return day.isValid ? day : undefined;
  }

  /** YAML values keep their types; strings are re-typed as dates, durations or links (§1.4). */
  frontmatterValue(value: unknown, originPath: string): Value {
    if (value instanceof Date) return DateTime.fromJSDate(value, { zone: DISPLAY.zone });
    if (Array.isArray(value)) return value.map((v) => this.frontmatterValue(v, originPath));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.frontmatterValue(v, originPath)]));
    }
    if (typeof value !== 'string') return (value ?? null) as Value;
    const trimmed = value.trim();
    // The grammar only confirms what looks like a link, an ISO date or a duration: most text needs no parsing.
    const { EXPRESSION } = dataviewGrammar();
    if (LINK_LIKE.test(trimmed)) {
      const link = EXPRESSION.inlineField.parse(trimmed);
      if (link.status) return this.resolveValue(fromParsed(link.value), originPath);
    }
    const parser = DATE_LIKE.test(trimmed) ? EXPRESSION.date : DURATION_LIKE.test(trimmed) ? EXPRESSION.duration : undefined;
    const parsed = parser?.parse(trimmed);
    return parsed?.status ? fromParsed(parsed.value) : value;
  }

  /** An inline field's value, typed as Dataview types it (§1.3), links resolved. */
  fieldValue(raw: string, originPath: string): Value {
    return this.resolveValue(parseInlineValue(raw), originPath);
  }

  private resolveValue(value: Value, originPath: string): Value {
    if (value instanceof Link) return this.resolveLink(value, originPath);
    if (Array.isArray(value)) return value.map((v) => this.resolveValue(v, originPath));
    return value;
  }

  private readonly tagSets = new Map<DvPageInput, Set<string>>();
  /** A page's file.tags, lower-cased: a tag source includes subtags and ignores case. */
  private lowerTags(page: DvPageInput): Set<string> {
    let tags = this.tagSets.get(page);
    if (!tags) this.tagSets.set(page, (tags = new Set(expandTags(page.etags).map((t) => t.toLowerCase()))));
    return tags;
  }

  /** Pages (index order) and CSV files a FROM source names (src/data-index/resolver.ts matchingSourcePaths). */
  matching(source: Source, originPath: string): SourceMatch {
    const pages = (set: Iterable<DvPageInput>): SourceMatch => ({ pages: new Set(set), csv: new Set() });
    switch (source.type) {
      case 'empty':
        return pages(this.pages);
      case 'tag': {
        const tag = source.tag.toLowerCase();
        return pages(this.pages.filter((p) => this.lowerTags(p).has(tag)));
      }
      case 'folder': {
        const folder = source.folder.replace(/\/+$/, '');
        if (folder === '') return pages(this.pages);
        // A folder wins over a note of the same path; a path that is no folder names that one note.
        const inside = this.pages.filter((p) => p.path.startsWith(`${folder}/`));
        if (inside.length) return pages(inside);
        const exact = this.byPath.get(folder) ?? this.byPath.get(`${folder}.md`);
        return pages(exact ? [exact] : []);
      }
      case 'link': {
        const target = this.resolve(source.file, originPath);
        const path = target?.path ?? source.file;
        if (source.direction === 'incoming') return pages(this.pages.filter((p) => p.outlinks.some((l) => l.path === path)));
        if (!target) return pages([]);
        return pages(target.outlinks.flatMap((l) => this.byPath.get(l.path) ?? []));
      }
      case 'negate': {
        const excluded = this.matching(source.child, originPath).pages;
        return pages(this.pages.filter((p) => !excluded.has(p)));
      }
      case 'binaryop': {
        const left = this.matching(source.left, originPath);
        const right = this.matching(source.right, originPath);
        if (source.op === '&') {
          return { pages: new Set([...left.pages].filter((p) => right.pages.has(p))), csv: new Set([...left.csv].filter((p) => right.csv.has(p))) };
        }
        return { pages: new Set([...left.pages, ...right.pages]), csv: new Set([...left.csv, ...right.csv]) };
      }
      case 'csv':
        return { pages: new Set(), csv: new Set([this.relativePath(source.path, originPath)]) };
    }
  }

  /** Dataview's resolveRelative: `/x` from the vault root; else beside the querying note when it exists there. */
  private relativePath(path: string, originPath: string): string {
    if (path.startsWith('/')) return path.slice(1);
    const folder = originPath.includes('/') ? originPath.slice(0, originPath.lastIndexOf('/')) : '';
    const beside = folder ? `${folder}/${path}` : path;
    return this.readFile(beside) === undefined ? path : beside;
  }

  private readonly csvCache = new Map<string, DataObject[] | undefined>();
  /** The rows of a published CSV file of the vault, typed as Dataview types them; undefined when there is none. */
  csvRows(path: string): DataObject[] | undefined {
    if (!this.csvCache.has(path)) {
      const text = this.readFile(path);
      this.csvCache.set(path, text === undefined ? undefined : parseCsv(text, (cell) => this.frontmatterValue(cell, path), canonicalKey));
    }
    return this.csvCache.get(path);
  }
}
