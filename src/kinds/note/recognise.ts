// Which vault files are markdown notes: the note kind's test, and the parse-ahead thread's (which loads no renderer).
export function isNoteFile(id: string): boolean {
  return /\.md$/i.test(id);
}
