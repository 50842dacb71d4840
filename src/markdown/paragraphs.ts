// A paragraph holding a note embed (`![[Note]]` on its own line, or mid-sentence) must not put a <div> inside a <p>:
// browsers would break the paragraph apart. The paragraph is split around such blocks instead.
import type { Element, ElementContent } from 'hast';
import type { Paragraph } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';

/** Elements that cannot live inside a <p> (those the renderer can produce). */
const BLOCK_TAGS = new Set(['div', 'details', 'figure', 'blockquote', 'pre', 'ul', 'ol', 'table', 'p']);

export function renderParagraph(state: State, node: Paragraph): ElementContent | ElementContent[] {
  const paragraph = defaultHandlers.paragraph(state, node);
  return paragraph.children.some(isBlock) ? splitAtBlocks(paragraph) : paragraph;
}

function splitAtBlocks(paragraph: Element): ElementContent[] {
  const pieces: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flushRun = () => {
    if (run.some((child) => child.type !== 'text' || child.value.trim() !== '')) pieces.push({ ...paragraph, properties: {}, children: run });
    run = [];
  };
  for (const child of paragraph.children) {
    if (!isBlock(child)) {
      run.push(child);
      continue;
    }
    flushRun();
    pieces.push(child);
  }
  flushRun();
  // The paragraph's own attributes (a block id) stay with its first piece.
  const first = pieces[0];
  if (first?.type === 'element') first.properties = { ...paragraph.properties, ...first.properties };
  return pieces;
}

function isBlock(node: ElementContent): boolean {
  return node.type === 'element' && BLOCK_TAGS.has(node.tagName);
}
