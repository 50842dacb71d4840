// Inline `#tags` by Obsidian's rules: after whitespace or at the start, letters/numbers/`_`/`-`/`/`,
// at least one non-digit. Never in code, link text or URLs (GFM autolinks are link nodes, skipped whole).
import type { Literal, Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { pointAt, textSlice } from './text-nodes';

export interface ObsidianTag extends Literal {
  type: 'obsidianTag';
  /** Without '#', as the author wrote it. */
  tag: string;
  /** `#tag`, so mdast-util-to-string reads it as written. */
  value: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    obsidianTag: ObsidianTag;
  }
  interface RootContentMap {
    obsidianTag: ObsidianTag;
  }
}

const TAG = /#([\p{L}\p{N}\p{M}_\-/]+)/gu;
const NON_DIGIT = /[^\p{N}]/u;
const WHITESPACE = /\s/u;
/** Parents whose text is never a tag: the words of a link are its label, not the note's tags. */
const NO_TAGS_INSIDE = new Set(['link', 'linkReference']);

/** remark plugin: turn inline tags into `obsidianTag` nodes. */
export function remarkObsidianTags() {
  return (tree: Root, file: VFile): undefined => {
    visit(tree, (node) => {
      if (NO_TAGS_INSIDE.has(node.type)) return SKIP;
      if ('children' in node) splitTagsInChildren(node, String(file.value));
    });
  };
}

function splitTagsInChildren(parent: Parent, source: string): void {
  const children: typeof parent.children = [];
  parent.children.forEach((child, index) => {
    if (child.type !== 'text') children.push(child);
    else children.push(...splitTags(child, startsAfterSpace(parent.children[index - 1]), source));
  });
  parent.children = children;
}

/** Whether a text node's first character counts as preceded by whitespace. */
function startsAfterSpace(previous: Parent['children'][number] | undefined): boolean {
  if (!previous || previous.type === 'break') return true;
  return previous.type === 'text' && WHITESPACE.test(previous.value.slice(-1));
}

function splitTags(node: Text, atBoundary: boolean, source: string): PhrasingContent[] {
  const escaped = escapedHashes(node, source);
  const pieces: PhrasingContent[] = [];
  let copied = 0;
  for (const match of node.value.matchAll(TAG)) {
    const at = match.index;
    const afterSpace = at === 0 ? atBoundary : WHITESPACE.test(node.value[at - 1]);
    if (!afterSpace || !NON_DIGIT.test(match[1]) || escaped.has(at)) continue;
    if (at > copied) pieces.push(textSlice(node, copied, at));
    pieces.push(tagNode(node, match[1], at));
    copied = at + match[0].length;
  }
  if (pieces.length === 0) return [node];
  if (copied < node.value.length) pieces.push(textSlice(node, copied, node.value.length));
  return pieces;
}

function tagNode(node: Text, tag: string, at: number): ObsidianTag {
  const result: ObsidianTag = { type: 'obsidianTag', tag, value: `#${tag}` };
  const start = pointAt(node, at);
  const end = pointAt(node, at + tag.length + 1);
  if (start && end) result.position = { start, end };
  return result;
}

/**
 * Indexes (in the node's value) of the `#`s the author escaped as `\#`. The value has escapes resolved, so the
 * n-th `#` of the value is matched with the n-th `#` of the source; if they cannot be paired, none count as escaped.
 */
function escapedHashes(node: Text, source: string): Set<number> {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return new Set();
  const written = source.slice(start.offset, end.offset).replace(/&#x?[0-9a-f]+;/gi, (ref) => ' '.repeat(ref.length));
  const inValue = hashIndexes(node.value);
  const inSource = hashIndexes(written);
  if (inValue.length !== inSource.length) return new Set();
  return new Set(inValue.filter((_, n) => written[inSource[n] - 1] === '\\'));
}

function hashIndexes(text: string): number[] {
  return [...text.matchAll(/#/g)].map((match) => match.index);
}
