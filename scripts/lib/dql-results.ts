// A DQL block's result as a comparable value, from tsunagu's host evaluation or from Dataview's own engine (the
// oracle of scripts/compare-dataview.ts): headers and rows, list items, task lines, calendar dots, each value as
// Dataview prints it (Values.toString: dates in the default formats, durations as Luxon's toHuman over non-zero
// units, links as `[[path#sub|shown text]]`, null as `-`). Values are read by shape, so Dataview's bundled Luxon
// and Link classes read the same as ours.
import { Duration } from 'luxon';
import type { Query } from '../../src/dataview/dql/ast';
import { QueryError, queryValues, taskView } from '../../src/dataview/dql/execute';
import { dataviewGrammar } from '../../src/dataview/dql/grammar';
import { EvaluationError } from '../../src/dataview/dql/operators';
import type { VaultIndex } from '../../src/dataview/dql/vault-index';
import type { DvTaskGroup, DvTaskItem } from '../../src/dataview/types';

export type DqlResult =
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'tasks'; lines: string[] }
  | { kind: 'calendar'; dots: string[] }
  | { kind: 'error'; message: string };

type Shaped = Record<string, unknown>;
const isShaped = (v: unknown): v is Shaped => typeof v === 'object' && v !== null;
const fileTitle = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^./]*$/, '');

/** One value as Dataview's Values.toString prints it (renderNullAs `-`, recursive arrays bracketed). */
export function shown(value: unknown, nested = false): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return '<function>';
  if (Array.isArray(value)) {
    const inner = value.map((v) => shown(v, true)).join(', ');
    return nested ? `[${inner}]` : inner;
  }
  if (!isShaped(value)) return String(value);
  if (value.isLuxonDateTime === true) {
    const date = (value as unknown as { setZone(z: string): { hour: number; minute: number; second: number; toFormat(f: string): string } }).setZone('UTC');
    return date.toFormat(date.hour === 0 && date.minute === 0 && date.second === 0 ? 'MMMM dd, yyyy' : 'h:mm a - MMMM dd, yyyy');
  }
  if (value.isLuxonDuration === true) {
    const all = (value as unknown as { shiftToAll(): { normalize(): { toObject(): Record<string, number> } } }).shiftToAll().normalize().toObject();
    return Duration.fromObject(Object.fromEntries(Object.entries(all).filter(([, n]) => n !== 0))).toHuman();
  }
  if (typeof value.path === 'string' && typeof value.type === 'string' && 'embed' in value) {
    const { path, type, subpath, display, embed } = value as { path: string; type: string; subpath?: string; display?: string; embed: boolean };
    const target = type === 'header' ? `${path}#${subpath}` : type === 'block' ? `${path}#^${subpath}` : path;
    const text = display || fileTitle(path) + (type === 'file' ? '' : ` > ${subpath}`);
    return `${embed ? '!' : ''}[[${target}|${text}]]`;
  }
  // Dataview's widgets ($widget) and ours (ListPair, ExternalLink) have the same fields.
  if (
    'key' in value &&
    'value' in value &&
    Object.keys(value).length <= 3 &&
    (value.$widget === 'dataview:list-pair' || value.constructor?.name === 'ListPair')
  ) {
    return `${shown(value.key)}: ${shown(value.value)}`;
  }
  if ('url' in value && (value.$widget === 'dataview:external-link' || value.constructor?.name === 'ExternalLink')) {
    return `[${(value.display as string | undefined) ?? value.url}](${value.url})`;
  }
  return `{ ${Object.entries(value)
    .map(([k, v]) => `${k}: ${shown(v, true)}`)
    .join(', ')} }`;
}

interface TaskLike {
  text: unknown;
  status?: unknown;
  task?: unknown;
  children?: TaskLike[];
}
function taskLines(items: TaskLike[], depth = 0): string[] {
  return items.flatMap((item) => [
    `${'  '.repeat(depth)}${item.task ? `[${String(item.status ?? ' ')}]` : '-'} ${typeof item.text === 'string' ? item.text : shown(item.text)}`,
    ...taskLines(item.children ?? [], depth + 1),
  ]);
}
const dot = (date: unknown, link: unknown) => `${(date as { toISODate(): string }).toISODate()} ${shown(link)}`;

/** tsunagu's result for a block: the parse by Dataview's grammar, then the host evaluator (src/dataview/dql). */
export function ourResult(text: string, originPath: string, index: VaultIndex): DqlResult {
  let query: Query;
  try {
    query = dataviewGrammar().QUERY_LANGUAGE.query.tryParse(text);
  } catch (error) {
    return { kind: 'error', message: `parse: ${String(error).split('\n')[0]}` };
  }
  const origin = index.page(originPath);
  const ctx = { index, originPath, thisRow: origin ? index.row(origin) : {} };
  try {
    const result = queryValues(query, ctx);
    switch (result.type) {
      case 'list':
        return { kind: 'list', items: result.values.map((v) => shown(v)) };
      case 'table':
        return { kind: 'table', headers: result.headers, rows: result.values.map((row) => row.map((v) => shown(v))) };
      case 'task': {
        const view = taskView(result, ctx);
        if (view.kind !== 'tasks') throw new Error('task view expected');
        const plain = (item: DvTaskItem): TaskLike => ({
          text: item.text.t === 'md' ? item.text.s : '',
          status: item.status,
          task: item.task,
          children: item.children.map(plain),
        });
        if (!result.grouped) return { kind: 'tasks', lines: taskLines(view.groups[0].items.map(plain)) };
        const lines = (groups: DvTaskGroup[], rows: Record<string, unknown>[]): string[] =>
          groups.flatMap((group, i) => [
            `# ${shown(rows[i].key)}`,
            ...(group.groups ? lines(group.groups, rows[i].rows as Record<string, unknown>[]) : taskLines(group.items.map(plain))),
          ]);
        return { kind: 'tasks', lines: lines(view.groups, result.values) };
      }
      case 'calendar':
        return { kind: 'calendar', dots: result.values.map((v) => dot(v.date, v.link)) };
    }
  } catch (error) {
    if (error instanceof QueryError || error instanceof EvaluationError) return { kind: 'error', message: error.message };
    return { kind: 'error', message: `crash: ${String(error)}` };
  }
}

/** What the oracle (Dataview's engine, /tmp/dataview-oracle/oracle.mjs) returns for a block. */
export type OracleOutcome = { ok: true; type: string; [k: string]: unknown } | { ok: false; error: string };

interface Grouped {
  key: unknown;
  rows: unknown[];
}
const isGroup = (v: unknown): v is Grouped => isShaped(v) && Object.keys(v).length === 2 && 'key' in v && 'rows' in v;

export function oracleResult(outcome: OracleOutcome): DqlResult {
  if (!outcome.ok) return { kind: 'error', message: outcome.error.split('\n')[0] };
  switch (outcome.type) {
    case 'list':
      return { kind: 'list', items: (outcome.values as unknown[]).map((v) => shown(v)) };
    case 'table':
      return { kind: 'table', headers: outcome.headers as string[], rows: (outcome.values as unknown[][]).map((row) => row.map((v) => shown(v))) };
    case 'task': {
      const tasks = outcome.tasks as unknown[];
      const lines = (rows: unknown[]): string[] =>
        rows.every(isGroup) && rows.length > 0 ? (rows as Grouped[]).flatMap((g) => [`# ${shown(g.key)}`, ...lines(g.rows)]) : taskLines(rows as TaskLike[]);
      return { kind: 'tasks', lines: lines(tasks) };
    }
    case 'calendar': {
      // The calendar view draws the rows whose value is a date.
      const values = (outcome.values as { date: unknown; link: unknown }[]).filter((v) => isShaped(v.date) && v.date.isLuxonDateTime === true);
      return { kind: 'calendar', dots: values.map((v) => dot(v.date, v.link)) };
    }
  }
  return { kind: 'error', message: `oracle: unknown result type ${outcome.type}` };
}

/** The lines of a result, for equality without order and for a short diff. */
export function resultLines(result: DqlResult): string[] {
  switch (result.kind) {
    case 'list':
      return result.items;
    case 'table':
      return [`| ${result.headers.join(' | ')} |`, ...result.rows.map((row) => `| ${row.join(' | ')} |`)];
    case 'tasks':
      return result.lines;
    case 'calendar':
      return result.dots;
    case 'error':
      return [`error: ${result.message}`];
  }
}
