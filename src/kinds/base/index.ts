// The Obsidian base (`.base`): YAML of filters, formulas and views. A page of its own, as Obsidian opens it (its
// views as tabs); its own `[[…]]` count as its links. The bases step (src/site/bases.ts) evaluates it over the
// published files and leaves the page's HTML in `data.html`; embeds and ```base blocks are rewritten by that step.
import { readFileSync } from 'node:fs';
import { parseWikiLink } from '../../markdown/wikilinks';
import { noteDates } from '../../vault/dates';
import { decodeNote } from '../../vault/frontmatter';
import { publishDecision } from '../../vault/publish';
import type { LinkRef, VaultEntry } from '../../vault/types';
import type { FileKind } from '../kind';

export interface BaseData {
  /** The YAML as written: read by the bases step, never written to the site. */
  source: string;
  created: Date;
  modified: Date;
  /** The page body, set by the bases step. */
  html?: string;
}

const YAML_WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;

export const base: FileKind<BaseData> = {
  name: 'base',
  recognises: (id) => /\.base$/i.test(id),
  read(file, context): VaultEntry<BaseData> {
    const decoded = decodeNote(file.id, readFileSync(file.absPath));
    context.diagnostics.push(...decoded.diagnostics);
    const name = file.id.slice(file.id.lastIndexOf('/') + 1).replace(/\.base$/i, '');
    const links = decoded.text
      .split('\n')
      .flatMap((text, i) =>
        [...text.matchAll(YAML_WIKILINK)].map(
          (m): LinkRef => ({ ...parseWikiLink(m[2]), embed: m[1] === '!', source: 'body', syntax: 'wikilink', line: i + 1 }),
        ),
      );
    return {
      id: file.id,
      kind: 'base',
      file,
      title: name,
      links,
      // A base has no frontmatter: an excluded folder keeps it private; in opt-in mode it is published when a
      // published note uses it (publishUsedFiles, once every file is read).
      publish: publishDecision(file.id, {}, context.excludeFolders, context.publish),
      data: { source: decoded.text, ...noteDates({}, context.git, file.mtimeMs) },
    };
  },
  output: 'page',
  render: (entry) => entry.data.html ?? '',
};
