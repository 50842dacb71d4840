// Where each note's tree stands between the steps: as parsed (the parse cache's key names that tree) plus the
// replacements applied to it since. Two computations that give a note the same key hand the next step equal trees,
// which is what a per-note memo (note-memo.ts) needs to know. A tree a step rewrote in place has no key.
import { createHash, type Hash } from 'node:crypto';
import type { Root } from 'mdast';
import { buildNonce } from '../safety/trusted';
import { cacheHash } from '../vault/cache-file';
import { parsedKey } from '../vault/parse-cache';
import type { Replacement, Split } from './steps';

/** A note's tree as it stands now, as a key: equal keys, equal trees; undefined when unknown. */
export type TreeKey = (note: { id: string; tree: Root }) => string | undefined;

/** `treeKey(note)` with what else a result depends on; undefined when the tree's key is unknown. */
export function keyWith(treeKey: TreeKey | undefined, note: { id: string; tree: Root }, ...also: unknown[]): string | undefined {
  const tree = treeKey?.(note);
  return tree === undefined ? undefined : JSON.stringify([tree, ...also]);
}

export class TreeStates {
  /**
   * Per note, a running hash of the replacements applied so far, and those applied since the last key, hashed when a
   * key is asked: a key costs one hash update however many were applied, and replacements no key follows (in the dev
   * server, the glossary's splits of every page but the two served) are never serialised.
   */
  private readonly applied = new Map<string, { hash: Hash; since: (Replacement | Split)[] }>();
  private readonly rewritten = new Set<string>();
  private readonly nonce = buildNonce();

  replaced(replacement: Replacement | Split): void {
    let applied = this.applied.get(replacement.noteId);
    if (!applied) this.applied.set(replacement.noteId, (applied = { hash: createHash('sha256'), since: [] }));
    applied.since.push(replacement);
  }

  /** A step changed these trees itself: what they hold is known no more. */
  rewrote(noteIds: Iterable<string>): void {
    for (const id of noteIds) this.rewritten.add(id);
  }

  /** Undefined when the tree is not from the parse cache, or was rewritten in place. */
  key(noteId: string, tree: Root): string | undefined {
    const parsed = parsedKey(tree);
    if (parsed === undefined || this.rewritten.has(noteId)) return undefined;
    const applied = this.applied.get(noteId);
    if (!applied) return cacheHash(parsed);
    if (applied.since.length > 0) {
      // Without the build's trust nonce (it differs in every process): a key must hold from one build to the next.
      applied.hash.update(`${applied.since.map((replacement) => JSON.stringify(replacement).replaceAll(this.nonce, '\u0001')).join('\0')}\0`);
      applied.since = [];
    }
    return cacheHash(`${parsed}\0${applied.hash.copy().digest('base64url')}`);
  }
}
