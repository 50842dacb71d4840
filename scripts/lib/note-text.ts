// The markdown of one generated note: frontmatter, paragraphs with links and glossary mentions, and the
// Obsidian constructs a real vault has (callouts, embeds, tables, code, math, mermaid, dataviewjs).
import { readFileSync } from 'node:fs';
import type { Random } from './prng.ts';
import { CALLOUT_TYPES, CODE_SAMPLES, HIGHLIGHTS, MATH_SAMPLES, MERMAID_SAMPLES, NOUNS_EN, NOUNS_JA, SENTENCES_EN, SENTENCES_JA } from './vault-corpus.ts';
import type { PlannedNote, VaultPlan } from './vault-plan.ts';

/** The seed note's dataviewjs block, verbatim (fences included). */
export const SEED_DATAVIEWJS = readFileSync(new URL('./seed-dataviewjs.md', import.meta.url), 'utf8');

export interface NoteTextOptions {
  /** Share of notes that end with the seed's dataviewjs block. */
  dataviewShare: number;
  /** Share of notes with a mermaid diagram. */
  mermaidShare: number;
}

/** What every writing step needs: the note, the vault, the random source, the links still to place, the language. */
interface Pen {
  note: PlannedNote;
  plan: VaultPlan;
  random: Random;
  links: string[];
  english: boolean;
}

export function noteText(note: PlannedNote, plan: VaultPlan, random: Random, options: NoteTextOptions): string {
  if (note.term) return termText(note, plan, random);
  const pen: Pen = { note, plan, random, links: outgoingLinks(note, plan, random), english: note.english };
  return `${frontmatter(pen)}${body(pen, options)}`;
}

function frontmatter({ note, plan, random }: Pen): string {
  const lines = [
    '---',
    'tags:',
    ...note.tags.map((tag) => `  - ${tag}`),
    `datetimeCreate: ${wallTime(note.created)}`,
    `datetimeUpdate: ${wallTime(note.updated)}`,
  ];
  if (random.chance(0.1)) lines.push(`aliases: [${note.title} (memo)]`);
  if (random.chance(0.1)) lines.push(`related: "[[${random.pick(plan.notes).title}]]"`);
  if (random.chance(0.01)) lines.push('publish: false');
  // biome-ignore lint/suspicious/noDuplicateElseIf: each call draws a new random number
  else if (random.chance(0.01)) lines.push('draft: true');
  return `${lines.join('\n')}\n---\n`;
}

function termText(note: PlannedNote, plan: VaultPlan, random: Random): string {
  const term = note.term!;
  const seeAlso = [random.pick(plan.terms), random.pick(plan.terms)].filter((other, i, all) => other !== note && all.indexOf(other) === i);
  return [
    '---',
    'type: term',
    `aliases: [${term.english}]`,
    `reading: ${term.reading}`,
    `description: ${term.description}`,
    `tags: [${note.tags.join(', ')}]`,
    `datetimeCreate: ${wallTime(note.created)}`,
    '---',
    `${term.description}${seeAlso.map((other) => `[[${other.title}]]`).join('や')}と合わせて使われることが多い用語です。`,
    '',
  ].join('\n');
}

function body(pen: Pen, options: NoteTextOptions): string {
  const { note, random } = pen;
  const blocks: string[] = [paragraph(pen)];
  note.headings.forEach((heading, section) => {
    blocks.push(`## ${heading}`);
    for (let i = random.int(1, 3); i > 0; i--) {
      const blockId = i === 1 ? note.blockIds[section] : undefined;
      blocks.push(paragraph(pen) + (blockId ? ` ^${blockId}` : ''));
    }
    const extra = random.next();
    if (extra < 0.25) blocks.push(callout(pen));
    else if (extra < 0.4) blocks.push(codeBlock(random));
    else if (extra < 0.5) blocks.push(table(pen));
    else if (extra < 0.65) blocks.push(list(pen));
    else if (extra < 0.75) blocks.push(embed(pen));
  });
  if (random.chance(options.mermaidShare)) blocks.push(fenced('mermaid', random.pick(MERMAID_SAMPLES)));
  if (random.chance(0.2)) blocks.push(random.pick(MATH_SAMPLES));
  if (random.chance(0.15)) blocks.push(`${sentence(pen)} #${random.pick(note.tags)}`);
  if (random.chance(0.05)) blocks.push('%%あとで書き直す。ここは公開されない自分用のメモ。%%');
  // Links the text did not use are listed at the end, as many notes do.
  if (pen.links.length > 0)
    blocks.push(
      `### ${note.english ? 'Related' : '関連'}`,
      pen.links
        .splice(0)
        .map((link) => `- ${link}`)
        .join('\n'),
    );
  if (random.chance(options.dataviewShare)) blocks.push(SEED_DATAVIEWJS.trimEnd());
  return `${blocks.join('\n\n')}\n`;
}

/** 5–10 links to distinct other notes. */
function outgoingLinks(note: PlannedNote, plan: VaultPlan, random: Random): string[] {
  const count = Math.min(random.int(5, 10), plan.notes.length - 1);
  const targets = new Set<PlannedNote>();
  while (targets.size < count) {
    const target = random.pick(plan.notes);
    if (target !== note) targets.add(target);
  }
  return [...targets].map((target) => wikilink(target, random));
}

function wikilink(target: PlannedNote, random: Random): string {
  const form = random.next();
  const heading = target.headings.length > 0 ? random.pick(target.headings) : undefined;
  if (form < 0.4) return `[[${target.title}]]`;
  if (form < 0.6) return `[[${target.title}|${target.english ? random.pick(NOUNS_EN) : random.pick(NOUNS_JA)}]]`;
  if (form < 0.75 && heading) return `[[${target.title}#${heading}]]`;
  if (form < 0.85 && target.blockIds.length > 0) return `[[${target.title}#^${random.pick(target.blockIds)}]]`;
  if (form < 0.93 && target.folder) return `[[${target.folder}/${target.title}]]`;
  if (form < 0.98 && heading) return `[[${target.title}#${heading}|${heading}]]`;
  if (form < 0.98) return `[[${target.title}]]`;
  return `[[未作成のノート ${random.int(1, 50)}]]`; // real vaults link to notes not written yet
}

function paragraph(pen: Pen): string {
  const english = pen.random.chance(0.8) ? pen.note.english : !pen.note.english;
  const mixed = { ...pen, english };
  const sentences = Array.from({ length: pen.random.int(2, 6) }, () => sentence(mixed));
  if (pen.random.chance(0.1)) sentences.push(pen.random.pick(HIGHLIGHTS));
  return sentences.join(english ? ' ' : '');
}

function sentence(pen: Pen): string {
  const shape = pen.english ? pen.random.pick(SENTENCES_EN) : pen.random.pick(SENTENCES_JA);
  return shape.replace('{}', () => slot(pen));
}

/** A sentence's noun: one of the note's links (while some are left), a glossary term's name (for the glossary to find), or a plain noun. */
function slot({ plan, random, links, english }: Pen): string {
  if (links.length > 0 && random.chance(0.2)) return links.shift()!;
  if (random.chance(0.35)) {
    const term = random.pick(plan.terms).term!;
    return english ? term.english : term.title;
  }
  return english ? random.pick(NOUNS_EN) : random.pick(NOUNS_JA);
}

function callout(pen: Pen): string {
  const fold = pen.random.pick(['', '', '-', '+']);
  const lines = [`[!${pen.random.pick(CALLOUT_TYPES)}]${fold} ${pen.english ? 'Note' : 'メモ'}`, paragraph(pen)];
  if (pen.random.chance(0.3)) lines.push('', `- ${sentence(pen)}`, `- ${sentence(pen)}`);
  return lines.map((line) => (line ? `> ${line}` : '>')).join('\n');
}

function codeBlock(random: Random): string {
  const sample = random.pick(CODE_SAMPLES);
  return fenced(sample.lang, sample.code);
}

function fenced(lang: string, code: string): string {
  return `\`\`\`${lang}\n${code}\n\`\`\``;
}

function table(pen: Pen): string {
  const { random, english } = pen;
  const header = english ? ['Item', 'Before', 'After', 'Notes'] : ['項目', '変更前', '変更後', '備考'];
  const rows = Array.from({ length: random.int(2, 6) }, (_, i) => [
    // A wikilink's | must be escaped inside a table cell, as Obsidian writes it.
    slot(pen).replace(/\|/g, '\\|'),
    `${random.int(1, 500)} ms`,
    `${random.int(1, 500)} ms`,
    i % 2 ? '—' : english ? 'measured twice' : '二回計測',
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function list(pen: Pen): string {
  const ordered = pen.random.chance(0.4);
  return Array.from({ length: pen.random.int(3, 6) }, (_, i) => {
    const item = `${ordered ? `${i + 1}.` : '-'} ${sentence(pen)}`;
    return pen.random.chance(0.25) ? `${item}\n    - ${sentence(pen)}` : item;
  }).join('\n');
}

function embed({ note, plan, random }: Pen): string {
  if (random.chance(0.5)) {
    const image = random.pick(plan.images);
    return random.chance(0.5) ? `![[${image}]]` : `![[${image}|${random.int(2, 6) * 100}]]`;
  }
  const target = random.pick(plan.notes);
  if (target === note || target.headings.length === 0) return `![[${random.pick(plan.images)}]]`;
  return random.chance(0.7) ? `![[${target.title}#${random.pick(target.headings)}]]` : `![[${target.title}]]`;
}

/** `2025-07-08 22:51`, as the seed writes dates (the author's wall time, kept in UTC). */
function wallTime(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
