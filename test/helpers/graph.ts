// Small link fixtures shared by the graph tests.
import { linkGraph } from '../../src/graph/links';
import type { ResolvedLink } from '../../src/vault/types';

export function link(from: string, to: string | undefined, extra: Partial<ResolvedLink> = {}): ResolvedLink {
  return { from, to, target: to ?? 'missing', embed: false, source: 'body', syntax: 'wikilink', line: 1, ...extra };
}

/** `{ 'a.md': ['b.md', 'c.md'] }` → the link graph of those notes (all published unless listed in `unpublished`). */
export function graphOf(outlinks: Record<string, string[]>, unpublished: string[] = []) {
  const links = new Map(Object.entries(outlinks).map(([from, targets]) => [from, targets.map((to) => link(from, to))]));
  const published = new Set(Object.keys(outlinks).filter((id) => !unpublished.includes(id)));
  return linkGraph(links, published);
}
