// Exact names, one key per name: a query that is a note's title, or a glossary term's reading or alias (in any
// width, case or kana), puts that page first. Shared by the build (filter values) and the browser (the query).
import { foldForFilter } from '../glossary/filter';

/** The filter Pagefind keeps the keys in (not shown to readers). */
export const NAME_FILTER = 'name';

export function nameKey(text: string): string {
  return foldForFilter(text).replace(/\s+/g, ' ').trim();
}
