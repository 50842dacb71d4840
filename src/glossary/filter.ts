// The one normalisation behind both auto-linking and the glossary's filter box.
// `foldForFilter` must stay self-contained (no imports, no outer references): the site inlines
// `foldForFilter.toString()` into its client script so the browser folds exactly as the build does.

/** NFKC (full/half width), katakana → hiragana, lower case: `ﾀﾞｲｼﾞｪｽﾄ`, `ダイジェスト` and `だいじぇすと` fold alike. */
export function foldForFilter(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (katakana) => String.fromCharCode(katakana.charCodeAt(0) - 0x60))
    .toLowerCase();
}

/** Folded strings a filter query is matched against (substring): title, reading and aliases, each once. */
export function searchKeys(term: { title: string; reading?: string; aliases: string[] }): string[] {
  const keys = [term.title, term.reading ?? '', ...term.aliases].map(foldForFilter).filter((key) => key !== '');
  return [...new Set(keys)];
}
