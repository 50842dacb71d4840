// Code blocks: Dataview queries never show their source (it is not content). The build replaces them with their
// output before rendering (src/site/dataview.ts); this placeholder is the safety net if one is left.
import type { Element, ElementContent } from 'hast';
import type { Code } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import type { Lang } from '../config/config';
import { strings } from '../i18n/strings';
import { element, text } from './hast-build';

const DATAVIEW_LANGUAGES = new Set(['dataview', 'dataviewjs']);

export function renderCodeBlock(state: State, node: Code, lang: Lang): ElementContent | ElementContent[] | undefined {
  if (DATAVIEW_LANGUAGES.has(node.lang?.toLowerCase() ?? '')) return dataviewPlaceholder(lang);
  return defaultHandlers.code(state, node);
}

function dataviewPlaceholder(lang: Lang): Element {
  return element('div', { className: ['dataview-placeholder'], dataSection: 'dataview' }, [element('p', {}, [text(strings(lang).dataviewPlaceholder)])]);
}
