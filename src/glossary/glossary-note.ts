// Terms kept in one glossary note, the way authors (and the seed term list) write them: a `##`/`###` heading per
// term with its definition in the first paragraph under it, `term` / `: definition` lines, "term line, definition
// line" lists or paragraphs, and `- **term**: definition` items. A term's page is its place in the note.
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { headingId, headingText } from '../markdown/headings';
import { createSlugger, type Slugger } from '../markdown/slug';
import { textSlice } from '../markdown/text-nodes';

export interface SectionTerm {
  title: string;
  /** Kana written after the name, `鉢植え（はちうえ）`: the index sorts the term by it. */
  reading?: string;
  /** The id of the term's place on the note's page: its heading's, or one given here (`term-…`). */
  anchor: string;
  /** Other **bold** names in the definition's first sentence. */
  aliases: string[];
  definition?: string;
  /** 1-based line in the note, for diagnostics. */
  line: number;
}

/** Names a glossary note may have besides the glossary folder's (`glossary.folder`). */
const GLOSSARY_NOTE_NAMES = ['用語集', 'glossary'];

/** `glossary: true`, or named like the glossary (用語集, Glossary, or the `glossary.folder` setting). */
export function isGlossaryNote(note: { name: string; title: string; frontmatter: Record<string, unknown> }, glossaryFolder: string): boolean {
  if (note.frontmatter.glossary === true) return true;
  const names = new Set([...GLOSSARY_NOTE_NAMES, glossaryFolder.split('/').at(-1) ?? ''].map(nameKey));
  return names.has(nameKey(note.name)) || names.has(nameKey(note.title));
}

const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

/**
 * The terms a glossary note defines, in order. Terms that have no heading get an id on their paragraph or list
 * item (a `term` / `: definition` paragraph holding several terms is split into one paragraph per term), so that
 * links and search can point at each one.
 */
export function glossaryNoteTerms(tree: Root): SectionTerm[] {
  const terms: SectionTerm[] = [];
  const slugger = createSlugger();
  const blocks = tree.children;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'heading' && (block.depth === 2 || block.depth === 3)) {
      const next = blocks[i + 1];
      const anchor = headingId(block);
      const title = headingText(block);
      // A heading followed by a list of terms (or nothing) is a section of the glossary, not a term.
      if (anchor && title && next?.type === 'paragraph' && linePairs(next) === undefined)
        terms.push({ ...named(title), anchor, ...definitionOf(next, title), line: block.position?.start.line ?? 1 });
    } else if (block.type === 'paragraph') {
      const pairs = linePairs(block);
      if (!pairs) continue;
      const split = pairs.map((pair) => pairParagraph(pair));
      blocks.splice(i, 1, ...split);
      i += split.length - 1;
      for (const [index, paragraph] of split.entries()) terms.push(anchored(paragraph, pairs[index].term, pairs[index].definition, slugger));
    } else if (block.type === 'list') {
      terms.push(...listTerms(block, slugger));
    }
  }
  return terms;
}

type Line = PhrasingContent[];
interface LinePair {
  term: Line;
  /** The definition line as written (with its `: `), and without the colon. */
  written: Line;
  definition: Line;
}

/** A paragraph of `term` / `: definition` lines, or of alternating term and definition lines; else undefined. */
function linePairs(paragraph: Paragraph): LinePair[] | undefined {
  const lines = splitLines(paragraph.children);
  if (lines.length < 2) return undefined;
  const colon = lines.filter((_, i) => i % 2 === 1).every((line) => /^\s*[:：]\s/.test(lineText(line)));
  if (lines.length % 2 !== 0) return undefined;
  const pairs: LinePair[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    if (!isTermName(lineText(lines[i])) || lineText(lines[i + 1]).trim() === '') return undefined;
    pairs.push({ term: lines[i], written: lines[i + 1], definition: colon ? withoutColon(lines[i + 1]) : lines[i + 1] });
  }
  return pairs;
}

/** A term is a short line that is not a sentence. */
function isTermName(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && trimmed.length <= 40 && !/[。．.!?！？:：]$/.test(trimmed);
}

function listTerms(list: List, slugger: Slugger): SectionTerm[] {
  const items = list.children;
  const single = (item: ListItem | undefined) => (item?.children.length === 1 && item.children[0].type === 'paragraph' ? item.children[0] : undefined);
  // The seed's shape: `- term` then `- definition`, item after item.
  const alternating =
    items.length >= 2 &&
    items.length % 2 === 0 &&
    items.every((item, i) => {
      const paragraph = single(item);
      return paragraph !== undefined && (i % 2 === 1 || isTermName(toString(paragraph)));
    });
  if (alternating) {
    const terms: SectionTerm[] = [];
    for (let i = 0; i < items.length; i += 2) terms.push(anchored(items[i], single(items[i])!.children, single(items[i + 1])!.children, slugger));
    return terms;
  }
  // `- **term**: definition`
  return items.flatMap((item) => {
    const paragraph = item.children[0];
    const [first, second] = paragraph?.type === 'paragraph' ? paragraph.children : [];
    if (first?.type !== 'strong' || second?.type !== 'text' || !/^\s*[:：]/.test(second.value)) return [];
    const rest = [{ ...second, value: second.value.replace(/^\s*[:：]\s*/, '') }, ...(paragraph as Paragraph).children.slice(2)];
    return [anchored(item, first.children, rest, slugger)];
  });
}

/** A term without a heading: the block that holds it gets the term's id. */
function anchored(block: RootContent | ListItem, term: Line, definition: Line, slugger: Slugger): SectionTerm {
  const name = named(lineText(term).trim());
  const anchor = `term-${slugger.slug(name.title)}`;
  block.data = { ...block.data, hProperties: { ...block.data?.hProperties, id: anchor } };
  return { ...name, anchor, ...definitionOf({ type: 'paragraph', children: definition }, name.title), line: block.position?.start.line ?? 1 };
}

/** `鉢植え（はちうえ）` or `鉢植え (はちうえ)`: the name and its hiragana reading. */
function named(written: string): Pick<SectionTerm, 'title' | 'reading'> {
  const match = /^(.+?)\s*[（(]\s*([\p{Script=Hiragana}ー・\s]+?)\s*[)）]$/u.exec(written);
  return match ? { title: match[1], reading: match[2] } : { title: written };
}

function definitionOf(paragraph: Paragraph, title: string): Pick<SectionTerm, 'aliases' | 'definition'> {
  const definition = toString(paragraph, { includeHtml: false }).replace(/\s+/g, ' ').trim();
  return { aliases: boldNamesOfFirstSentence(paragraph.children, title), ...(definition ? { definition } : {}) };
}

/** `**name**`s before the first sentence ends, other than the term's own title. */
function boldNamesOfFirstSentence(children: Line, title: string): string[] {
  const names: string[] = [];
  for (const child of children) {
    if (child.type === 'strong') {
      const name = toString(child).trim();
      if (name && name !== title && !names.includes(name)) names.push(name);
    } else if (/[。．!?！？]|\.(\s|$)/.test(toString(child))) break;
  }
  return names;
}

function splitLines(children: Line): Line[] {
  const lines: Line[] = [[]];
  for (const child of children) {
    if (child.type === 'break') lines.push([]);
    else if (child.type !== 'text' || !child.value.includes('\n')) lines.at(-1)!.push(child);
    else {
      let start = 0;
      for (let end = child.value.indexOf('\n'); end >= 0; end = child.value.indexOf('\n', start)) {
        if (end > start) lines.at(-1)!.push(textSlice(child, start, end));
        lines.push([]);
        start = end + 1;
      }
      if (start < child.value.length) lines.at(-1)!.push(textSlice(child, start, child.value.length));
    }
  }
  return lines;
}

const lineText = (line: Line) => toString({ type: 'paragraph', children: line }, { includeHtml: false });

function withoutColon(line: Line): Line {
  const [first, ...rest] = line;
  return first?.type === 'text' ? [{ ...first, value: first.value.replace(/^\s*[:：]\s*/, '') }, ...rest] : line;
}

/** One term as its own paragraph: the term, a line break, the definition — as the author wrote it. */
function pairParagraph(pair: LinePair): Paragraph {
  const start = pair.term[0]?.position?.start;
  const end = pair.written.at(-1)?.position?.end;
  return {
    type: 'paragraph',
    children: [...pair.term, { type: 'text', value: '\n' }, ...pair.written],
    ...(start && end ? { position: { start, end } } : {}),
  };
}
