import type { RenderContext } from '../markdown/render';
// Data shapes crossing the dataview boundary: what the host gives the sandbox, and what the sandbox gives back.

/** A link as Dataview sees it. `path` is the resolved note id when the link resolved, else the raw target text. */
export interface DvLink {
  path: string;
  subpath?: string;
  display?: string;
  embed: boolean;
  type: 'file' | 'header' | 'block';
}

/** One PUBLISHED note, as the sandbox may see it. Private notes must never be passed in. */
export interface DvPageInput {
  path: string; // vault-relative id incl. .md, e.g. 'Docker/Dockerイメージとは.md'
  name: string; // file name without .md
  folder: string; // '' at root
  etags: string[]; // explicit tags WITHOUT '#', Dataview order (body first, then frontmatter)
  outlinks: DvLink[]; // frontmatter links, body links, embeds; duplicates kept; links to private notes left out
  inlinks: string[]; // paths of published pages linking here, each once
  ctime: number; // ms epoch
  mtime: number; // ms epoch
  day?: string; // ISO date if the file name or `date` field is a date
  frontmatter: Record<string, unknown>;
  /** Inline fields of the page (`key:: value`, `[key:: value]`, `(key:: value)`), raw values, in Dataview's order. */
  fields?: [string, string][];
  /** Every list item and task, in line order. */
  lists?: DvListItemInput[];
  size?: number;
}

/** A list item or task as Dataview indexes it (reference sheet §3). */
export interface DvListItemInput {
  /** 0-based first line in the file, and the number of lines. */
  line: number;
  lineCount: number;
  text: string;
  symbol: string;
  /** The character between `[ ]` for tasks; undefined for plain items. */
  status?: string;
  /** Line of the parent item; undefined at the top level. */
  parent?: number;
  /** First line of the list block. */
  list: number;
  /** Nearest heading above, if any. */
  section?: string;
  blockId?: string;
  tags: string[];
  outlinks: DvLink[];
  fields: [string, string][];
}

export type DataviewResult = { ok: true; html: string } | { ok: false; reason: string; line?: number };

export interface DataviewOptions {
  /** URL of a published note (and heading/block within it), or undefined when it has none. */
  hrefFor(path: string, subpath?: string): string | undefined;
  /** URL of a tag page (tag without '#', author casing); without it tags render as plain spans. */
  hrefForTag?(tag: string): string | undefined;
  /** How the site renders markdown written in a note (links, embeds, tags); default: links among the snapshot's pages. */
  renderContext?(originPath: string): RenderContext;
  /** Dataview's inlineQueryPrefix: inline code in text values starting with it is an inline query (default `=`). */
  inlineQueryPrefix?: string;
  /** Text of a PUBLISHED vault file by vault path (dv.view scripts and CSS, dv.io.load/csv); undefined otherwise. */
  readFile?(path: string): string | undefined;
  /** CPU time a block may use, in ms (default 1000). */
  timeoutMs?: number;
  /** Heap a block may use, in bytes (default 64 MiB). */
  memoryLimitBytes?: number;
  /** IANA zone dates are shown in, as Obsidian shows them in the author's zone (default: the build machine's). */
  timeZone?: string;
  /** Locale of `localeCompare` in the sandbox, as Obsidian's Chromium uses the UI locale (default: the build machine's). */
  collationLocale?: string;
  /**
   * Luxon locale of rendered dates and durations, `dateformat()` and scripts' `toFormat` (Dataview uses the app's
   * locale): month and weekday names, AM/PM. Default `en-US`.
   */
  displayLocale?: string;
  /** Dataview's defaultDateFormat (a date at midnight; default `MMMM dd, yyyy`) and defaultDateTimeFormat (`h:mm a - MMMM dd, yyyy`). */
  defaultDateFormat?: string;
  defaultDateTimeFormat?: string;
}

// ---- What the sandbox hands back (untrusted: the renderer validates every field) ----

/** A value to render. Strings are markdown, rendered from the note the block is in. */
export type DvValue =
  | { t: 'md'; s: string }
  | { t: 'num'; s: string }
  | { t: 'text'; s: string }
  | { t: 'null' }
  | { t: 'more' }
  | { t: 'link'; path: string | null; subpath?: string; text: string }
  | { t: 'elink'; url: string; text: string }
  | { t: 'pair'; key: DvValue; value: DvValue }
  | { t: 'array'; items: DvValue[] }
  | { t: 'object'; entries: [string, DvValue][] }
  /** An element the block made (dv.el, createEl…) given as a value: its tree, as render-dom.ts reads it. */
  | { t: 'dom'; node: unknown };

export type DvBlock =
  /** Elements a block made (sandbox/elements.ts serialises them, render-dom.ts checks and renders them). */
  | { kind: 'dom'; node: unknown }
  | { kind: 'list'; items: DvValue[] }
  | { kind: 'table'; headers: DvValue[]; rows: DvValue[][] }
  | { kind: 'notice'; text: string }
  | { kind: 'style'; css: string }
  | { kind: 'tasks'; groups: DvTaskGroup[] }
  | { kind: 'calendar'; locale: string; dots: { date: string; link: DvValue }[] };

/** A TASK group: its heading's key and count of tasks, then its tasks, or its subgroups after a second GROUP BY. */
export interface DvTaskGroup {
  key?: DvValue;
  count?: number;
  items: DvTaskItem[];
  groups?: DvTaskGroup[];
}

export interface DvTaskItem {
  text: DvValue;
  /** The note the item is written in: its text's links resolve from there (Dataview renders it with that source path). */
  path?: string;
  task: boolean;
  status: string;
  children: DvTaskItem[];
}
