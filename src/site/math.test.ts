import path from 'node:path';
import katex from 'katex';
import { describe, expect, test, vi } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { buildNonce } from '../safety/trusted';
import { parseFragment } from '../markdown/parse';
import type { Lang } from '../config/config';
import { type MathNote, renderMath } from './math';
import { applyReplacement } from './steps';

/** The step as the build runs it: its replacements applied to the notes' trees; its diagnostics returned. */
function typesetNotes(notes: MathNote[], lang: Lang) {
  const { replacements, diagnostics } = renderMath(notes, { lang });
  for (const replacement of replacements) applyReplacement(notes.find((n) => n.id === replacement.noteId)!.tree, replacement);
  return diagnostics;
}

function note(markdown: string, bodyStartLine = 1): MathNote {
  return { id: 'n.md', tree: parseFragment(markdown), bodyStartLine };
}

function html(n: MathNote): string {
  return JSON.stringify(n.tree);
}

describe('the math step', () => {
  test('typesets inline and display math as KaTeX HTML with MathML', () => {
    const n = note('a $x^2$ b\n\n$$\n\\frac12\n$$');
    expect(typesetNotes([n], 'ja')).toEqual([]);
    expect(html(n)).toContain('class=\\"katex\\"');
    expect(html(n)).toContain('<math xmlns=\\"http://www.w3.org/1998/Math/MathML\\"');
    expect(html(n)).toContain('class=\\"katex-display\\"');
  });

  test('a formula KaTeX rejects keeps its TeX with a notice and one diagnostic on its file line', () => {
    const n = note('ok $a$\n\n$$\\require{cancel}x$$', 5);
    const diagnostics = typesetNotes([n], 'en');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'n.md', line: 7, severity: 'warning' });
    expect(diagnostics[0].message).toContain('\\require');
    expect(html(n)).toContain('This formula could not be typeset');
    expect(html(n)).toContain('\\\\require{cancel}x');
  });

  test('\\def holds for the rest of the note only', () => {
    const first = note('$\\def\\Foo{\\mathbb{F}}$ $\\Foo$');
    const second = { ...note('$\\Foo$'), id: 'm.md' };
    expect(typesetNotes([first, second], 'en').map((d) => d.file)).toEqual(['m.md']);
  });

  test('untrusted commands are not run', () => {
    const n = note('$\\href{javascript:alert(1)}{x}$');
    typesetNotes([n], 'en');
    expect(html(n)).not.toContain('href=');
  });
});

describe('the math step across builds', () => {
  const tempDir = useTempDirs('tsunagu-math-memo-');
  test('typesets again only the notes whose tree key changed; a reused note gets the same HTML', () => {
    const projectDir = tempDir();
    writeFiles(projectDir, { 'src/step.ts': '', 'package-lock.json': '{}' });
    const memoFile = { cacheDir: path.join(projectDir, 'cache'), vaultDir: projectDir, projectDir };
    const typeset = vi.spyOn(katex, 'renderToString');
    const build = (keys: Record<string, string>) => {
      const notes = [note('$a$'), { ...note('$b$'), id: 'm.md' }];
      const { replacements } = renderMath(notes, { lang: 'en', treeKey: (n) => keys[n.id], memoFile });
      return replacements.map((r) => JSON.stringify(r).replaceAll(buildNonce(), ''));
    };
    const first = build({ 'n.md': 'n1', 'm.md': 'm1' });
    expect(typeset).toHaveBeenCalledTimes(2);
    expect(build({ 'n.md': 'n1', 'm.md': 'm2' })).toEqual(first);
    expect(typeset).toHaveBeenCalledTimes(3);
    typeset.mockRestore();
  });
});
