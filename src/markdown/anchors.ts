// The `#fragment` a link subpath points to on the target note's page, matching the ids the renderer gives.
import type { Heading } from './facts';
import { blockAnchorId } from './block-ids';
import { headingSlug } from './slug';

/** For `Heading`, `A#B` or `^block` of the target note; undefined when the note has no such heading or block. */
export function subpathFragment(note: { headings: Heading[]; blockIds: string[] }, subpath: string | undefined): string | undefined {
  if (!subpath) return undefined;
  if (!subpath.startsWith('^')) return headingSlug(note.headings, subpath);
  const wanted = subpath.slice(1).toLowerCase();
  const blockId = note.blockIds.find((id) => id.toLowerCase() === wanted);
  return blockId === undefined ? undefined : blockAnchorId(blockId);
}
