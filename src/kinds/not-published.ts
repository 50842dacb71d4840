// Obsidian files whose kind tsunagu does not publish yet: recognised so they are never copied raw (a `.canvas`
// holds its cards' text, a `.base` its filters), and skipped without a diagnostic.
import type { FileKind } from './kind';

export function notPublished(name: string, extension: string): FileKind<undefined> {
  const suffix = `.${extension}`;
  return {
    name,
    recognises: (id) => id.toLowerCase().endsWith(suffix),
    read: (file) => ({
      id: file.id,
      kind: name,
      file,
      title: file.id.slice(file.id.lastIndexOf('/') + 1),
      links: [],
      publish: { published: false, reason: 'kind-not-published' },
      data: undefined,
    }),
    output: 'none',
  };
}
