// Budgets of one note (README, "Limits"): no single note can take the build down. Each check is one linear pass, and
// each runs before the step whose cost it bounds: the markdown parser is slow on deep containers and recursive
// libraries (tree walks, to-hast, the sanitizer, JSON) overflow the stack on deep trees, so an over-deep note never
// reaches them; a paragraph flooded with emphasis marks or stray `]` has them read as text (micromark and its GFM
// footnotes pair them in quadratic time).
import type { Nodes, Root } from 'mdast';
import type { LimitName } from '../config/limits';

/** A limit a note went over, and where (a 1-based line of the body). */
export interface LimitHit {
  /** (A frontmatter over yamlAliases loses its properties and says so where it is read.) */
  limit: Exclude<LimitName, 'yamlAliases'>;
  line: number;
  /** What the note has: characters, levels, marks, tags, milliseconds. */
  found: number;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?: +|\t|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})/;

/**
 * The first line whose containers (quote markers, list items open above it) nest deeper than `max`: an estimate of
 * CommonMark's block structure that never undercounts list items indented under each other. Inside fenced code only
 * quote markers count (a fence this misreads must not hide a deep quote). A structure it misses still meets the
 * tree's depth check, the parse time limit and the render fallback.
 */
export function overDeepLine(text: string, max: number): LimitHit | undefined {
  const openItems: number[] = []; // content column of each open list item
  let fence = '';
  let lineNumber = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
    const line = text.slice(start, end);
    start = end + 1;
    lineNumber++;
    let at = 0;
    while (line[at] === ' ' || line[at] === '\t') at++;
    if (at === line.length) continue; // blank lines keep lists open
    while (openItems.length && openItems[openItems.length - 1] > at) openItems.pop();
    let depth = openItems.length;
    const thematicBreak = THEMATIC_BREAK.test(line);
    for (;;) {
      while (line[at] === ' ' || line[at] === '\t') at++;
      if (line[at] === '>') {
        depth++;
        at++;
        continue;
      }
      const marker = thematicBreak || fence ? undefined : LIST_MARKER.exec(line.slice(at, at + 16))?.[0];
      if (!marker) break;
      depth++;
      at += marker.length;
      openItems.push(at);
    }
    const fenceMark = FENCE.exec(line.slice(at, at + 64))?.[1];
    if (fence) {
      if (fenceMark?.[0] === fence[0] && fenceMark.length >= fence.length) fence = '';
    } else if (fenceMark) fence = fenceMark;
    if (depth > max) return { limit: 'depth', line: lineNumber, found: depth };
  }
  return undefined;
}

const EMPHASIS_RUN = /\*+|_+|~+/g;
/** Stand-ins the parser reads as plain text: Unicode noncharacters, which no text interchanges. */
const STAND_IN: Record<string, string> = { '*': '\uFDD0', _: '\uFDD1', '~': '\uFDD2', ']': '\uFDD3', '[': '\uFDD4' };
const MARK: Record<string, string> = { '\uFDD0': '*', '\uFDD1': '_', '\uFDD2': '~', '\uFDD3': ']', '\uFDD4': '[' };

/**
 * `]` that close no `[` before them on the line, plus how deeply `[` nest: micromark looks back from each `]` over
 * the open `[`s (GFM footnotes over the whole paragraph), so 8,000 nested links took 14 s; and with no `]` at all,
 * each open `[` splits the paragraph's text, which micromark merges back one splice at a time (23,000 took 30 s).
 */
function bracketCost(line: string): number {
  let open = 0;
  let deepest = 0;
  let unmatched = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5b) deepest = Math.max(deepest, ++open);
    else if (c === 0x5d) {
      if (open > 0) open--;
      else unmatched++;
    }
  }
  return unmatched + deepest;
}

/**
 * Paragraphs (runs of non-blank lines outside fenced code) with more than `max` runs of emphasis marks and
 * unmatched `]` get every such mark replaced by a stand-in the parser reads as text (escaping them would cost a
 * token each); `restoreMarks` puts the marks back into the tree. Lines and line count stay as they were.
 */
export function hideMarkFloods(text: string, max: number): { text: string; hit?: LimitHit } {
  const lines = text.split('\n');
  let hit: LimitHit | undefined;
  let fence = '';
  for (let first = 0; first < lines.length; ) {
    if (fence || FENCE.test(lines[first].trimStart())) {
      const mark = FENCE.exec(lines[first].trimStart())?.[1];
      if (!fence && mark) fence = mark;
      else if (mark && mark[0] === fence[0] && mark.length >= fence.length) fence = '';
      first++;
      continue;
    }
    let last = first;
    let runs = 0;
    while (last < lines.length && lines[last].trim() !== '' && !FENCE.test(lines[last].trimStart())) {
      runs += (lines[last].match(EMPHASIS_RUN)?.length ?? 0) + bracketCost(lines[last]);
      last++;
    }
    if (runs > max) {
      hit ??= { limit: 'inlineMarks', line: first + 1, found: runs };
      for (let i = first; i < last; i++) lines[i] = lines[i].replace(/[*_~[\]]/g, (mark) => STAND_IN[mark]);
    }
    first = Math.max(last, first + 1);
  }
  return hit ? { text: lines.join('\n'), hit } : { text };
}

const STAND_INS = /[\uFDD0-\uFDD4]/g;
const HAS_STAND_IN = /[\uFDD0-\uFDD4]/;
const TEXT_FIELDS = ['value', 'url', 'alt', 'title', 'target', 'display', 'tag'] as const;

/** Puts back the marks `hideMarkFloods` replaced, wherever they ended up (text, code, URLs, link targets). */
export function restoreMarks(tree: Root): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const fields = node as unknown as Record<string, unknown>;
    for (const key of TEXT_FIELDS) {
      const value = fields[key];
      if (typeof value === 'string' && HAS_STAND_IN.test(value)) fields[key] = value.replace(STAND_INS, (c) => MARK[c]);
    }
    if ('children' in node) stack.push(...node.children);
  }
}

/** How deeply `[` and `{` nest in a YAML text (a string holding brackets counts too: an upper bound). */
export function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

/** The first node deeper than `max` levels, walked with an explicit stack (a deep tree would overflow recursion). */
export function overDeepNode(tree: Root, max: number): LimitHit | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return { limit: 'depth', line: node.position?.start.line ?? 1, found: depth };
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** A note over a limit, published as its plain text (a notice is added where the page is built). */
export function plainTextTree(text: string): Root {
  // HTML comments are the author's private text (README, privacy), as in a parsed note.
  const shown = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/\n+$/, '');
  return { type: 'root', children: shown.trim() ? [{ type: 'code', value: shown }] : [] };
}

/** Tags after the first `max` distinct ones become text again, so the note makes at most `max` tag pages. */
export function capTags(tree: Root, max: number): LimitHit | undefined {
  const kept = new Set<string>();
  let hit: LimitHit | undefined;
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('children' in node)) continue;
    node.children.forEach((child, index) => {
      if (child.type !== 'obsidianTag') return;
      if (kept.size < max || kept.has(child.tag)) kept.add(child.tag);
      else {
        hit ??= { limit: 'tags', line: child.position?.start.line ?? 1, found: 0 };
        hit.found++;
        node.children[index] = { type: 'text', value: child.value, ...(child.position ? { position: child.position } : {}) };
      }
    });
    // Children pushed in reverse so nodes are visited in document order (the first tags are the kept ones).
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  if (hit) hit.found += max;
  return hit;
}
