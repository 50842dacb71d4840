// Decides whether a note is published: `publish: false` (or Digital Garden's `dg-publish: false`), `draft: true`,
// excluded folders, and in opt-in mode (`publish: opt-in`, as in Obsidian Publish and Digital Garden) nothing without
// `publish: true` or `dg-publish: true`.
import type { PublishMode } from '../config/config';
import { property } from './properties';
import type { PublishDecision, ResolvedLink, VaultEntry } from './types';

export function publishDecision(id: string, fm: Record<string, unknown>, excludeFolders: string[], mode: PublishMode = 'all'): PublishDecision {
  // Digital Garden's `dg-publish` counts as `publish`: either one false keeps the note back, either one true opts in.
  const publish = property(fm, 'publish');
  const dgPublish = property(fm, 'dg-publish');
  if (isFlag(publish, false)) return { published: false, reason: 'publish-false' };
  if (isFlag(dgPublish, false)) return { published: false, reason: 'dg-publish-false' };
  const draft = property(fm, 'draft');
  if (isFlag(draft, true)) return { published: false, reason: 'draft' };
  if (isFlag(publish, true) || isFlag(dgPublish, true)) return { published: true };
  if (mode === 'opt-in') return { published: false, reason: 'not-opted-in' };
  if (isInExcludedFolder(id, excludeFolders)) return { published: false, reason: 'excluded-folder' };
  return { published: true };
}

/**
 * Opt-in mode for files with no frontmatter to opt in with (a base, a canvas): published when a published note links
 * to or embeds it outside a %%comment%%, unless its folder is excluded. A file only unpublished notes use stays
 * private; a base that a published base links to is not published by that (notes decide, one step, no chains).
 */
export function publishUsedFiles(files: Map<string, VaultEntry>, links: Map<string, ResolvedLink[]>, excludeFolders: string[]): void {
  for (const entry of files.values()) {
    if (!entry.note?.publish.published) continue;
    for (const link of links.get(entry.id) ?? []) {
      const target = link.to !== undefined && link.source !== 'comment' ? files.get(link.to) : undefined;
      if (target && !target.note && !target.publish.published && target.publish.reason === 'not-opted-in' && !isInExcludedFolder(target.id, excludeFolders))
        target.publish = { published: true };
    }
  }
}

function isFlag(value: unknown, flag: boolean): boolean {
  return value === flag || value === String(flag);
}

function isInExcludedFolder(id: string, excludeFolders: string[]): boolean {
  const lower = id.toLowerCase();
  return excludeFolders.some((folder) => folder !== '' && lower.startsWith(`${folder.toLowerCase()}/`));
}
