// The vault's skeleton, decided before any text is written: which notes exist, where, with which headings,
// block ids, tags and dates, so that every generated link can point at a real heading or block.
import type { Random } from './prng.ts';
import { ASPECTS_EN, ASPECTS_JA, BASE_TERMS, HEADINGS, TERM_SUFFIXES, TITLES_EN, TITLES_JA, TOPICS, type TermSeed } from './vault-corpus.ts';

export const GLOSSARY_FOLDER = '用語集';
export const ATTACHMENT_FOLDER = 'attachments';

export interface PlannedNote {
  /** Vault-relative path: `folder/title.md`. */
  id: string;
  title: string;
  folder: string;
  english: boolean;
  headings: string[];
  blockIds: string[];
  tags: string[];
  created: Date;
  updated: Date;
  term?: TermSeed;
}

export interface VaultPlan {
  notes: PlannedNote[];
  terms: PlannedNote[];
  /** Attachment file names (in ATTACHMENT_FOLDER). */
  images: string[];
}

const AREAS = ['開発', 'インフラ', 'Projects', 'Clippings', 'Reading', 'メモ'];
const SUBFOLDERS = ['基礎', 'レッスン', 'archive', '2024', '2025'];
const EXTRA_TAGS = ['t-notes/AI生成', 'status/wip', 'status/done', 'project/tsunagu', 'area/infra', 'area/dev', 'type/howto'];
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 1370; // up to autumn 2025
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** `total` notes, of which about 5% are glossary terms (at least 10, at most what the corpus can name). */
export function planVault(total: number, random: Random): VaultPlan {
  const termCount = Math.min(Math.max(10, Math.round(total * 0.05)), BASE_TERMS.length * (1 + TERM_SUFFIXES.length), total);
  const titles = new UniqueTitles();
  const terms = termSeeds(termCount).map((term) => planNote(titles.claim(term.title), GLOSSARY_FOLDER, 'GlossaryTerm', false, random, term));
  const folders = folderTree(Math.max(8, Math.round(total / 15)), random);
  const notes: PlannedNote[] = [];
  for (let i = 0; i < total - termCount; i++) {
    const folder = random.chance(0.1) ? { path: '', topic: random.pick(TOPICS) } : random.pick(folders);
    const english = random.chance(0.25);
    const shape = english ? random.pick(TITLES_EN) : random.pick(TITLES_JA);
    const title = shape.replace('{t}', folder.topic).replace('{a}', english ? random.pick(ASPECTS_EN) : random.pick(ASPECTS_JA));
    notes.push(planNote(titles.claim(title), folder.path, folder.topic, english, random));
  }
  const images = Array.from({ length: Math.max(3, Math.round(total / 40)) }, (_, i) => `図解 ${i + 1}.png`);
  return { notes, terms, images };
}

function planNote(title: string, folder: string, topic: string, english: boolean, random: Random, term?: TermSeed): PlannedNote {
  const created = FIRST_DAY + random.int(0, DAYS) * DAY + random.int(0, 24 * 60 - 1) * MINUTE;
  const tags = term ? ['t-notes/用語'] : [`t-notes/${topic.replace(/[^\p{L}\p{N}_-]/gu, '')}`, ...random.sample(EXTRA_TAGS, random.int(0, 3))];
  const headings = term ? [] : random.sample(HEADINGS, random.int(2, 5));
  return {
    id: `${folder ? `${folder}/` : ''}${title}.md`,
    title,
    folder,
    english,
    headings,
    // At most one block per section: the writer ends a section's last paragraph with it.
    blockIds: Array.from({ length: random.int(0, Math.min(3, headings.length)) }, () => `b${random.int(0, 36 ** 5).toString(36)}`),
    tags,
    created: new Date(created),
    updated: new Date(created + random.int(0, 200) * DAY + random.int(0, 600) * MINUTE),
    term,
  };
}

/** Base terms first, then base × suffix (コンテナ設計), until `count`. */
function termSeeds(count: number): TermSeed[] {
  const derived = TERM_SUFFIXES.flatMap((suffix) =>
    BASE_TERMS.map((base) => ({
      title: base.title + suffix.ja,
      reading: base.reading + suffix.reading,
      english: `${base.english} ${suffix.en}`,
      description: `${base.title}の${suffix.ja}に関する考え方と手順。`,
    })),
  );
  return [...BASE_TERMS, ...derived].slice(0, count);
}

function folderTree(count: number, random: Random): { path: string; topic: string }[] {
  const folders = new Map<string, string>();
  for (let tries = 0; folders.size < count && tries < count * 20; tries++) {
    const topic = random.pick(TOPICS);
    const depth = random.int(1, 3);
    const parts = [random.pick(AREAS), topic.replace(/[^\p{L}\p{N}_. -]/gu, ''), random.pick(SUBFOLDERS)].slice(0, depth);
    folders.set(parts.join('/'), topic);
  }
  return [...folders].map(([path, topic]) => ({ path, topic }));
}

/** Titles unique across the whole vault (case-insensitively), so `[[Title]]` always names one note. */
class UniqueTitles {
  private readonly seen = new Set<string>();

  claim(title: string): string {
    let candidate = title;
    for (let n = 2; this.seen.has(candidate.toLowerCase()); n++) candidate = `${title} ${n}`;
    this.seen.add(candidate.toLowerCase());
    return candidate;
  }
}
