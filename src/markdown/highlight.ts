// `==text==` → `<mark>`. The markers may enclose other inline nodes (`==**bold** text==`), so pairs are
// found across the text siblings of one parent, never across parents.
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { textSlice } from './text-nodes';

interface Highlight extends Parent {
  type: 'highlight';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    highlight: Highlight;
  }
  interface RootContentMap {
    highlight: Highlight;
  }
}

const MARKER = '==';
const WHITESPACE = /\s/u;

interface Marker {
  type: 'marker';
  text: Text;
  canOpen: boolean;
  canClose: boolean;
}

/** remark plugin: wrap `==…==` in `highlight` nodes (rendered as `<mark>`). */
export function remarkHighlight() {
  return (tree: Root): undefined => {
    visit(tree, (node) => {
      if ('children' in node && node.children.some((child) => child.type === 'text' && child.value.includes(MARKER))) {
        (node as Parent).children = pairMarkers(node.children.flatMap(splitMarkers) as (PhrasingContent | Marker)[]);
      }
    });
  };
}

/** A text node as text pieces and markers; a marker may open before non-space and close after non-space. */
function splitMarkers(child: Parent['children'][number], index: number, siblings: Parent['children']): (Parent['children'][number] | Marker)[] {
  if (child.type !== 'text' || !child.value.includes(MARKER)) return [child];
  const pieces: (Text | Marker)[] = [];
  let copied = 0;
  for (let at = child.value.indexOf(MARKER); at >= 0; at = child.value.indexOf(MARKER, copied)) {
    if (at > copied) pieces.push(textSlice(child, copied, at));
    const next = child.value[at + MARKER.length] ?? (index + 1 < siblings.length ? 'x' : ' ');
    const previous = child.value[at - 1] ?? (index > 0 ? 'x' : ' ');
    pieces.push({ type: 'marker', text: textSlice(child, at, at + MARKER.length), canOpen: !WHITESPACE.test(next), canClose: !WHITESPACE.test(previous) });
    copied = at + MARKER.length;
  }
  if (copied < child.value.length) pieces.push(textSlice(child, copied, child.value.length));
  return pieces;
}

function pairMarkers(pieces: (PhrasingContent | Marker)[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let opener: { marker: Marker; at: number } | undefined;
  for (const piece of pieces) {
    if (piece.type !== 'marker') {
      out.push(piece);
    } else if (opener && piece.canClose && out.length > opener.at) {
      out.push(highlightNode(out.splice(opener.at), opener.marker, piece));
      opener = undefined;
    } else if (piece.canOpen) {
      if (opener) out.splice(opener.at, 0, opener.marker.text);
      opener = { marker: piece, at: out.length };
    } else {
      out.push(piece.text);
    }
  }
  if (opener) out.splice(opener.at, 0, opener.marker.text);
  return out;
}

function highlightNode(children: PhrasingContent[], open: Marker, close: Marker): Highlight {
  const node: Highlight = { type: 'highlight', children, data: { hName: 'mark' } };
  const start = open.text.position?.start;
  const end = close.text.position?.end;
  if (start && end) node.position = { start, end };
  return node;
}
