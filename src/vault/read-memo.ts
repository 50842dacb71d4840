// The dev server loads the vault again after every save, and most files have not changed. A note's read (decoding,
// frontmatter, publish decision, dates) is kept from one load to the next in this process and reused while the
// file's path, mtime and size and the read settings are as they were; only its tree is new each time, from the
// parse (its cache), because later steps rewrite trees in place. Other kinds (bases, canvases) are read every time:
// the steps write into what they read (a base page's HTML, a canvas card's tree).
import type { NoteLimits } from '../config/limits';
import type { Diagnostic, FileReader, ParsedNote, ReadContext, VaultEntry, VaultFile } from './types';

export interface ReadMemo {
  /** `kind.read(file, context)`, or the same result kept from the last load. */
  read(kind: FileReader, file: VaultFile, context: ReadContext): VaultEntry;
}

interface Kept {
  stamp: string;
  /** Without the tree: that load's tree, rewritten by its steps, is garbage once that computation is. */
  entry: Omit<VaultEntry, 'note'> & { note: Omit<ParsedNote, 'tree'> };
  diagnostics: Diagnostic[];
  /** What the note's body was parsed from: parsed again (from the parse cache) for a tree of this load's own. */
  parsed: [body: string, bodyStartLine: number, limits: NoteLimits];
}

const KEY = Symbol.for('tsunagu.read-memo');
// On globalThis: the integration and the pages are bundled apart (see src/site/site.ts).
type Holder = { [KEY]?: { vaultDir: string; kept: Map<string, Kept> } };

/** For one load of `vaultDir`; keeps what this load read (and only that) for the next. */
export function openReadMemo(vaultDir: string): ReadMemo {
  const holder = globalThis as Holder;
  const last = holder[KEY]?.vaultDir === vaultDir ? holder[KEY].kept : new Map<string, Kept>();
  const kept = new Map<string, Kept>();
  holder[KEY] = { vaultDir, kept };
  return {
    read(kind, file, context) {
      const stamp = JSON.stringify([kind.name, file, context.excludeFolders, context.limits, context.publish, context.git ?? null]);
      const hit = last.get(file.id);
      if (hit?.stamp === stamp) {
        kept.set(file.id, hit);
        context.diagnostics.push(...hit.diagnostics);
        return { ...hit.entry, note: { ...hit.entry.note, tree: context.parse(...hit.parsed).tree } };
      }
      const diagnostics: Diagnostic[] = [];
      let parsed: Kept['parsed'] | undefined;
      const entry = kind.read(file, {
        ...context,
        diagnostics,
        parse: (...args) => {
          parsed = args;
          return context.parse(...args);
        },
      });
      context.diagnostics.push(...diagnostics);
      if (entry.note && entry.data === undefined && parsed) {
        const { tree: _tree, ...note } = entry.note;
        // A copy: a later step may replace the returned entry's fields (publishUsedFiles).
        kept.set(file.id, { stamp, entry: { ...entry, note }, diagnostics, parsed });
      }
      return entry;
    },
  };
}
