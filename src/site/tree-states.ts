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
  /** Per note, a running hash of the replacements applied so far: a key costs one hash, however many were applied. */
  private readonly applied = new Map<string, Hash>();
  private readonly rewritten = new Set<string>();
  private readonly nonce = buildNonce();

  replaced(replacement: Replacement | Split): void {
    const applied = this.applied.get(replacement.noteId) ?? this.applied.set(replacement.noteId, createHash('sha256')).get(replacement.noteId)!;
    // Without the build's trust nonce (it differs in every process): a key must hold from one build to the next.
    applied.update(`${JSON.stringify(replacement).replaceAll(this.nonce, '\u0001')}\0`);
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
    return applied ? cacheHash(`${parsed}\0${applied.copy().digest('base64url')}`) : cacheHash(parsed);
  }
}
