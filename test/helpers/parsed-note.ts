// A published note as the vault model holds it, with every field at its empty default: for unit tests and
// benchmarks that build notes without reading files.
import type { Root } from 'mdast';
import type { ParsedNote } from '../../src/vault/types';

export function parsedNote(id: string, fields: Partial<ParsedNote> = {}): ParsedNote {
  const name = id.slice(id.lastIndexOf('/') + 1).replace(/\.md$/, '');
  return {
    id,
    name,
    folder: id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '',
    frontmatter: {},
    title: name,
    aliases: [],
    tags: [],
    links: [],
    headings: [],
    blockIds: [],
    tree: { type: 'root', children: [] } as Root,
    frontmatterLines: {},
    bodyStartLine: 1,
    publish: { published: true },
    created: new Date(0),
    modified: new Date(0),
    ...fields,
  };
}
