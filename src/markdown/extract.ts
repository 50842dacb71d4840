// Phase 1 facts read off a parsed tree: tags, links (with context), headings, block ids.
import type { Image, Link, Nodes, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { Heading, LinkRef } from './facts';
import { linkContext } from './context';
import { headingId, headingText } from './headings';
import { vaultTarget } from './links';
import type { WikiLink } from './wikilinks';

interface TreeFacts {
  tags: { tag: string; line: number }[];
  links: LinkRef[];
  headings: Heading[];
  blockIds: string[];
}

interface Origin {
  /** Added to a tree line to get the file line. */
  lineOffset: number;
  source: LinkRef['source'];
}

export function extractFacts(tree: Root, origin: Origin): TreeFacts {
  const facts: TreeFacts = { tags: [], links: [], headings: [], blockIds: [] };
  visitParents(tree, (node, ancestors) => {
    const line = (node.position?.start.line ?? 1) + origin.lineOffset;
    const blockId = node.data?.blockId;
    if (blockId) facts.blockIds.push(blockId);
    if (node.type === 'obsidianTag') facts.tags.push({ tag: node.tag, line });
    if (node.type === 'heading') {
      const text = headingText(node);
      facts.headings.push({ depth: node.depth, text, slug: headingId(node) ?? '', line });
    }
    const link = linkRef(node);
    if (link) facts.links.push({ ...link, source: origin.source, line, ...optional('context', linkContext(ancestors as Parents[], node)) });
  });
  return facts;
}

type LinkFields = Pick<LinkRef, 'target' | 'subpath' | 'display' | 'embed' | 'syntax' | 'written'>;

function linkRef(node: Nodes): LinkFields | undefined {
  if (node.type === 'wikiLink') return wikiLinkRef(node);
  if (node.type === 'link' || node.type === 'image') return markdownLinkRef(node);
  return undefined;
}

function wikiLinkRef(node: WikiLink): LinkFields {
  return { target: node.target, ...optional('subpath', node.subpath), ...optional('display', node.display), embed: node.embed, syntax: 'wikilink' };
}

function markdownLinkRef(node: Link | Image): LinkFields | undefined {
  const target = vaultTarget(node.url);
  if (!target) return undefined;
  const display = node.type === 'image' ? (node.alt ?? '') : toString(node, { includeHtml: false });
  const written = `${node.type === 'image' ? '!' : ''}[${display}](${node.url})`;
  return { ...target, ...optional('display', display.trim()), embed: node.type === 'image', syntax: 'markdown', written };
}

/** `{ [key]: value }` when value is non-empty, so absent facts stay absent rather than `undefined`. */
function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
