// Exact names of glossary terms, as one key per name: a query that is a term's title, reading or alias (in any
// width, case or kana) puts that term first. Shared by the build (filter values) and the browser (the query).
import { foldForFilter } from '../glossary/filter';

/** The filter Pagefind keeps the keys in (not shown to readers). */
export const NAME_FILTER = 'name';

export function nameKey(text: string): string {
  return foldForFilter(text).replace(/\s+/g, ' ').trim();
}
