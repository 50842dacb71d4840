// The build report: what was built with which settings, every file accounted for, every unresolved link and
// diagnostic with file:line.
import path from 'node:path';
import type { FileKind } from '../kinds/kind';
import type { Vault } from '../vault/load';
import type { ParsedNote, VaultEntry } from '../vault/types';
import type { BuildReport, SettingsSummary } from './types';

const SKIP_REASONS = {
  'publish-false': 'publish: false',
  'dg-publish-false': 'dg-publish: false',
  draft: 'draft: true',
  'excluded-folder': 'in an excluded folder',
  'kind-not-published': 'not published yet',
  'not-opted-in': 'no publish: true or dg-publish: true (publish: opt-in)',
} as const;

export function buildReport(
  settings: SettingsSummary,
  vault: Vault,
  published: ParsedNote[],
  pages: number,
  usedAttachments: Map<string, string>,
  kindOf: (entry: VaultEntry) => FileKind,
): BuildReport {
  const entries = [...vault.files.values()];
  // Every published page's links: a canvas card that names no file is as broken as a note's link. Each quoted as
  // written, so the author can search for it.
  const pageIds = entries.filter((e) => e.publish.published && kindOf(e).output === 'page').map((e) => e.id);
  const unresolvedLinks = pageIds.flatMap((id) =>
    (vault.links.get(id) ?? []).filter((l) => !l.to && l.target !== '').map((l) => ({ file: id, line: l.line, written: l.written ?? `[[${l.target}]]` })),
  );
  return {
    settings,
    filesSeen: vault.filesSeen,
    notesPublished: published.length,
    notesSkipped: [...vault.notes.values()].flatMap((n) => (n.publish.published ? [] : [{ id: n.id, reason: SKIP_REASONS[n.publish.reason] }])),
    attachmentsCopied: usedAttachments.size,
    attachmentsUnused: entries.filter((e) => kindOf(e).output === 'copy' && !usedAttachments.has(e.id)).map((e) => e.id),
    otherPages: pages,
    otherSkipped: entries.filter((e) => kindOf(e).output !== 'copy' && !e.note && !(kindOf(e).output === 'page' && e.publish.published)).map((e) => e.id),
    unresolvedLinks: inFileOrder(unresolvedLinks),
    diagnostics: inFileOrder(vault.diagnostics),
  };
}

/**
 * Each file's entries together (files in the order first met), in line order within a file, as the author reads
 * them: a note lists its embeds after its links, and each build step adds its own diagnostics.
 */
function inFileOrder<T extends { file: string; line?: number }>(items: T[]): T[] {
  const rank = new Map<string, number>();
  for (const { file } of items) if (!rank.has(file)) rank.set(file, rank.size);
  return items.toSorted((a, b) => rank.get(a.file)! - rank.get(b.file)! || (a.line ?? 0) - (b.line ?? 0));
}

export function formatReport(report: BuildReport): string {
  const lines = [
    settingsLine(report.settings),
    `tsunagu: ${report.filesSeen} files seen = ${report.notesPublished} notes published + ${report.notesSkipped.length} notes skipped + ${report.attachmentsCopied} attachments copied + ${report.attachmentsUnused.length} attachments unused${otherKinds(report)}`,
    ...report.notesSkipped.map((s) => `  skipped ${s.id} (${s.reason})`),
  ];
  if (report.unresolvedLinks.length) {
    lines.push(`${report.unresolvedLinks.length} unresolved links (shown as plain text):`);
    lines.push(...report.unresolvedLinks.map((l) => `  ${l.file}:${l.line}: ${l.written} matches no note or attachment`));
  }
  if (report.diagnostics.length) {
    lines.push(`${report.diagnostics.length} diagnostics:`);
    lines.push(...report.diagnostics.map((d) => `  ${d.severity}: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`));
  }
  return lines.join('\n');
}

/** Files of the other kinds (bases, canvases), counted only when the vault has some, so every file is accounted for. */
function otherKinds(report: BuildReport): string {
  const parts = [
    report.otherPages && `${report.otherPages} other pages`,
    report.otherSkipped.length && `${report.otherSkipped.length} other files not published`,
  ];
  return parts
    .filter(Boolean)
    .map((part) => ` + ${part}`)
    .join('');
}

/** The vault, the settings file(s), title and language: what an author checks first when the site looks wrong. */
function settingsLine(settings: SettingsSummary): string {
  const cwd = process.cwd();
  const shown = (file: string) => (file.startsWith(cwd + path.sep) ? path.relative(cwd, file) : file);
  const files = settings.settingsFiles.length
    ? `settings ${settings.settingsFiles.map(shown).join(' + ')}`
    : `no settings file (defaults; put a tsunagu.yaml beside the notes to change them)`;
  const lang = settings.detected
    ? `language ${settings.lang} (detected: ${settings.detected.japaneseNotes} of ${settings.detected.notesWithProse} notes mostly Japanese; set \`lang: ${settings.lang === 'ja' ? 'en' : 'ja'}\` in tsunagu.yaml to change it)`
    : `language ${settings.lang}`;
  return `tsunagu: vault ${shown(settings.vaultDir)}, ${files}, title "${settings.title}", ${lang}`;
}
