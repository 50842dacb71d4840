// Note transclusion `![[Note]]`, `![[Note#Heading]]`, `![[Note#^block]]`, rendered with the same rules,
// stopping at cycles (A → B → A, or a note embedding itself) and at a depth limit. Each embed gets its own id prefix.
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { strings } from '../i18n/strings';
import { element, namespaceIds, text, unresolvedLink } from './hast-build';
import type { RenderScope, RenderTarget } from './render-context';
import { sectionOf } from './section';

const MAX_EMBED_DEPTH = 5;

export function noteEmbed(
  scope: RenderScope,
  target: RenderTarget,
  subpath: string | undefined,
  written: string,
  render: (tree: Root, scope: RenderScope) => HastRoot,
): Element {
  const t = strings(scope.ctx.lang);
  if (scope.chain.includes(target.id)) return embedStopped(t.embedCycle(target.title));
  if (scope.chain.length > MAX_EMBED_DEPTH) return embedStopped(t.embedTooDeep(target.title));
  const tree = scope.ctx.embedTree(target.id, subpath);
  const section = tree && sectionOf(tree, subpath);
  if (!section) return unresolvedLink([text(written)]);
  const content = render(section, { ...scope, noteId: target.id, chain: [...scope.chain, target.id] });
  namespaceIds(content, `embed-${++scope.page.embeds}-`);
  return element(
    'div',
    { className: ['internal-embed'], dataEmbedOf: target.id },
    content.children.filter((node) => node.type !== 'doctype'),
  );
}

function embedStopped(message: string): Element {
  return element('div', { className: ['embed-cycle'], role: 'note' }, [text(message)]);
}
