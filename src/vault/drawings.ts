// Excalidraw drawings (Obsidian's Excalidraw plugin): a markdown note whose frontmatter has `excalidraw-plugin`
// (named `X.excalidraw.md` by default, any name once renamed). The drawing is compressed JSON inside a %%comment%%
// that only the plugin, a browser app, can draw; its "Auto-export SVG / PNG" setting saves an image beside the note,
// named as the plugin's getIMGFilename names it: the note's path without its last extension, then `.svg` or `.png`
// (`.light.svg` and `.dark.svg` when it exports both themes). The site shows that image where the drawing is
// embedded and on the drawing's page; the note itself stays a note for links, Dataview and search.
import type { Diagnostic, ParsedNote } from './types';

/** The exported images of a drawing, as vault ids: one for both themes, or one per theme. */
export interface DrawingImages {
  light: string;
  dark?: string;
}

export function isDrawing(note: Pick<ParsedNote, 'id' | 'frontmatter'>): boolean {
  return Object.hasOwn(note.frontmatter, 'excalidraw-plugin') || /\.excalidraw\.md$/i.test(note.id);
}

/** The images the plugin exported for the drawing `noteId`, among the files `exists` knows; SVG before PNG. */
export function drawingImages(noteId: string, exists: (id: string) => boolean): DrawingImages | undefined {
  const stem = noteId.slice(0, noteId.lastIndexOf('.'));
  const first = (suffix: string) => [`${stem}${suffix}.svg`, `${stem}${suffix}.png`].find(exists);
  const light = first('.light');
  const dark = first('.dark');
  if (light && dark) return { light, dark };
  const either = first('') ?? light ?? dark;
  return either ? { light: either } : undefined;
}

/** A published drawing with no exported image shows a notice; the report says how to get the image. */
export function drawingDiagnostics(notes: Iterable<ParsedNote>, exists: (id: string) => boolean): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const note of notes) {
    if (!note.publish.published || !isDrawing(note) || drawingImages(note.id, exists)) continue;
    const stem = note.id.slice(note.id.lastIndexOf('/') + 1, note.id.lastIndexOf('.'));
    found.push({
      file: note.id,
      line: note.frontmatterLines['excalidraw-plugin'] ?? 1,
      severity: 'warning',
      message:
        `is an Excalidraw drawing with no exported image beside it (${stem}.svg or ${stem}.png), so the site shows a notice in its place. ` +
        'In Obsidian, turn on Settings → Excalidraw → Embedding Excalidraw into your Notes and Exporting → Export Settings → "Auto-export SVG" and open the drawing once.',
    });
  }
  return found;
}
