// Runs a parsed DQL query (src/query/engine.ts) over the published snapshot on the host: the source, then each data
// command in order, then the query type's view, as the blocks the renderer knows (types.ts DvBlock).
import { DateTime } from 'luxon';
import type { DvBlock, DvTaskGroup, DvTaskItem, DvValue } from '../types';
import type { Field, Query, QueryOperation } from './ast';
import { evaluate } from './evaluate';
import { EvaluationError } from './operators';
import { toOutput } from './output';
import type { Context } from './vault-index';
import { compare, type DataObject, DISPLAY, ListPair, truthy, typeOf, type Value, valueToString } from './values';

export class QueryError extends Error {}

interface Row {
  id: Value;
  data: DataObject;
}

/** Applies `fn` to every row; failing rows drop out, and a command that fails on every row fails the query. */
function eachRow<T>(rows: Row[], operation: string, fn: (row: Row) => T): { row: Row; value: T }[] {
  const results: { row: Row; value: T }[] = [];
  const errors: string[] = [];
  for (const row of rows) {
    try {
      results.push({ row, value: fn(row) });
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      errors.push(error.message);
    }
  }
  if (rows.length > 0 && results.length === 0) {
    throw new QueryError(
      `Every row during operation '${operation}' failed with an error; first ${Math.min(3, errors.length)}: ${errors.slice(0, 3).join('; ')}`,
    );
  }
  return results;
}

function runOperation(rows: Row[], operation: QueryOperation, ctx: Context): Row[] {
  const value = (field: Field, row: Row) => evaluate(field, row.data, ctx);
  switch (operation.type) {
    case 'where':
      return eachRow(rows, 'where', (row) => value(operation.clause, row))
        .filter((r) => truthy(r.value))
        .map((r) => r.row);
    case 'sort': {
      const keyed = eachRow(rows, 'sort', (row) => operation.fields.map((f) => value(f.field, row)));
      const signs = operation.fields.map((f) => (f.direction === 'descending' ? -1 : 1));
      return keyed
        .map((r, i) => ({ ...r, i }))
        .sort((a, b) => {
          for (let k = 0; k < signs.length; k++) {
            const c = signs[k] * compare(a.value[k], b.value[k]);
            if (c) return c;
          }
          return a.i - b.i;
        })
        .map((r) => r.row);
    }
    case 'limit': {
      const amount = evaluate(operation.amount, {}, ctx);
      if (typeof amount !== 'number') {
        const shown = typeof amount === 'string' ? amount : valueToString(amount);
        throw new QueryError(`Failed to execute 'limit' statement: limit should be a number, but got '${typeOf(amount)}' (${shown})`);
      }
      return rows.slice(0, amount);
    }
    case 'group': {
      const keyed = eachRow(rows, 'group', (row) => value(operation.field.field, row)).sort((a, b) => compare(a.value, b.value));
      const groups: Row[] = [];
      for (const { row, value: key } of keyed) {
        const last = groups[groups.length - 1];
        if (last && compare(last.id, key) === 0) (last.data.rows as Value[]).push(row.data);
        else groups.push({ id: key, data: { key, rows: [row.data], [operation.field.name]: key } });
      }
      return groups;
    }
    case 'flatten':
      return eachRow(rows, 'flatten', (row) => value(operation.field.field, row)).flatMap(({ row, value: v }) =>
        (Array.isArray(v) ? v : [v]).map((item) => ({ id: row.id, data: { ...row.data, [operation.field.name]: item } })),
      );
    case 'extract':
      throw new QueryError('EXTRACT is not supported by tsunagu');
  }
}

function sourceRows(query: Query, ctx: Context): Row[] {
  const { pages, csv } = ctx.index.matching(query.source, ctx.originPath);
  const rows: Row[] = [];
  for (const page of ctx.index.pages) {
    if (!pages.has(page)) continue;
    const row = ctx.index.row(page);
    const file = row.file as DataObject;
    if (query.header.type !== 'task') rows.push({ id: file.link, data: row });
    else for (const task of file.tasks as DataObject[]) rows.push({ id: task.link ?? null, data: { ...row, ...task } });
  }
  // A CSV row's id is `path#index`; TASK reads only notes.
  if (query.header.type === 'task') return rows;
  for (const path of csv) {
    const data = ctx.index.csvRows(path);
    if (!data) throw new QueryError(`Failed to load data from path '${path}'.`);
    for (const [i, row] of data.entries()) rows.push({ id: `${path}#${i}`, data: row });
  }
  return rows;
}

const NO_RESULTS: Record<string, string> = {
  list: 'Dataview: No results to show for list query.',
  table: 'Dataview: No results to show for table query.',
  task: 'Dataview: No results to show for task query.',
};

/** A query's result as Dataview's dv.query gives it (values not yet rendered). */
export type QueryResult =
  | { type: 'list'; values: Value[]; primaryMeaning: string }
  | { type: 'table'; headers: string[]; values: Value[][]; idMeaning: string }
  | { type: 'task'; values: DataObject[]; grouped: boolean }
  | { type: 'calendar'; values: { date: DateTime; link: Value }[] };

/** Runs a query to its values; throws QueryError (or EvaluationError) when Dataview would show an error. */
export function queryValues(query: Query, ctx: Context): QueryResult {
  let rows = sourceRows(query, ctx);
  for (const operation of query.operations) rows = runOperation(rows, operation, ctx);
  const header = query.header;
  const groupName = idMeaning(query);
  const grouped = groupName !== undefined;
  switch (header.type) {
    case 'list': {
      const format = header.format;
      const values = eachRow(rows, 'list', (row) => {
        if (!format) return row.id;
        const v = evaluate(format, row.data, ctx);
        return header.showId ? new ListPair(row.id, v) : v;
      }).map((r) => r.value);
      return { type: 'list', values, primaryMeaning: groupName ?? 'File' };
    }
    case 'table': {
      const idName = groupName ?? 'File';
      const headers = [...(header.showId ? [idName] : []), ...header.fields.map((f) => f.name)];
      // Dataview keeps a row's values by column name (executeCoreExtract), so of two columns named alike both show the last.
      const fields = header.fields.map((f) => header.fields.findLast((g) => g.name === f.name) ?? f);
      const values = eachRow(rows, 'table', (row) => [...(header.showId ? [row.id] : []), ...fields.map((f) => evaluate(f.field, row.data, ctx))]);
      return { type: 'table', headers, values: values.map((r) => r.value), idMeaning: idName };
    }
    case 'task':
      return { type: 'task', values: grouped ? rows.map((r) => ({ key: r.id, rows: r.data.rows as Value[] })) : rows.map((r) => r.data), grouped };
    case 'calendar': {
      const values = eachRow(rows, 'calendar', (row) => evaluate(header.field.field, row.data, ctx))
        .filter((r) => DateTime.isDateTime(r.value))
        .map((r) => ({ date: r.value as DateTime, link: r.row.id }));
      if (values.length === 0) throw new QueryError('Query returned 0 results.');
      return { type: 'calendar', values };
    }
  }
}

/** The blocks a query renders to, as Dataview draws each query type. */
export function executeQuery(query: Query, ctx: Context): DvBlock[] {
  const result = queryValues(query, ctx);
  const out = (v: Value): DvValue => toOutput(v, ctx);
  const empty: DvBlock[] = result.values.length === 0 && result.type !== 'calendar' ? [{ kind: 'notice', text: NO_RESULTS[result.type] }] : [];
  switch (result.type) {
    case 'list':
      // An empty LIST shows only Dataview's "no results" box; an empty TABLE keeps its headers above it.
      return result.values.length === 0 ? empty : [{ kind: 'list', items: result.values.map(out) }];
    case 'table':
      return [{ kind: 'table', headers: result.headers.map(out), rows: result.values.map((row) => row.map(out)) }, ...empty];
    case 'task':
      if (result.values.length === 0) return empty;
      return [taskView(result, ctx)];
    case 'calendar':
      return [{ kind: 'calendar', locale: DISPLAY.locale, dots: result.values.map((v) => ({ date: v.date.toISODate() ?? '', link: out(v.link) })) }];
  }
}

/**
 * What a row's id is after the data commands (src/query/engine.ts identMeaning): the name of the last GROUP BY still
 * in force, or undefined for a page. A FLATTEN of the group's own name takes the group back (its rows are rows again).
 */
function idMeaning(query: Query): string | undefined {
  const groups: string[] = [];
  for (const op of query.operations) {
    if (op.type === 'group') groups.push(op.field.name);
    else if (op.type === 'flatten' && groups[groups.length - 1] === op.field.name) groups.pop();
  }
  return groups[groups.length - 1];
}

function taskItem(task: DataObject, ctx: Context): DvTaskItem {
  const children = (task.children as DataObject[] | undefined) ?? [];
  return {
    text: toOutput(String(task.text ?? ''), ctx),
    ...(typeof task.path === 'string' ? { path: task.path } : {}),
    task: task.task === true,
    status: typeof task.status === 'string' ? task.status : ' ',
    children: children.map((child) => taskItem(child, ctx)),
  };
}

/** Each matching task brings its subtree; a match already inside a shown subtree (at any depth) is not repeated. */
function taskList(tasks: DataObject[], ctx: Context): DvTaskItem[] {
  const key = (path: unknown, line: unknown) => `${(path as string) ?? ''}:${line as number}`;
  const shownSomewhere = new Set<string>();
  const enumerate = (task: DataObject) => {
    shownSomewhere.add(key(task.path, task.line));
    for (const child of (task.children as DataObject[] | undefined) ?? []) enumerate(child);
  };
  tasks.forEach(enumerate);
  const roots = tasks.filter((task) => task.parent === undefined || !shownSomewhere.has(key(task.path, task.parent)));
  return roots.map((task) => taskItem(task, ctx));
}

/** TASK's view: one list, or a heading (key and count) and a list per group. */
export function taskView(result: { values: DataObject[]; grouped: boolean }, ctx: Context): DvBlock {
  if (!result.grouped) return { kind: 'tasks', groups: [{ items: taskList(result.values, ctx) }] };
  return { kind: 'tasks', groups: result.values.map((group) => taskGroup(group, ctx)) };
}

/** A group row of GROUP BY (tasks have a line; group rows do not). */
const isGroupRow = (row: DataObject) => Array.isArray(row.rows) && 'key' in row && typeof row.line !== 'number';
const isGrouping = (rows: DataObject[]) => rows.length > 0 && rows.every(isGroupRow);
/** Dataview's Groupings.count: the tasks under a group, at any depth. */
const taskCount = (rows: DataObject[]): number => (isGrouping(rows) ? rows.reduce((n, g) => n + taskCount(g.rows as DataObject[]), 0) : rows.length);

/** A group as Dataview's TaskGrouping draws it: heading and count, then its subgroups (a second GROUP BY) or tasks. */
function taskGroup(group: DataObject, ctx: Context): DvTaskGroup {
  const members = group.rows as DataObject[];
  const key = toOutput(group.key, ctx);
  if (isGrouping(members)) return { key, count: taskCount(members), items: [], groups: members.map((g) => taskGroup(g, ctx)) };
  return { key, count: members.length, items: taskList(members, ctx) };
}
