// Code blocks: the integrator's hook first; Dataview queries never show their source (it is not content).
import type { Element, ElementContent } from 'hast';
import type { Code, Parents } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { element, text } from './hast-build';
import type { RenderContext } from './render-context';

const DATAVIEW_LANGUAGES = new Set(['dataview', 'dataviewjs']);

export function renderCodeBlock(ctx: RenderContext, state: State, node: Code, parent: Parents | undefined): ElementContent | ElementContent[] | undefined {
  const custom = ctx.renderBlock?.(node);
  if (custom) return custom.type === 'element' ? custom : state.one(custom, parent);
  if (DATAVIEW_LANGUAGES.has(node.lang?.toLowerCase() ?? '')) return dataviewPlaceholder();
  return defaultHandlers.code(state, node);
}

function dataviewPlaceholder(): Element {
  return element('div', { className: ['dataview-placeholder'], dataSection: 'dataview' }, [
    element('p', {}, [text('Dataview query: its results are shown in Obsidian.')]),
  ]);
}
