// The markdown note: frontmatter + body parsed once into mdast; a page of its own; embedded by transclusion.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderTree } from '../../markdown/render';
import { noteDates } from '../../vault/dates';
import { isDrawing } from '../../vault/drawings';
import { decodeNote, splitFrontmatter } from '../../vault/frontmatter';
import { frontmatterKeyLines } from '../../vault/frontmatter-lines';
import { noteInputDiagnostics } from '../../vault/input-checks';
import { frontmatterAliases, frontmatterTags, propertyImageEmbeds, property, propertyLinks } from '../../vault/properties';
import { publishDecision } from '../../vault/publish';
import type { ParsedNote, ReadContext, VaultEntry, VaultFile } from '../../vault/types';
import type { FileKind } from '../kind';
import { drawingEmbed, drawingPageTree } from './drawing';
import { limitDiagnostic } from './limit-diagnostic';
import { isNoteFile } from './recognise';

export const markdownNote: FileKind<undefined> = {
  name: 'note',
  recognises: isNoteFile,
  read(file, context): VaultEntry<undefined> {
    const note = readNote(file, context);
    return { id: file.id, kind: 'note', file, title: note.title, links: note.links, publish: note.publish, note, data: undefined };
  },
  output: 'page',
  render: (entry, site) => renderTree(isDrawing(entry.note!) ? drawingPageTree(entry.note!) : entry.note!.tree, site.renderContext(entry.id)),
  // Embeds of notes are transcluded by the renderer; only a drawing's come here (see resolveTarget).
  embed: drawingEmbed,
};

function readNote(file: VaultFile, context: ReadContext): ParsedNote {
  const { limits } = context;
  const decoded = decodeNote(file.id, readFileSync(file.absPath));
  const source = splitFrontmatter(file.id, decoded.text, limits);
  context.diagnostics.push(...decoded.diagnostics, ...source.diagnostics);
  const fm = source.frontmatter;
  const body = context.parse(source.body, source.bodyStartLine, limits);
  const frontmatterLines = frontmatterKeyLines(decoded.text);
  const tags = uniqueTags([...body.tags.map((t) => t.tag), ...frontmatterTags(fm)]);
  // Body tags past the limit are text already (in the tree); frontmatter tags past it are left out here.
  const limit = body.limit ?? (tags.length > limits.tags ? { limit: 'tags' as const, line: frontmatterLines.tags ?? 1, found: tags.length } : undefined);
  if (limit) context.diagnostics.push(limitDiagnostic(file.id, limit, limits));
  const name = path.posix.basename(file.id).replace(/\.md$/i, '');
  const folder = path.posix.dirname(file.id) === '.' ? '' : path.posix.dirname(file.id);
  const title = property(fm, 'title');
  const bodyLinks = body.links.filter((l) => !l.embed);
  const embeds = body.links.filter((l) => l.embed);
  const note: ParsedNote = {
    id: file.id,
    name,
    folder,
    frontmatter: fm,
    title: typeof title === 'string' && title.trim() ? title.trim() : name,
    aliases: frontmatterAliases(fm),
    tags: tags.slice(0, limits.tags),
    links: [...propertyLinks(fm, 2), ...bodyLinks, ...embeds, ...propertyImageEmbeds(fm, frontmatterLines)],
    headings: body.headings,
    blockIds: body.blockIds,
    tree: body.tree,
    frontmatterLines,
    ...(body.firstParagraph ? { firstParagraph: body.firstParagraph } : {}),
    bodyStartLine: source.bodyStartLine,
    ...(limit ? { limit } : {}),
    publish: publishDecision(file.id, fm, context.excludeFolders, context.publish),
    ...noteDates(fm, context.git, file.mtimeMs),
  };
  context.diagnostics.push(...noteInputDiagnostics(note, body.tags));
  return note;
}

/** Dataview keeps the first of exact duplicates (`#Docker` and `#docker` are two etags). */
function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags)];
}
