import { describe, expect, it } from 'vitest';
import { parsedNote } from '../../test/helpers/parsed-note';
import { drawingDiagnostics, drawingImages, isDrawing } from './drawings';

const having =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe('isDrawing', () => {
  it("is a note with the plugin's frontmatter key, or named X.excalidraw.md", () => {
    expect(isDrawing(parsedNote('Renamed.md', { frontmatter: { 'excalidraw-plugin': 'parsed' } }))).toBe(true);
    expect(isDrawing(parsedNote('A/Sketch.Excalidraw.md'))).toBe(true);
    expect(isDrawing(parsedNote('Excalidraw notes.md'))).toBe(false);
  });
});

describe('drawingImages', () => {
  it('finds the export beside the note as the plugin names it, SVG before PNG', () => {
    expect(drawingImages('A/Sketch.excalidraw.md', having('A/Sketch.excalidraw.png', 'A/Sketch.excalidraw.svg'))).toEqual({ light: 'A/Sketch.excalidraw.svg' });
    expect(drawingImages('A/Sketch.excalidraw.md', having('A/Sketch.excalidraw.png'))).toEqual({ light: 'A/Sketch.excalidraw.png' });
    // A drawing renamed without .excalidraw: the path without its last extension.
    expect(drawingImages('Renamed.md', having('Renamed.svg'))).toEqual({ light: 'Renamed.svg' });
  });

  it('takes the light and dark exports as a pair, and one of them alone as the image', () => {
    const both = having('S.excalidraw.light.svg', 'S.excalidraw.dark.png', 'S.excalidraw.svg');
    expect(drawingImages('S.excalidraw.md', both)).toEqual({ light: 'S.excalidraw.light.svg', dark: 'S.excalidraw.dark.png' });
    expect(drawingImages('S.excalidraw.md', having('S.excalidraw.dark.svg'))).toEqual({ light: 'S.excalidraw.dark.svg' });
  });

  it('is undefined when nothing was exported, or only in another folder', () => {
    expect(drawingImages('A/S.excalidraw.md', having('S.excalidraw.svg', 'A/S.svg'))).toBeUndefined();
  });
});

describe('drawingDiagnostics', () => {
  const drawing = (id: string, fields = {}) =>
    parsedNote(id, { frontmatter: { 'excalidraw-plugin': 'parsed' }, frontmatterLines: { 'excalidraw-plugin': 2 }, ...fields });

  it('names a published drawing without an export, at its plugin line, and says how to export it', () => {
    const found = drawingDiagnostics([drawing('A/S.excalidraw.md'), drawing('B.excalidraw.md')], having('B.excalidraw.svg'));
    expect(found).toEqual([expect.objectContaining({ file: 'A/S.excalidraw.md', line: 2, severity: 'warning' })]);
    expect(found[0].message).toContain('(S.excalidraw.svg or S.excalidraw.png)');
    expect(found[0].message).toContain('Auto-export SVG');
  });

  it('says nothing of private drawings or plain notes', () => {
    const private_ = drawing('P.excalidraw.md', { publish: { published: false, reason: 'publish-false' } });
    expect(drawingDiagnostics([private_, parsedNote('Plain.md')], having())).toEqual([]);
  });
});
