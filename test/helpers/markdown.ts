// Shared by the markdown tests: parse with just the plugins under test, render against a tiny fake vault.
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Pluggable, unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseBody } from '../../src/markdown/parse';
import type { RenderContext, RenderLink } from '../../src/markdown/render-context';

export function treeWith(markdown: string, ...plugins: Pluggable[]): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(plugins);
  return processor.runSync(processor.parse(markdown), markdown) as Root;
}

export function nodesOfType<T extends Nodes['type']>(tree: Root, type: T): Extract<Nodes, { type: T }>[] {
  const found: Extract<Nodes, { type: T }>[] = [];
  visit(tree, type, (node) => {
    found.push(node as Extract<Nodes, { type: T }>);
  });
  return found;
}

/**
 * A RenderContext over a tiny vault: notes by id (parsed on demand), attachments by id. Links resolve by exact
 * path or file name (with or without `.md`); hrefs are `/n/<id>#<subpath as written>`. Records every resolve call.
 */
export function fakeContext(noteId: string, notes: Record<string, string>, attachments: string[] = []): RenderContext & { calls: RenderLink[] } {
  const ids = [...Object.keys(notes), ...attachments];
  const calls: RenderLink[] = [];
  return {
    noteId,
    lang: 'en',
    calls,
    resolve(link) {
      calls.push(link);
      const id =
        link.target === ''
          ? link.from
          : ids.find((candidate) => [candidate, candidate.split('/').pop()].some((name) => name === link.target || name === `${link.target}.md`));
      if (!id) return undefined;
      const kind = id in notes ? 'note' : 'attachment';
      return { id, kind, title: id.replace(/\.md$/, ''), href: `/n/${id}${link.subpath ? `#${link.subpath}` : ''}` };
    },
    tagHref: (tag) => `/tags/${tag.toLowerCase()}/`,
    embedTree: (id) => (id in notes ? parseBody(notes[id], 1).tree : undefined),
  };
}
