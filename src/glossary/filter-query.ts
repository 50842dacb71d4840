// The glossary filter box's rule (src/scripts/glossary-filter.ts), apart from foldForFilter: the search client
// shares that one, and need not carry this.
import { foldForFilter } from './filter';

/** Every word of the query is part of some key (a title, reading or alias). */
export function matchesFilter(keys: readonly string[], query: string): boolean {
  const words = foldForFilter(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.every((word) => keys.some((key) => key.includes(word)));
}
