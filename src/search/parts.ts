// The search index is split into parts (src/search/index-site.ts writes them, src/scripts/search.ts merges them).

/** In pagefind/: `{ "parts": [...] }`, the folders of the parts after the first, relative to pagefind/. */
export const PARTS_FILE = 'parts.json';
