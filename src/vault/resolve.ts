// Link resolution as Obsidian does it, plus tsunagu's documented alias fallback.
import path from 'node:path';

export interface Resolution {
  id: string;
  viaAlias: boolean;
}

export interface ResolverInput {
  /** Every file of the vault (notes and attachments), published or not: resolution is Obsidian's; publishing is decided later. */
  fileIds: string[];
  /** Note id → its aliases. */
  aliases: Map<string, string[]>;
  aliasFallback: boolean;
}

export class LinkResolver {
  private readonly ids: Set<string>;
  private readonly byPath = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();
  private readonly byAlias = new Map<string, string>();

  constructor(private readonly input: ResolverInput) {
    this.ids = new Set(input.fileIds);
    // Sorted, so that of two paths differing only in case the same one wins on every build.
    for (const id of [...input.fileIds].sort()) {
      const key = id.toLowerCase();
      if (!this.byPath.has(key)) this.byPath.set(key, id);
      const name = key.slice(key.lastIndexOf('/') + 1);
      const list = this.byName.get(name);
      if (list) list.push(id);
      else this.byName.set(name, [id]);
    }
    // First alias wins, in sorted id order, so a shared alias resolves the same way on every build.
    for (const id of [...input.aliases.keys()].sort()) {
      for (const alias of input.aliases.get(id) ?? []) {
        const key = alias.normalize('NFC').toLowerCase();
        if (!this.byAlias.has(key)) this.byAlias.set(key, id);
      }
    }
  }

  /** Resolves the path part of a link written in note `fromId`. '' is the note itself. */
  resolve(fromId: string, target: string): Resolution | undefined {
    const wanted = target.normalize('NFC').trim().replace(/\\/g, '/');
    if (wanted === '') return { id: fromId, viaAlias: false };
    const folder = path.posix.dirname(fromId) === '.' ? '' : path.posix.dirname(fromId);
    if (wanted.startsWith('./') || wanted.startsWith('../')) {
      const joined = path.posix.normalize(path.posix.join(folder, wanted));
      if (joined.startsWith('../')) return undefined; // would leave the vault
      return this.exact(joined);
    }
    const clean = wanted.replace(/^\/+/, '');
    return this.exact(clean) ?? this.bySuffix(clean, folder) ?? this.alias(wanted);
  }

  private exact(p: string): Resolution | undefined {
    // A case-sensitive file system can hold `Note.md` and `note.md`: the exact spelling wins.
    const exactCase = [p, `${p}.md`].find((candidate) => this.ids.has(candidate));
    if (exactCase) return { id: exactCase, viaAlias: false };
    const key = p.toLowerCase();
    const id = this.byPath.get(key) ?? this.byPath.get(`${key}.md`);
    return id ? { id, viaAlias: false } : undefined;
  }

  private bySuffix(p: string, folder: string): Resolution | undefined {
    const key = p.toLowerCase();
    const candidates = [key, `${key}.md`].flatMap((k) => {
      const name = k.slice(k.lastIndexOf('/') + 1);
      return (this.byName.get(name) ?? []).filter((id) => {
        const lower = id.toLowerCase();
        return lower === k || lower.endsWith(`/${k}`);
      });
    });
    if (candidates.length === 0) return undefined;
    const folderPrefix = folder ? `${folder.toLowerCase()}/` : '';
    const inOwnFolder = candidates.filter((id) => {
      const lower = id.toLowerCase();
      return lower.startsWith(folderPrefix) && !lower.slice(folderPrefix.length).includes('/');
    });
    const pool = inOwnFolder.length > 0 ? inOwnFolder : candidates;
    const best = [...pool].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0];
    return { id: best, viaAlias: false };
  }

  private alias(target: string): Resolution | undefined {
    if (!this.input.aliasFallback) return undefined;
    const id = this.byAlias.get(target.toLowerCase());
    return id ? { id, viaAlias: true } : undefined;
  }
}
