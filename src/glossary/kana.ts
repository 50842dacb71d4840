// Glossary index order: gojūon rows (あ か さ … わ) by reading, then A–Z, then everything else.
import { foldForFilter } from './filter';

type GojuonRow = 'あ' | 'か' | 'さ' | 'た' | 'な' | 'は' | 'ま' | 'や' | 'ら' | 'わ';
/** A gojūon row, a Latin initial 'A'…'Z', or '#' for the rest. */
type GroupKey = string;

interface TermGroup<T> {
  key: GroupKey;
  /** Heading to show: `か行`, `D`, `その他`. */
  label: string;
  terms: T[];
}

/** Each row with its voiced, semi-voiced and small kana (ゔ reads as う, ん closes わ). */
const ROW_MEMBERS: Record<GojuonRow, string> = {
  あ: 'ぁあぃいぅうぇえぉおゔ',
  か: 'かがきぎくぐけげこごゕゖ',
  さ: 'さざしじすずせぜそぞ',
  た: 'ただちぢっつづてでとど',
  な: 'なにぬねの',
  は: 'はばぱひびぴふぶぷへべぺほぼぽ',
  ま: 'まみむめも',
  や: 'ゃやゅゆょよ',
  ら: 'らりるれろ',
  わ: 'ゎわゐゑをんヷヸヹヺ',
};
const ROWS = Object.keys(ROW_MEMBERS) as GojuonRow[];
const ROW_OF = new Map<string, GojuonRow>(ROWS.flatMap((row) => [...ROW_MEMBERS[row]].map((kana) => [kana, row] as const)));
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const GROUP_ORDER: GroupKey[] = [...ROWS, ...LETTERS, '#'];

const collator = new Intl.Collator('ja');

/** The row of the reading's first kana (katakana and half-width fold first); undefined if it is not kana. */
export function gojuonRow(reading: string): GojuonRow | undefined {
  const first = [...foldForFilter(reading)][0];
  return first === undefined ? undefined : ROW_OF.get(first);
}

/** Non-empty groups in index order, each sorted by reading (else title) with the Japanese collation, then title. */
export function groupTerms<T extends { title: string; reading?: string }>(terms: readonly T[]): TermGroup<T>[] {
  const byKey = new Map<GroupKey, T[]>();
  for (const term of terms) {
    const key = groupKey(term);
    const group = byKey.get(key);
    if (group) group.push(term);
    else byKey.set(key, [term]);
  }
  const sortKey = (term: T) => term.reading ?? term.title;
  return GROUP_ORDER.filter((key) => byKey.has(key)).map((key) => ({
    key,
    label: groupLabel(key),
    terms: byKey.get(key)!.sort((a, b) => collator.compare(sortKey(a), sortKey(b)) || collator.compare(a.title, b.title)),
  }));
}

function groupKey(term: { title: string; reading?: string }): GroupKey {
  const row = gojuonRow(term.reading ?? term.title);
  if (row) return row;
  const initial = foldForFilter(term.title).charAt(0).toUpperCase();
  return LETTERS.includes(initial) ? initial : '#';
}

function groupLabel(key: GroupKey): string {
  if (ROWS.includes(key as GojuonRow)) return `${key}行`;
  return key === '#' ? 'その他' : key;
}
