// The five notes of issue 16 that once took a whole build down, generated at any size (scale 1 = the issue's size).
// Used by the linear-time benchmark (scripts/bench-hostile.ts), the fuzz generator and the hostile-vault build test.

export interface HostileNote {
  /** File name in the vault. */
  file: string;
  /** What the note stresses, for reports. */
  what: string;
  text: string;
}

/** A blockquote nested `5000 × scale` levels deep. */
export function deepBlockquote(scale = 1): string {
  return `${'> '.repeat(Math.round(5000 * scale))}bottom of the quote\n`;
}

/** A list nested `2000 × scale` levels deep, each level indented two spaces further. */
export function deepList(scale = 1): string {
  const depth = Math.round(2000 * scale);
  const lines: string[] = [];
  for (let level = 0; level < depth; level++) lines.push(`${'  '.repeat(level)}- level ${level}`);
  return `${lines.join('\n')}\n`;
}

/** One line of alternating `*` and `_`, `200 KB × scale` long (minified or encoded text pasted into a note). */
export function emphasisRun(scale = 1): string {
  return `${'*_'.repeat(Math.round(100_000 * scale))}\n`;
}

/** Frontmatter whose anchors and aliases expand exponentially: nine lists of nine, `levels` deep (9^levels leaves). */
export function yamlAliasBomb(levels = 8): string {
  const lines = ['---', `l0: &l0 [${Array(9).fill('"lol"').join(', ')}]`];
  for (let level = 1; level <= levels; level++)
    lines.push(
      `l${level}: &l${level} [${Array(9)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n---\nA note whose frontmatter is a billion laughs.\n`;
}

/** A note with `5000 × scale` distinct nested tags. */
export function manyTags(scale = 1): string {
  const count = Math.round(5000 * scale);
  const tags: string[] = [];
  for (let i = 0; i < count; i++) tags.push(`#topic/t${i % 50}/n${i}`);
  return `Many tags:\n\n${tags.join(' ')}\n`;
}

export function hostileNotes(scale = 1): HostileNote[] {
  return [
    { file: 'hostile-blockquote.md', what: 'blockquote nested 5,000 deep', text: deepBlockquote(scale) },
    { file: 'hostile-list.md', what: 'list nested 2,000 deep', text: deepList(scale) },
    { file: 'hostile-emphasis.md', what: '200 KB line of *_', text: emphasisRun(scale) },
    { file: 'hostile-yaml.md', what: 'YAML aliases, 9^8 leaves', text: yamlAliasBomb() },
    { file: 'hostile-tags.md', what: '5,000 tags', text: manyTags(scale) },
  ];
}
