// Where each top-level frontmatter key is written, so term diagnostics can point at `aliases:` or `title:`.

/** 1-based line of each top-level key in the file's leading `---` block ({} when there is none). */
export function frontmatterKeyLines(fileText: string): Record<string, number> {
  const lines = fileText.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const keyLines: Record<string, number> = {};
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return keyLines;
  for (let i = 1; i < lines.length && !/^(?:---|\.\.\.)[ \t]*$/.test(lines[i]); i++) {
    const key = /^([^\s#:][^:]*?)[ \t]*:(?:[ \t]|$)/.exec(lines[i])?.[1];
    if (key !== undefined && !(key in keyLines)) keyLines[key] = i + 1;
  }
  return keyLines;
}
