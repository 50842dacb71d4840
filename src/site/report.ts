// The build report: every file accounted for, every unresolved link and diagnostic with file:line.
import type { Vault } from '../vault/load';
import type { ParsedNote } from '../vault/types';
import type { BuildReport } from './types';

const SKIP_REASONS = { 'publish-false': 'publish: false', draft: 'draft: true', 'excluded-folder': 'in an excluded folder' } as const;

export function buildReport(vault: Vault, published: ParsedNote[], usedAttachments: Map<string, string>): BuildReport {
  const unresolvedLinks = published.flatMap((note) =>
    (vault.links.get(note.id) ?? []).filter((l) => !l.to && l.target !== '').map((l) => ({ file: note.id, line: l.line, target: l.target })),
  );
  return {
    filesSeen: vault.filesSeen,
    notesPublished: published.length,
    notesSkipped: [...vault.notes.values()].flatMap((n) => (n.publish.published ? [] : [{ id: n.id, reason: SKIP_REASONS[n.publish.reason] }])),
    attachmentsCopied: usedAttachments.size,
    attachmentsUnused: [...vault.attachments.keys()].filter((id) => !usedAttachments.has(id)),
    unresolvedLinks,
    diagnostics: vault.diagnostics,
  };
}

export function formatReport(report: BuildReport): string {
  const lines = [
    `tsunagu: ${report.filesSeen} files seen = ${report.notesPublished} notes published + ${report.notesSkipped.length} notes skipped + ${report.attachmentsCopied} attachments copied + ${report.attachmentsUnused.length} attachments unused`,
    ...report.notesSkipped.map((s) => `  skipped ${s.id} (${s.reason})`),
  ];
  if (report.unresolvedLinks.length) {
    lines.push(`${report.unresolvedLinks.length} unresolved links (shown as plain text):`);
    lines.push(...report.unresolvedLinks.map((l) => `  ${l.file}:${l.line}: [[${l.target}]] matches no note or attachment`));
  }
  if (report.diagnostics.length) {
    lines.push(`${report.diagnostics.length} diagnostics:`);
    lines.push(...report.diagnostics.map((d) => `  ${d.severity}: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`));
  }
  return lines.join('\n');
}
