import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs, writeFiles } from '../../test/helpers/temp-dir';
import { KINDS } from '../kinds/registry';
import { isPublished, loadVault } from '../vault/load';
import { buildReport, formatReport } from './report';
import type { SettingsSummary } from './types';

const tempDir = useTempDirs('tsunagu-report-');

/** The report's lines (after the two summary lines) for a vault of `files`. */
function reportLines(files: Record<string, string>): string[] {
  const vaultDir = tempDir();
  writeFiles(vaultDir, files);
  const vault = loadVault({ vaultDir, excludeFolders: [], aliasFallback: true, kinds: KINDS });
  const settings = { vaultDir, settingsFiles: [], title: 'T', lang: 'en' as const };
  const kindOf = (entry: { kind: string }) => KINDS.find((kind) => kind.name === entry.kind)!;
  const report = buildReport(settings, vault, [...vault.notes.values()].filter(isPublished), 0, new Map(), kindOf);
  return formatReport(report).split('\n').slice(2);
}

/** The report's first line: the settings an author checks first. */
function settingsLine(settings: SettingsSummary): string {
  const report = {
    settings,
    filesSeen: 0,
    notesPublished: 0,
    notesSkipped: [],
    attachmentsCopied: 0,
    attachmentsUnused: [],
    otherPages: 0,
    otherSkipped: [],
    unresolvedLinks: [],
    diagnostics: [],
  };
  return formatReport(report).split('\n')[0];
}

describe('the settings line of the build report', () => {
  const cwd = process.cwd();
  it('names the vault and the settings files relative to the project, title and language', () => {
    const line = settingsLine({
      vaultDir: path.join(cwd, 'notes'),
      settingsFiles: [path.join(cwd, 'notes', 'tsunagu.yaml'), path.join(cwd, 'tsunagu.config.yaml')],
      title: 'T',
      lang: 'ja',
    });
    expect(line).toBe(`tsunagu: vault ${path.join('notes')}, settings ${path.join('notes', 'tsunagu.yaml')} + tsunagu.config.yaml, title "T", language ja`);
  });

  it('says when there is no settings file and how a detected language was chosen', () => {
    const line = settingsLine({
      vaultDir: '/home/me/vault',
      settingsFiles: [],
      title: 'vault',
      lang: 'en',
      detected: { lang: 'en', japaneseNotes: 1, notesWithProse: 5 },
    });
    expect(line).toContain('vault /home/me/vault, no settings file (defaults; put a tsunagu.yaml beside the notes to change them)');
    expect(line).toContain('language en (detected: 1 of 5 notes mostly Japanese; set `lang: ja` in tsunagu.yaml to change it)');
  });
});

describe('the warnings of the build report', () => {
  it('quotes each link as written, in line order within a note', () => {
    const note = ['![[gone.png]]', '[Custom name](Example%20note.md) and [[Missing|shown]]', '![250](lost.png)'].join('\n\n');
    expect(reportLines({ 'A.md': note })).toEqual([
      '4 unresolved links (shown as plain text):',
      '  A.md:1: [[gone.png]] matches no note or attachment',
      '  A.md:3: [Custom name](Example%20note.md) matches no note or attachment',
      '  A.md:3: [[Missing]] matches no note or attachment',
      '  A.md:5: ![250](lost.png) matches no note or attachment',
    ]);
  });

  it('lists the diagnostics of a note together and in line order, whichever step found them', () => {
    // The unknown callouts are found as each note is read, the embed cycle after every note is read.
    const lines = reportLines({ 'A.md': '![[A]]\n\n> [!bogus] x', 'B.md': '> [!bogus] y' }).map((line) => line.split(': has')[0].split(': embeds')[0]);
    expect(lines).toEqual(['3 diagnostics:', '  warning: A.md:1', '  warning: A.md:3', '  warning: B.md:1']);
  });
});
