// Sandbox module: the `dv` object a block sees, and its output recorded as JSON for the host to render.
import type { DataArrays } from './data-array';
import type { DomElements } from './elements';
import type { AskHost, Pages } from './pages';
import type { Sources } from './sources';
import type { LinkValue, Values } from './values';

type Row = Record<string, unknown>;
type Task = { path?: unknown; line?: unknown; parent?: unknown; text?: unknown; task?: unknown; status?: unknown; children?: Iterable<Task> };
type ElementOptions = { cls?: unknown; attr?: unknown; container?: unknown };
type Output = Row & { kind: string };

export function dvApi(
  safeTags: readonly string[],
  host: { readVaultFile(path: unknown): string | undefined; askHost: AskHost },
  values: Values,
  arrays: Pick<DataArrays, 'wrapDataArray' | 'isDataArray' | 'toDataArray'>,
  pages: Pick<Pages, 'resolveLinkpath' | 'linkedPageNumber' | 'pageObject' | 'frontmatterValue' | 'decodeValue' | 'decodeListItem' | 'unsupportedField'>,
  sources: Pick<Sources, 'pagesForQuery'>,
  lazySourcePages: (query: unknown, originPath: string) => unknown,
  elements: Pick<DomElements, 'createContainer' | 'DomElement' | 'DomNode' | 'isAppOnly' | 'nodeValue'>,
) {
  const { DateTime, Duration, Link, ListPairWidget, parseIsoMillis, renderMinimalDate, isDate, isDuration, isLink, typeOf, compareValue, valueToString } =
    values;
  const { wrapDataArray, isDataArray, toDataArray } = arrays;
  const { resolveLinkpath, linkedPageNumber, pageObject, frontmatterValue, decodeValue, decodeListItem, unsupportedField } = pages;
  const { readVaultFile, askHost } = host;
  const SAFE_TAGS = new Set(safeTags);
  const HEADER_TAGS: Record<string, string> = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' };
  const UNSUPPORTED = ['queryMarkdown', 'tryQueryMarkdown', 'literal', 'app', 'component', 'index', 'api', 'settings', 'evaluationContext'];
  // Deeper values render as '...', like Dataview's maxRecursiveRenderDepth; one spare level for the host's cut.
  const MAX_OUTPUT_DEPTH = 6;

  const className = (value: object): string | undefined => {
    const proto = Object.getPrototypeOf(value);
    return proto?.constructor?.name;
  };

  const markdownValue = (text: string) => ({ t: 'md', s: text });

  /** A value as JSON for the host renderer. */
  const outputValue = (value: unknown, originPath: string, depth: number): Row => {
    if (depth > MAX_OUTPUT_DEPTH) return { t: 'more' };
    if (value === null || value === undefined) return { t: 'null' };
    if (typeof value === 'string') return markdownValue(value);
    if (typeof value === 'number' || typeof value === 'boolean') return { t: 'num', s: String(value) };
    if (typeof value === 'function') return { t: 'text', s: '<function>' };
    if (isDate(value)) return { t: 'text', s: renderMinimalDate(value) };
    if (isDuration(value)) return { t: 'text', s: value.text };
    if (value instanceof ListPairWidget) {
      return { t: 'pair', key: outputValue(value.key, originPath, depth), value: outputValue(value.value, originPath, depth) };
    }
    if (isLink(value)) {
      // A page's own link goes by the page's number: the host knows its path and name (most output is such links).
      const number = linkedPageNumber(value);
      if (number !== undefined) return { t: 'link', page: number };
      const page = resolveLinkpath(value.path, originPath);
      const link: Row = { t: 'link', path: page ? page.path : null, text: value.text() };
      if (value.type !== 'file' && value.subpath) link.subpath = value.subpath;
      return link;
    }
    const node = elements.nodeValue(value);
    if (node) return { t: 'dom', node };
    if (Array.isArray(value)) {
      return { t: 'array', items: Array.from(value).map((v) => outputValue(v, originPath, depth + 1)) };
    }
    if (typeof value === 'object') {
      const name = className(value);
      if (name && name !== 'Object') return { t: 'text', s: `<${name}>` };
      const object = value as Row;
      return { t: 'object', entries: Object.keys(object).map((k) => [k, outputValue(object[k], originPath, depth + 1)]) };
    }
    return { t: 'text', s: String(value) };
  };

  /** dv.io.normalize: '/x' is vault-root; otherwise next to the origin note when a file is there, else as given. */
  const normalizeIoPath = (path: unknown, originPath: string): string => {
    const text = isLink(path) ? path.path : String(path);
    if (text.charAt(0) === '/') return text.slice(1);
    const slash = originPath.lastIndexOf('/');
    const relative = slash >= 0 ? `${originPath.slice(0, slash)}/${text}` : text;
    return readVaultFile(relative) !== undefined ? relative : text;
  };

  /** A CSV line split on commas outside double quotes ("" is a quote). */
  const csvCells = (line: string): string[] => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line.charAt(i);
      if (quoted && c === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    return cells;
  };

  const csvValue = (text: string): unknown => {
    const t = text.trim();
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    return frontmatterValue(t, '');
  };

  type AnyFunction = (...args: unknown[]) => unknown;
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => AnyFunction;
  const PlainFunction = Function as unknown as new (...args: string[]) => AnyFunction;

  /** A query answer's values as sandbox values (tasks as list items, with data-array children). */
  const decodeQueryValue = (value: Row & { type?: unknown; values?: Row[] }): unknown => {
    if (value.type === 'task') {
      value.values = value.values!.map((v) =>
        'rows' in v ? { key: decodeValue(v.key), rows: wrapDataArray((v.rows as unknown[]).map(decodeListItem)) } : decodeListItem(v),
      );
      return value;
    }
    return decodeValue(value);
  };

  const taskItem = (t: Task): Row => ({
    text: markdownValue(String(t.text || '')),
    task: !!t.task,
    status: typeof t.status === 'string' ? t.status : ' ',
    children: Array.from(t.children || []).map(taskItem),
  });

  /** The task tree Dataview's task views draw; a task inside a listed task's subtree is not listed again. */
  const taskTree = (tasks: Task[]): Row[] => {
    const listed = new Set(tasks.map((t) => `${t.path}:${t.line}`));
    return tasks.filter((t) => t.parent === undefined || !listed.has(`${t.path}:${t.parent}`)).map(taskItem);
  };

  /** Dataview's markdown export: cells as text, null as \-, pipes escaped. */
  const markdownCell = (v: unknown): string => (v === null || v === undefined ? '\\-' : valueToString(v)).split('|').join('\\|').split('\n').join(' ');

  /**
   * Dataview's Values.deepCopy (dv.clone): arrays and plain objects copied, everything else shared. A data array is an
   * array to the patched Array.isArray but does not spread in concat, so it comes back whole inside a one-element array,
   * as in Obsidian (vault scripts rely on `dv.clone(pages)[0]`).
   */
  const deepCopy = (value: unknown): unknown => {
    if (value === null || value === undefined) return value;
    if (Array.isArray(value)) return ([] as unknown[]).concat((value as unknown[]).map(deepCopy));
    if (typeOf(value) !== 'object') return value;
    const copy: Row = {};
    Object.keys(value as Row).forEach((k) => {
      copy[k] = deepCopy((value as Row)[k]);
    });
    return copy;
  };

  /** A value as the host's DQL functions take it (tagged like the snapshot's fields); functions cannot cross. */
  const hostValue = (value: unknown, call: string): unknown => {
    if (typeof value === 'function') throw new Error(`${call} with a function argument is not supported by tsunagu`);
    if (value === null || value === undefined || typeof value !== 'object') return value === undefined ? null : value;
    if (isDate(value)) return { $date: value.toMillis() };
    if (isDuration(value)) return { $duration: value.ms };
    if (isLink(value)) return { $link: { path: value.path, type: value.type, embed: value.embed, subpath: value.subpath, display: value.display } };
    if (Array.isArray(value) || isDataArray(value)) return Array.from(value as Iterable<unknown>).map((v) => hostValue(v, call));
    const object = value as Row;
    const out: Row = {};
    Object.keys(object).forEach((k) => {
      out[k] = hostValue(object[k], call);
    });
    return out;
  };

  /** dv.func: Dataview's DQL function library, evaluated by the host's DQL engine. */
  const dqlFunctions = (currentPath: string) =>
    new Proxy(
      {},
      {
        get: (_target, name) => {
          if (typeof name !== 'string' || name === 'then') return undefined;
          return (...args: unknown[]) => {
            const call = `dv.func.${name}`;
            const answer = askHost({ op: 'func', name, args: args.map((a) => hostValue(a, call)), origin: currentPath }) as Row;
            if (!answer.successful) throw new Error(String(answer.error));
            return decodeValue(answer.value);
          };
        },
      },
    );

  const createDv = (currentPath: string) => {
    const value = (v: unknown) => outputValue(v, currentPath, 0);
    // Elements that act on the vault or the app when used (buttons, inputs): one notice per block, not shown.
    const appNotices = new Set<string>();
    const page = elements.createContainer((tag) => {
      if (!appNotices.has(tag)) output.push({ kind: 'notice', text: `A <${tag}> works only inside Obsidian: it is not shown here.` });
      appNotices.add(tag);
    });
    // Output records go into the container, after whatever elements the block put there.
    const output = { push: (record: Output) => page.addRecord(record) };
    const dv = {
      currentFilePath: currentPath,
      container: page.container,
      luxon: { DateTime, Duration },
      func: dqlFunctions(currentPath),
      widget: { listPair: (key: unknown, v: unknown) => new ListPairWidget(key, v) },
      value: {
        typeOf,
        compareValue,
        toString: (v: unknown) => valueToString(v),
        isLink,
        isDate,
        isArray: (v: unknown) => Array.isArray(v),
        isString: (v: unknown) => typeof v === 'string',
        isNumber: (v: unknown) => typeof v === 'number',
        isBoolean: (v: unknown) => typeof v === 'boolean',
        isNull: (v: unknown) => v === null || v === undefined,
        isObject: (v: unknown) => typeOf(v) === 'object',
      },
      current: () => dv.page(currentPath),
      page: (path: unknown) => {
        if (typeof path !== 'string' && !isLink(path)) {
          throw new Error(`dv.page only handles string and link paths; was provided type '${typeof path}'`);
        }
        const page = resolveLinkpath(isLink(path) ? path.path : path, currentPath);
        return page ? pageObject(page) : undefined;
      },
      pages: (query: unknown) => lazySourcePages(query, currentPath),
      pagePaths: (query: unknown) => wrapDataArray(sources.pagesForQuery(query, currentPath).map((p) => p.path)),
      array: toDataArray,
      isArray: (raw: unknown) => Array.isArray(raw),
      isDataArray,
      fileLink: (path: string, embed?: boolean, display?: string) => Link.file(path, embed, display),
      sectionLink: (path: string, section: string, embed?: boolean, display?: string) => Link.header(path, section, embed, display),
      blockLink: (path: string, blockId: string, embed?: boolean, display?: string) => Link.block(path, blockId, embed, display),
      date: (pathlike: unknown): unknown => {
        if (isDate(pathlike)) return pathlike;
        if (isLink(pathlike)) {
          const page = dv.page(pathlike);
          return page?.file.day ? page.file.day : null;
        }
        const text = String(pathlike).trim();
        if (text === 'now') return DateTime.now();
        if (text === 'today') return DateTime.now().startOf('day');
        if (text === 'yesterday') return DateTime.now().startOf('day').minus({ days: 1 });
        if (text === 'tomorrow') return DateTime.now().startOf('day').plus({ days: 1 });
        const ts = parseIsoMillis(text);
        return ts === undefined ? null : new DateTime(ts);
      },
      compare: compareValue,
      equal: (a: unknown, b: unknown) => compareValue(a, b) === 0,
      clone: deepCopy,
      el: (tag: unknown, text: unknown, options?: ElementOptions) => {
        const name = String(tag).toLowerCase();
        if (!SAFE_TAGS.has(name) && !elements.isAppOnly(name) && name !== 'style')
          throw new Error(`dv.el('${tag}') is not supported by tsunagu: only text elements are`);
        const o = options || {};
        const parent = o.container instanceof elements.DomElement ? o.container : page.container;
        const element = parent.createEl(name, { cls: o.cls, attr: o.attr });
        // An element as the content moves into the new one, as in Obsidian (renderValue appends it).
        // A style's content is its CSS, as text.
        element.appendChild(text instanceof elements.DomNode ? text : name === 'style' ? String(text ?? '') : page.valueNode(value(text)));
        return element;
      },
      header: (level: unknown, text: unknown, options?: ElementOptions) => {
        const tag = HEADER_TAGS[level as string];
        if (!tag) throw new Error(`Unrecognized level '${level}' (expected 1, 2, 3, 4, 5, or 6)`);
        return dv.el(tag, text, options);
      },
      paragraph: (text: unknown, options?: ElementOptions) => dv.el('p', text, options),
      span: (text: unknown, options?: ElementOptions) => dv.el('span', text, options),
      list: (values: Iterable<unknown> | undefined) => {
        if (!values) return;
        output.push({ kind: 'list', items: Array.from(values).map(value) });
      },
      io: {
        normalize: (path: unknown, origin?: string) => normalizeIoPath(path, origin || currentPath),
        load: (path: unknown, origin?: string) => Promise.resolve(readVaultFile(normalizeIoPath(path, origin || currentPath))),
        csv: (path: unknown, origin?: string) => {
          const file = normalizeIoPath(path, origin || currentPath);
          const text = readVaultFile(file);
          if (text === undefined) return Promise.reject(new Error(`Could not find CSV for path ${file}`));
          const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && l.charAt(0) !== '#');
          const header = lines.length ? csvCells(lines[0]).map((h) => h.trim()) : [];
          return Promise.resolve(
            wrapDataArray(
              lines.slice(1).map((line) => {
                const cells = csvCells(line);
                const row: Row = {};
                header.forEach((key, i) => {
                  row[key] = cells[i] === undefined ? null : csvValue(cells[i]);
                });
                return row;
              }),
            ),
          );
        },
      },
      view: async (name: unknown, input: unknown) => {
        const base = String(name).replace(/^\/+/, '').replace(/\.js$/, '');
        let script = readVaultFile(`${base}.js`);
        let css: string | undefined;
        let path = `${base}.js`;
        if (script === undefined) {
          path = `${base}/view.js`;
          script = readVaultFile(path);
          css = script === undefined ? undefined : readVaultFile(`${base}/view.css`);
        }
        if (script === undefined) throw new Error(`Dataview: custom view not found for '${base}.js' or '${base}/view.js'.`);
        if (css !== undefined) output.push({ kind: 'style', css });
        let result: unknown;
        try {
          const view = new (script.indexOf('await') >= 0 ? AsyncFunction : PlainFunction)('dv', 'input', script);
          result = await view(api, input);
        } catch (error) {
          const message = error && (error as Error).message ? (error as Error).message : String(error);
          throw new Error(`Dataview: Failed to execute view '${path}'. ${message}`);
        }
        if (result) dv.span(result);
      },
      query: (dql: unknown, origin?: unknown) => {
        const answer = askHost({ op: 'query', dql: String(dql), origin: origin ? String(origin) : currentPath }) as Row & { value: Row };
        return Promise.resolve(answer.successful ? { successful: true, value: decodeQueryValue(answer.value) } : answer);
      },
      tryQuery: async (dql: unknown, origin?: unknown) => {
        const result = (await dv.query(dql, origin)) as Row;
        if (!result.successful) throw new Error(result.error as string);
        return result.value;
      },
      execute: (dql: unknown) => {
        const answer = askHost({ op: 'execute', dql: String(dql), origin: currentPath }) as Row & { blocks: Output[] };
        if (!answer.successful) throw new Error(`Dataview: ${answer.error}`);
        answer.blocks.forEach((block) => {
          output.push(block);
        });
      },
      executeJs: (code: unknown) => new AsyncFunction('dv', 'dataview', String(code))(api, api),
      evaluate: (expression: unknown, context?: unknown) => {
        const request = { op: 'evaluate', expression: String(expression), context: hostValue(context ?? {}, 'dv.evaluate'), origin: currentPath };
        const answer = askHost(request) as Row;
        return answer.successful ? { successful: true, value: decodeValue(answer.value) } : answer;
      },
      tryEvaluate: (expression: unknown, context?: unknown) => {
        const result = dv.evaluate(expression, context);
        if (!result.successful) throw new Error(String(result.error));
        return result.value;
      },
      parse: (text: unknown) => decodeValue(askHost({ op: 'parse', text: String(text) })),
      duration: (text: unknown) => {
        if (isDuration(text)) return text;
        const parsed = dv.parse(String(text));
        return isDuration(parsed) ? parsed : null;
      },
      taskList: (tasks: Iterable<unknown> | undefined, groupByFile?: boolean) => {
        const list = Array.from(tasks || []) as (Task & { key?: unknown; rows?: Iterable<Task> })[];
        let groups: Row[];
        if (list.length && list[0] && 'rows' in list[0] && 'key' in list[0]) {
          groups = list.map((g) => ({ key: value(g.key), count: Array.from(g.rows!).length, items: taskTree(Array.from(g.rows!)) }));
        } else if (groupByFile === false) {
          groups = [{ items: taskTree(list) }];
        } else {
          const byPath = new Map<unknown, Task[]>();
          list.forEach((t) => {
            if (!byPath.has(t.path)) byPath.set(t.path, []);
            byPath.get(t.path)!.push(t);
          });
          groups = Array.from(byPath.entries()).map((e) => ({ key: value(Link.file(e[0] as string)), count: e[1].length, items: taskTree(e[1]) }));
        }
        output.push({ kind: 'tasks', groups });
      },
      markdownTable: (headers: Iterable<unknown> | undefined, rows: Iterable<Iterable<unknown>> | undefined) => {
        const head = Array.from(headers || []).map(markdownCell);
        const body = Array.from(rows || []).map((row) => Array.from(row).map(markdownCell));
        body.forEach((row) => {
          if (row.length !== head.length) throw new Error(`Dataview: markdownTable: every row needs ${head.length} cells`);
        });
        const widths = head.map((h, i) => Math.max(h.length, 1, Math.max.apply(null, body.map((r) => r[i].length).concat([0]))));
        const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat(widths[i] - c.length)).join(' | ')} |`;
        return [line(head), line(widths.map((w) => '-'.repeat(w)))].concat(body.map(line)).join('\n');
      },
      markdownList: (values: Iterable<unknown> | undefined) =>
        Array.from(values || [])
          .map((v) => `- ${markdownCell(v)}`)
          .join('\n'),
      markdownTaskList: (tasks: Iterable<Task> | undefined) => {
        const lines: string[] = [];
        const walk = (t: Task, depth: number) => {
          lines.push(`${' '.repeat(4 * depth)}- [${typeof t.status === 'string' ? t.status : ' '}] ${String(t.text || '')}`);
          Array.from(t.children || []).forEach((c) => {
            walk(c, depth + 1);
          });
        };
        const listed = new Set(Array.from(tasks || []).map((t) => `${t.path}:${t.line}`));
        Array.from(tasks || [])
          .filter((t) => t.parent === undefined || !listed.has(`${t.path}:${t.parent}`))
          .forEach((t) => {
            walk(t, 0);
          });
        return lines.join('\n');
      },
      table: (headers: Iterable<unknown> | undefined, rows: Iterable<unknown> | undefined) => {
        output.push({
          kind: 'table',
          headers: Array.from(headers || []).map((h) => markdownValue(String(h))),
          rows: Array.from(rows || []).map((row) => (Array.isArray(row) ? Array.from(row as unknown[]) : [row]).map(value)),
        });
      },
    };
    UNSUPPORTED.forEach((key) => {
      unsupportedField(dv, key, `dv.${key}`, key === 'app');
    });
    const api = new Proxy(dv, {
      get: (target, key) => {
        if (typeof key === 'string' && !(key in target) && key !== 'then') throw new Error(`dv.${key} is not supported by tsunagu`);
        return (target as Row)[key as string];
      },
    });
    /**
     * The block's output, after which its objects let go of one another: the dv functions refer to dv (and to the
     * container), a cycle QuickJS frees only when its collector runs, a pass over the whole heap that the garbage of
     * a few hundred blocks used to trigger.
     */
    const finish = () => {
      const json = JSON.stringify(page.output());
      page.release();
      Object.keys(dv).forEach((key) => {
        Reflect.deleteProperty(dv, key);
      });
      return json;
    };
    return { dv: api, output: finish };
  };

  return { createDv };
}

export type LinkLike = LinkValue;
