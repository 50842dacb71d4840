import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from './report';
import type { SettingsSummary } from './types';

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
