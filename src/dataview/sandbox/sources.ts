// Sandbox module: Dataview source expressions (`#tag`, `"folder"`, `[[note]]`, `outgoing([[note]])`, and/or, `-`,
// parens) parsed and resolved to ordered page lists.
import type { Pages, SharedWork, SnapshotPage } from './pages';

export type Source =
  | { type: 'tag'; tag: string }
  | { type: 'folder'; folder: string }
  | { type: 'link'; file: string; incoming: boolean }
  | { type: 'negate'; child: Source }
  | { type: 'binary'; op: 'and' | 'or'; left: Source; right: Source };

export function parseSource(text: unknown): Source {
  const input = String(text);
  let pos = 0;
  const fail = (expected: string): never => {
    throw new Error(`Failed to parse query in 'pagePaths': expected ${expected} at position ${pos} of "${input}"`);
  };
  const skipSpace = () => {
    while (pos < input.length && /\s/.test(input[pos])) pos++;
  };
  const match = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    const m = re.exec(input);
    if (!m) return null;
    pos = re.lastIndex;
    return m;
  };
  const linkTarget = (inner: string) => inner.split('|')[0].split('#')[0].trim();
  const atom = (): Source => {
    skipSpace();
    let m: RegExpExecArray | null;
    if (match(/\(/y)) {
      const inner = binary();
      skipSpace();
      if (!match(/\)/y)) fail("')'");
      return inner;
    }
    if (match(/[-!]/y)) return { type: 'negate', child: atom() };
    if ((m = match(/outgoing\(\s*\[\[([^[\]]*?)\]\]\s*\)/y))) return { type: 'link', file: linkTarget(m[1]), incoming: false };
    if ((m = match(/\[\[([^[\]]*?)\]\]/y))) return { type: 'link', file: linkTarget(m[1]), incoming: true };
    if ((m = match(/"((?:[^"\\]|\\.)*)"/y))) return { type: 'folder', folder: m[1].replace(/\\(.)/g, '$1') };
    if ((m = match(/#[^\s,;.:!?"'()[\]{}<>#]+/y))) return { type: 'tag', tag: m[0] };
    if (match(/csv\(/y)) throw new Error('csv() sources are not supported by tsunagu');
    return fail('a source (#tag, "folder", [[link]], outgoing([[link]]))');
  };
  const binary = (): Source => {
    let left = atom();
    for (;;) {
      skipSpace();
      const op = match(/(and|or)(?![\p{L}\p{N}_])|&|\|/iuy);
      if (!op) return left;
      left = { type: 'binary', op: /^(and|&)$/i.test(op[0]) ? 'and' : 'or', left, right: atom() };
    }
  };
  const source = binary();
  skipSpace();
  if (pos < input.length) fail('and/or or the end');
  return source;
}

/** Whether a source's pages depend on the note asking: a [[link]] resolves from there. */
export function dependsOnOrigin(source: Source | null): boolean {
  if (source === null) return false;
  if (source.type === 'link') return true;
  if (source.type === 'negate') return dependsOnOrigin(source.child);
  if (source.type === 'binary') return dependsOnOrigin(source.left) || dependsOnOrigin(source.right);
  return false;
}

export function pageSources(
  pages: Pick<Pages, 'snapshotPages' | 'pagesByPath' | 'resolveLinkpath' | 'outlinksOf'>,
  parse: typeof parseSource,
  sharedWork: SharedWork,
  tagPages: [string, number[]][],
) {
  const { snapshotPages, pagesByPath, resolveLinkpath, outlinksOf } = pages;

  /** Appends the page to the list under key, once; lists keep snapshot order. */
  const addTo = (index: Map<string, SnapshotPage[]>, key: string, page: SnapshotPage): void => {
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    if (list[list.length - 1] !== page) list.push(page);
  };

  /** An index of the snapshot's pages built on first use (once per build), so a source costs the size of its result. */
  const lazyIndex = (keysOf: (page: SnapshotPage) => string[]) => {
    let index: Map<string, SnapshotPage[]> | undefined;
    return (): Map<string, SnapshotPage[]> => {
      if (index) return index;
      return (index = sharedWork(() => {
        const built = new Map<string, SnapshotPage[]>();
        snapshotPages.forEach((page) => {
          keysOf(page).forEach((key) => {
            addTo(built, key, page);
          });
        });
        return built;
      }));
    };
  };
  /** Lowercased '#tag' → pages whose file.tags hold it (a tag source includes subtags), as the host indexed them. */
  let tagIndex: Map<string, SnapshotPage[]> | undefined;
  const pagesByLowerTag = () =>
    tagIndex || (tagIndex = sharedWork(() => new Map(tagPages.map(([tag, numbers]) => [tag, numbers.map((n) => snapshotPages[n])]))));
  /** Folder → pages in it or below. */
  const pagesByFolder = lazyIndex((page) => {
    const parts = page.folder === '' ? [] : page.folder.split('/');
    return parts.map((_, n) => parts.slice(0, n + 1).join('/'));
  });
  /** Link path (resolved page path, or the raw target) → pages linking to it. */
  const pagesByLinkPath = lazyIndex((page) => outlinksOf(page).map((link) => link.path));

  const indexed = (index: Map<string, SnapshotPage[]>, key: string): SnapshotPage[] => {
    const pages = index.get(key);
    return pages ? pages.slice() : [];
  };

  /** Pages (snapshot order within a source) matching a parsed source; and/or combine like Dataview's sets. */
  const matchingPages = (source: Source, originPath: string): SnapshotPage[] => {
    switch (source.type) {
      case 'tag':
        return indexed(pagesByLowerTag(), source.tag.toLowerCase());
      case 'folder': {
        const folder = source.folder.replace(/^\/+|\/+$/g, '');
        if (folder === '') return snapshotPages.slice();
        const inFolder = indexed(pagesByFolder(), folder);
        if (inFolder.length > 0) return inFolder;
        const file = pagesByPath.get(folder) || pagesByPath.get(`${folder}.md`);
        return file ? [file] : [];
      }
      case 'link': {
        const target = resolveLinkpath(source.file, originPath);
        if (!target) return indexed(pagesByLinkPath(), source.file);
        if (source.incoming) return indexed(pagesByLinkPath(), target.path);
        const seen = new Set<SnapshotPage>();
        return outlinksOf(target)
          .map((link) => pagesByPath.get(link.path))
          .filter((page): page is SnapshotPage => {
            if (!page || seen.has(page)) return false;
            seen.add(page);
            return true;
          });
      }
      case 'negate': {
        const excluded = new Set(matchingPages(source.child, originPath));
        return snapshotPages.filter((page) => !excluded.has(page));
      }
      case 'binary': {
        const left = matchingPages(source.left, originPath);
        const right = matchingPages(source.right, originPath);
        if (source.op === 'and') {
          const leftSet = new Set(left);
          return right.filter((page) => leftSet.has(page));
        }
        const union = new Set(left);
        right.forEach((page) => {
          union.add(page);
        });
        return Array.from(union);
      }
    }
    return [];
  };

  /** A dv.pages() query parsed (a malformed one throws here, as in Dataview); null for the whole vault. */
  const parseQuery = (query: unknown): Source | null => {
    if (query === undefined || query === null || String(query).trim() === '') return null;
    return parse(String(query).trim());
  };

  const pagesForSource = (source: Source | null, originPath: string): SnapshotPage[] =>
    source === null ? snapshotPages.slice() : matchingPages(source, originPath);

  const pagesForQuery = (query: unknown, originPath: string): SnapshotPage[] => pagesForSource(parseQuery(query), originPath);

  return { parseQuery, pagesForSource, pagesForQuery };
}

export type Sources = ReturnType<typeof pageSources>;
