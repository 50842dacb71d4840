// The site's data, computed once per build: the steps (build-steps.ts) in order, then the pages (pages.ts).
import type { FileKind } from '../kinds/kind';
import type { SiteConfig } from '../config/config';
import { BUILD_STEPS, GIVEN, type SiteModel } from './build-steps';
import { treeOf } from './canvas-cards';
import { sitePages } from './pages';
import { applyReplacement, checkStepOrder, runSteps } from './steps';
import { TreeStates } from './tree-states';
import type { SiteData } from './types';

checkStepOrder(BUILD_STEPS, GIVEN);

interface BuildOptions {
  /** The file kinds (src/kinds/registry.ts, or a test's own). */
  kinds: readonly FileKind[];
  /** First path segments the site's own routes take: a note folder of that name gets another slug. */
  reserved: ReadonlySet<string>;
}

export async function buildSite(config: SiteConfig, { kinds, reserved }: BuildOptions): Promise<SiteData> {
  const treeStates = new TreeStates();
  const model = { config, kinds, reserved, treeKey: (note) => treeStates.key(note.id, note.tree) } as SiteModel;
  const diagnostics = await runSteps(BUILD_STEPS, model, {
    replace: (replacement) => {
      applyReplacement(treeOf(model.load, replacement.noteId)!, replacement);
      treeStates.replaced(replacement);
    },
    rewrote: (noteIds) => treeStates.rewrote(noteIds),
  });
  model.load.diagnostics.push(...diagnostics);
  return sitePages(model);
}
