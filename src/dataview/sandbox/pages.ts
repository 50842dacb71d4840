// Sandbox module: the vault snapshot (published notes only), link resolution, and Dataview page objects.
import type { DvLink, DvPageInput } from '../types';
import type { DataArrays } from './data-array';
import type { Isolation } from './isolation';
import type { DateDisplay, LinkFields, LinkValue, Values } from './values';

/** A value typed on the host (snapshot-values.ts): dates, durations and links are tagged objects. */
export type EncodedValue = null | number | string | boolean | EncodedValue[] | { [key: string]: EncodedValue };
/**
 * A page as the snapshot sends it. Links to pages are sent by their index in `pages` (most of the snapshot is links):
 * a plain link (a file, no display, no embed) as the index alone, an inlink as the index of the page it comes from.
 */
export interface SnapshotPage extends Omit<DvPageInput, 'outlinks' | 'inlinks'> {
  /**
   * The outlinks' JSON, parsed when first read: most pages' outlinks never are, and QuickJS parses a string in a
   * fraction of the time it takes to build the arrays (sandbox setup at 10,000 notes: 1.0–1.1 → 0.8 s).
   */
  outlinks: string;
  inlinks: (number | string)[];
  /** When every inlink is a page's index: the order sorting them gives, if it is not theirs (engine.ts). */
  inlinksSorted?: number[];
  /** The typed fields the sandbox cannot rebuild from the frontmatter (snapshot-values.ts, `SentFields`). */
  typed?: { fields: Record<string, EncodedValue>; merged?: Record<string, EncodedValue>; day: EncodedValue };
  /** Ranks of the path and the name in collation order among every page's path and name (host-helpers.ts). */
  pathRank?: number;
  nameRank?: number;
}
export interface Snapshot {
  pages: SnapshotPage[];
  /** Each raw field key with a canonical alias (Dataview's lower-cased key), and that alias. */
  aliases?: [string, string][];
  /** Field keys holding an object (list, date, link…) on some page. */
  objectKeys?: string[];
  /** Lowercased '#tag' → numbers of the pages a tag source lists, in snapshot order (snapshot-values.ts). */
  tagPages: [string, number[]][];
  /** How dates render (Dataview's settings and the app's locale); English defaults when absent. */
  display?: DateDisplay;
}
export type PageObject = Record<string, unknown> & { file: Record<string, unknown> };
export type AskHost = (request: object) => unknown;
export type SharedWork = <T>(build: () => T) => T;

export function pageIndex(
  snapshot: Snapshot,
  values: Pick<Values, 'DateTime' | 'Duration' | 'Link' | 'parseIsoMillis'>,
  arrays: Pick<DataArrays, 'wrapDataArray' | 'rememberSorted'>,
  freezeData: Isolation['freezeData'],
  host: { askHost: AskHost; sharedWork: SharedWork },
) {
  const { askHost, sharedWork } = host;
  const { DateTime, Duration, Link, parseIsoMillis } = values;
  const { wrapDataArray, rememberSorted } = arrays;
  const snapshotPages = snapshot.pages;
  const pagesByPath = new Map<string, SnapshotPage>();
  const pagesByLowerPath = new Map<string, SnapshotPage>();
  const pagesByLowerName = new Map<string, SnapshotPage[]>();
  const pageNumbers = new Map<SnapshotPage, number>();
  snapshotPages.forEach((page, number) => {
    pageNumbers.set(page, number);
    pagesByPath.set(page.path, page);
    pagesByLowerPath.set(page.path.toLowerCase(), page);
    const name = page.name.toLowerCase();
    if (!pagesByLowerName.has(name)) pagesByLowerName.set(name, []);
    pagesByLowerName.get(name)!.push(page);
  });

  const sentOutlinks = new Map<SnapshotPage, (number | DvLink)[]>();
  const outlinksSent = (page: SnapshotPage): (number | DvLink)[] => {
    let links = sentOutlinks.get(page);
    if (links === undefined) sentOutlinks.set(page, (links = JSON.parse(page.outlinks) as (number | DvLink)[]));
    return links;
  };
  const outlinksOf = (page: SnapshotPage): DvLink[] =>
    outlinksSent(page).map((link) => (typeof link === 'number' ? { path: snapshotPages[link].path, embed: false, type: 'file' } : link));

  /**
   * Each page's file link, made once and frozen: its file.link, and every inlink and plain outlink to it, is this one
   * object (links to pages are most of what blocks read and list: the seed block reads 70,000 inlinks at 10,000 notes).
   */
  const pageLinks: LinkValue[] = [];
  /** The page a shared page link names, by number, when it resolves to that page from any note (its exact path). */
  const pageLinkNumbers = new Map<LinkValue, number>();
  const pageLink = (number: number): LinkValue => {
    let link = pageLinks[number];
    if (link === undefined) {
      const path = snapshotPages[number].path;
      link = pageLinks[number] = Object.freeze(Link.file(path));
      if (pagesByPath.get(path.trim().replace(/^\/+/, '')) === snapshotPages[number]) pageLinkNumbers.set(link, number);
    }
    return link;
  };
  /** The number of the page a link names, when it is a shared page link resolving to it (api.ts outputs it so). */
  const linkedPageNumber = (value: unknown): number | undefined => pageLinkNumbers.get(value as LinkValue);

  /** A page's outlinks as links: a plain link to a page is that page's shared link. */
  const outlinkValues = (page: SnapshotPage): LinkValue[] => outlinksSent(page).map((link) => (typeof link === 'number' ? pageLink(link) : new Link(link)));
  // Only pages in the snapshot, even if the host passed more: a private page's name must not show.
  const inlinkValues = (page: SnapshotPage): LinkValue[] =>
    page.inlinks.flatMap((from) => {
      if (typeof from === 'number') return [pageLink(from)];
      const source = pagesByPath.get(from);
      return source === undefined ? [] : [pageLink(pageNumbers.get(source)!)];
    });

  /**
   * The first page (snapshot order) whose lowercased path, less its last three characters ('.md'), ends with '/' +
   * each key: what a path-suffix link resolves to. Built on first use (unresolved links to attachments are common).
   */
  let suffixIndex: Map<string, SnapshotPage> | undefined;
  const pagesByPathSuffix = (): Map<string, SnapshotPage> => {
    if (suffixIndex) return suffixIndex;
    return (suffixIndex = sharedWork(() => {
      const index = new Map<string, SnapshotPage>();
      snapshotPages.forEach((page) => {
        const stem = page.path.toLowerCase().slice(0, -3);
        for (let slash = stem.indexOf('/'); slash >= 0; slash = stem.indexOf('/', slash + 1)) {
          const suffix = stem.slice(slash + 1);
          if (!index.has(suffix)) index.set(suffix, page);
        }
      });
      return index;
    }));
  };

  /** Like Obsidian's getFirstLinkpathDest: exact path, path without .md, path suffix, then unique name (same folder wins). */
  const resolveLinkpath = (linkpath: unknown, originPath: string): SnapshotPage | undefined => {
    if (linkpath === null || linkpath === undefined) return undefined;
    const text = String(linkpath).trim().replace(/^\/+/, '');
    if (text === '') return pagesByPath.get(originPath);
    const lower = text.toLowerCase();
    const exact = pagesByPath.get(text) || pagesByPath.get(`${text}.md`) || pagesByLowerPath.get(lower) || pagesByLowerPath.get(`${lower}.md`);
    if (exact) return exact;
    const bare = lower.replace(/\.md$/, '');
    if (bare.indexOf('/') >= 0) return pagesByPathSuffix().get(bare);
    const named = pagesByLowerName.get(bare) || [];
    if (named.length <= 1) return named[0];
    const origin = pagesByPath.get(originPath);
    return named.find((page) => origin && page.folder === origin.folder) || named[0];
  };

  /** '#a/b/c' → '#a/b/c', '#a/b', '#a': each explicit tag then its parents, nearest first, each once. */
  const expandTags = (etags: string[]): string[] => {
    const result: string[] = [];
    etags.forEach((tag) => {
      const parts = tag.split('/');
      for (let n = parts.length; n >= 1; n--) {
        const candidate = `#${parts.slice(0, n).join('/')}`;
        if (result.indexOf(candidate) < 0) result.push(candidate);
      }
    });
    return result;
  };

  const tagsByPath = new Map<string, string[]>();
  const tagsOf = (page: SnapshotPage): string[] => {
    if (!tagsByPath.has(page.path)) tagsByPath.set(page.path, expandTags(page.etags));
    return tagsByPath.get(page.path)!;
  };

  /** Frontmatter as Dataview reads it: '[[x]]' strings become links, ISO date strings become dates. */
  const frontmatterValue = (value: unknown, originPath: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => frontmatterValue(v, originPath));
    if (value && typeof value === 'object') {
      const object: Record<string, unknown> = {};
      Object.keys(value).forEach((key) => {
        object[key] = frontmatterValue((value as Record<string, unknown>)[key], originPath);
      });
      return object;
    }
    if (typeof value !== 'string') return value;
    const link = /^(!?)\[\[([^[\]]*?)\]\]$/.exec(value.trim());
    if (link) {
      const bar = link[2].indexOf('|');
      const target = bar >= 0 ? link[2].slice(0, bar) : link[2];
      const display = bar >= 0 ? link[2].slice(bar + 1) : undefined;
      const parsed = Link.infer(target, link[1] === '!', display);
      const resolved = resolveLinkpath(parsed.path, originPath);
      return resolved ? parsed.withPath(resolved.path) : parsed;
    }
    const ts = /^\d{4}-\d{2}-\d{2}/.test(value) ? parseIsoMillis(value) : undefined;
    return ts === undefined ? value : new DateTime(ts);
  };

  /** A value the host typed (snapshot-values.ts): tagged dates, durations and links become sandbox values. */
  const decodeValue = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decodeValue);
    if (value === null || typeof value !== 'object') return value;
    const tagged = value as { $date?: number; $duration?: number; $text?: string; $link?: LinkFields };
    if ('$date' in tagged) return new DateTime(tagged.$date!);
    if ('$duration' in tagged) return new Duration(tagged.$duration!, tagged.$text);
    if ('$link' in tagged) return new Link(tagged.$link!);
    const object: Record<string, unknown> = {};
    Object.keys(value).forEach((key) => {
      object[key] = decodeValue((value as Record<string, unknown>)[key]);
    });
    return object;
  };

  type ListItem = Record<string, unknown> & { children?: unknown; task?: unknown };
  /** A list item or task: its children, tags and links are data arrays, as in Dataview. */
  const decodeListItem = (item: unknown): ListItem => {
    const wrap = (o: ListItem): ListItem => {
      o.children = wrapDataArray(((o.children as ListItem[]) || []).map(wrap));
      o.subtasks = o.children;
      if (Array.isArray(o.tags)) o.tags = wrapDataArray(o.tags);
      if (Array.isArray(o.outlinks)) o.outlinks = wrapDataArray(o.outlinks);
      return o;
    };
    return wrap(decodeValue(item) as ListItem);
  };

  /** List items come from the host when a block first reads them (most never do), then stay, frozen, for every block. */
  const listsByPath = new Map<string, { lists: unknown; tasks: unknown }>();
  const listsOf = (path: string) => {
    if (!listsByPath.has(path)) {
      sharedWork(() => {
        const items = (askHost({ op: 'lists', path }) as unknown[]).map(decodeListItem);
        const entry = { lists: wrapDataArray(items), tasks: wrapDataArray(items.filter((item) => item.task)) };
        freezeData(entry.lists);
        freezeData(entry.tasks);
        listsByPath.set(path, entry);
      });
    }
    return listsByPath.get(path)!;
  };
  function fileListsGetter(this: { path: string }) {
    return listsOf(this.path).lists;
  }
  function fileTasksGetter(this: { path: string }) {
    return listsOf(this.path).tasks;
  }

  /** One getter per label, shared by every object that has the field (page objects must not carry closures of their own). */
  const unsupportedGetters = new Map<string, () => never>();
  const unsupportedGetter = (message: string, reference = false): (() => never) => {
    if (!unsupportedGetters.has(message)) {
      unsupportedGetters.set(message, () => {
        throw reference ? new ReferenceError(message) : new Error(message);
      });
    }
    return unsupportedGetters.get(message)!;
  };
  /**
   * A field that throws when read: `label` is not supported; `absent`: the field does not exist here at all (dv.app,
   * Obsidian's app), thrown as a name that is not defined, which the host explains as it explains the global app.
   */
  const unsupportedField = (object: object, key: string, label: string, absent = false): void => {
    const get = absent ? unsupportedGetter(`${label} is not defined`, true) : unsupportedGetter(`${label} is not supported by tsunagu`);
    Object.defineProperty(object, key, { enumerable: false, get });
  };

  /** Which snapshot page a page object or its `file` object was built from. */
  const pageOf = new WeakMap<object, SnapshotPage>();
  /**
   * A getter shared by every page object with the field (page objects must not carry closures of their own): it
   * computes the value from the snapshot page on first read, freezes it and keeps it, so every block sees one value.
   */
  const lazyGetter = (compute: (page: SnapshotPage) => unknown, freeze: (value: unknown) => void = freezeData) => {
    const values = new WeakMap<object, unknown>();
    return function lazyField(this: object): unknown {
      if (values.has(this)) return values.get(this);
      const page = pageOf.get(this);
      if (page === undefined) return undefined;
      const value = compute(page);
      freeze(value);
      values.set(this, value);
      return value;
    };
  };
  const accessor = (get: () => unknown): PropertyDescriptor => ({ enumerable: true, get });
  const frontmatterOf = (page: SnapshotPage) => page.frontmatter || {};
  const aliasesOf = (page: SnapshotPage) => {
    const fm = frontmatterOf(page);
    const aliasKey = Object.keys(fm).find((k) => /^alias(es)?$/i.test(k));
    return aliasKey === undefined ? [] : ([] as unknown[]).concat(fm[aliasKey]).filter((a) => typeof a === 'string');
  };
  // Most blocks read a few fields of a few pages: the rest of the vault costs nothing until read.
  const FILE_FIELDS: PropertyDescriptorMap = {
    link: accessor(lazyGetter((page) => pageLink(pageNumbers.get(page)!), Object.freeze)),
    outlinks: accessor(lazyGetter((page) => wrapDataArray(outlinkValues(page)))),
    inlinks: accessor(
      lazyGetter((page) => {
        const links = inlinkValues(page);
        // Sorted by themselves, they take the order the host computed (frozen with the array, so it cannot change).
        if (page.inlinks.every((from) => typeof from === 'number')) rememberSorted(links, page.inlinksSorted ? page.inlinksSorted.map(pageLink) : links);
        return wrapDataArray(links);
      }),
    ),
    etags: accessor(lazyGetter((page) => wrapDataArray(page.etags.map((t) => `#${t}`)))),
    tags: accessor(lazyGetter((page) => wrapDataArray(tagsOf(page).slice()))),
    aliases: accessor(lazyGetter((page) => wrapDataArray(aliasesOf(page)))),
    // Dates and links hold primitives only: freezing the object itself is enough.
    ctime: accessor(lazyGetter((page) => new DateTime(page.ctime), Object.freeze)),
    cday: accessor(lazyGetter((page) => new DateTime(page.ctime).startOf('day'), Object.freeze)),
    mtime: accessor(lazyGetter((page) => new DateTime(page.mtime), Object.freeze)),
    mday: accessor(lazyGetter((page) => new DateTime(page.mtime).startOf('day'), Object.freeze)),
    frontmatter: accessor(lazyGetter(frontmatterOf)),
  };
  const DAY_FIELD: PropertyDescriptorMap = { day: accessor(lazyGetter((page) => decodeValue(page.typed!.day))) };
  const LIST_FIELDS: PropertyDescriptorMap = { lists: accessor(fileListsGetter), tasks: accessor(fileTasksGetter) };
  const UNSUPPORTED_SIZE: PropertyDescriptorMap = { size: { enumerable: false, get: unsupportedGetter('file.size is not supported by tsunagu') } };
  /**
   * A page's typed fields in the row's order: each raw key (frontmatter, then inline) with its sent value or else its
   * frontmatter value, then the canonical aliases, each sent when merged from several keys or else its key's value.
   */
  const aliasOf = new Map(snapshot.aliases || []);
  const rebuildFields = (page: SnapshotPage): Record<string, EncodedValue> => {
    const sent = page.typed;
    if (!sent) return {};
    const fm = (page.frontmatter || {}) as Record<string, EncodedValue>;
    const rawKeys = Object.keys(fm).filter((key) => key !== 'position');
    for (const key in sent.fields) if (!(key in fm) || key === 'position') rawKeys.push(key);
    const fields: Record<string, EncodedValue> = {};
    rawKeys.forEach((key) => {
      if (key !== 'file') fields[key] = key in sent.fields ? sent.fields[key] : fm[key];
    });
    const merged = sent.merged || {};
    rawKeys.forEach((key) => {
      const alias = aliasOf.get(key);
      // Raw keys are all in `fields` by now: an alias spelled by one stays that key's.
      if (alias === undefined || alias in fields) return;
      fields[alias] = alias in merged ? merged[alias] : fields[key];
    });
    return fields;
  };
  const fieldsByPage = new Map<SnapshotPage, Record<string, EncodedValue>>();
  const fieldsOf = (page: SnapshotPage): Record<string, EncodedValue> => {
    let fields = fieldsByPage.get(page);
    if (fields === undefined) fieldsByPage.set(page, (fields = rebuildFields(page)));
    return fields;
  };
  /** Typed fields that are objects (lists, dates, links…) are decoded when read; one getter per field name. */
  const typedFields = new Map<string, PropertyDescriptorMap>();
  (snapshot.objectKeys || []).forEach((key) => {
    typedFields.set(key, { [key]: accessor(lazyGetter((p) => decodeValue(fieldsOf(p)[key]))) });
  });

  /**
   * A Dataview page object, built on first use and shared by every later block, so frozen (isolation.ts): plain
   * data and accessors whose getters are shared and hardened, and which freeze what they return.
   */
  const buildPageObject = (page: SnapshotPage): PageObject => {
    const file: Record<string, unknown> = { path: page.path, folder: page.folder, name: page.name };
    Object.defineProperties(file, FILE_FIELDS);
    file.ext = 'md';
    if (page.typed?.day) Object.defineProperties(file, DAY_FIELD);
    Object.defineProperties(file, LIST_FIELDS);
    // Without a size from the host, say so rather than answer wrongly.
    if (typeof page.size === 'number') file.size = page.size;
    else Object.defineProperties(file, UNSUPPORTED_SIZE);
    const result: PageObject = { file };
    const fields = fieldsOf(page);
    for (const key in fields) {
      const value = fields[key];
      if (value === null || typeof value !== 'object') result[key] = value;
      else Object.defineProperties(result, typedFields.get(key)!);
    }
    pageOf.set(file, page);
    pageOf.set(result, page);
    // Their own values are primitives, accessors and the file object: no deeper walk needed.
    Object.freeze(file);
    return Object.freeze(result);
  };

  /**
   * A `file.*` key read off the snapshot page, for sorting a source without building its page objects: what the page
   * object's field gives, or a number ordering as it does (a date's ts: dates compare by it). Undefined for other keys.
   */
  const snapshotKey = (path: readonly string[]): ((page: SnapshotPage) => unknown) | undefined => {
    if (path[0] !== 'file' || path.length > 3) return undefined;
    const field = path.slice(1).join('.');
    if (field === 'path' || field === 'name' || field === 'folder') return (page) => page[field];
    if (field === 'mtime' || field === 'mtime.ts') return (page) => page.mtime;
    if (field === 'ctime' || field === 'ctime.ts') return (page) => page.ctime;
    return undefined;
  };

  const pageObjects = new Map<SnapshotPage, PageObject>();
  const sharedPageObjectSet = new Set<unknown>();
  const pageObject = (page: SnapshotPage): PageObject => {
    let object = pageObjects.get(page);
    if (object === undefined) {
      object = buildPageObject(page);
      pageObjects.set(page, object);
      sharedPageObjectSet.add(object);
    }
    return object;
  };
  const isSharedPageObject = (value: unknown): boolean => sharedPageObjectSet.has(value);
  const descriptorGetters = (map: PropertyDescriptorMap) => Object.keys(map).map((key) => map[key].get);

  return {
    snapshotPages,
    pagesByPath,
    outlinksOf,
    resolveLinkpath,
    linkedPageNumber,
    frontmatterValue,
    decodeValue,
    decodeListItem,
    unsupportedField,
    pageObject,
    snapshotKey,
    isSharedPageObject,
    /** Shared functions blocks can reach only through page objects: hardened with the API. */
    sharedGetters: () => [...[FILE_FIELDS, DAY_FIELD, LIST_FIELDS, ...typedFields.values()].flatMap(descriptorGetters), ...unsupportedGetters.values()],
  };
}

export type Pages = ReturnType<typeof pageIndex>;
