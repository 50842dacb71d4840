// Decides whether a note is published: `publish: false`, `draft: true`, excluded folders, and in opt-in mode
// (`publish: opt-in`, as in Obsidian Publish and Digital Garden) nothing without `publish: true`.
import type { PublishMode } from '../config/config';
import { property } from './properties';
import type { PublishDecision } from './types';

export function publishDecision(id: string, fm: Record<string, unknown>, excludeFolders: string[], mode: PublishMode = 'all'): PublishDecision {
  const publish = property(fm, 'publish');
  if (publish === false || publish === 'false') return { published: false, reason: 'publish-false' };
  const draft = property(fm, 'draft');
  if (draft === true || draft === 'true') return { published: false, reason: 'draft' };
  if (publish === true || publish === 'true') return { published: true };
  if (mode === 'opt-in') return { published: false, reason: 'not-opted-in' };
  if (isInExcludedFolder(id, excludeFolders)) return { published: false, reason: 'excluded-folder' };
  return { published: true };
}

function isInExcludedFolder(id: string, excludeFolders: string[]): boolean {
  const lower = id.toLowerCase();
  return excludeFolders.some((folder) => folder !== '' && lower.startsWith(`${folder.toLowerCase()}/`));
}
