// The dev server computes the site again at every save, and most notes are as they were. A step's per-note result
// is kept from one computation to the next in this process and reused while the note's key is the same; the key
// says everything the result depends on (the note's tree as the step sees it, and what the step reads besides), so a
// reused result is the one the step would compute. A build keeps nothing: it computes once.
import { computesAgain } from './computes-again';

export interface NoteMemo<Result> {
  /** `compute()`, or the result kept under `key` for this note; without a key, always computed. */
  reuse(noteId: string, key: string | undefined, compute: () => Result): Result;
}

const KEY = Symbol.for('tsunagu.note-memo');
// On globalThis: the integration and the pages are bundled apart (see site.ts).
type Holder = { [KEY]?: Map<string, Map<string, { key: string; result: unknown }>> };

/** For one computation of the step `name`; keeps the results it used (and only those) for the next. */
export function openNoteMemo<Result>(name: string): NoteMemo<Result> {
  if (!computesAgain()) return { reuse: (_id, _key, compute) => compute() };
  const memos = ((globalThis as Holder)[KEY] ??= new Map());
  const last = memos.get(name) ?? new Map();
  const kept = new Map<string, { key: string; result: unknown }>();
  memos.set(name, kept);
  return {
    reuse(noteId, key, compute) {
      if (key === undefined) return compute();
      const hit = last.get(noteId);
      const result = hit?.key === key ? (hit.result as Result) : compute();
      kept.set(noteId, { key, result });
      return result;
    },
  };
}
