// The site's data, computed once per build: the steps (build-steps.ts) in order, then the pages (pages.ts).
import type { FileKind } from '../kinds/kind';
import { KINDS } from '../kinds/registry';
import type { SiteConfig } from '../config/config';
import { BUILD_STEPS, GIVEN, type SiteModel } from './build-steps';
import { sitePages } from './pages';
import { applyReplacement, checkStepOrder, runSteps } from './steps';
import type { SiteData } from './types';

checkStepOrder(BUILD_STEPS, GIVEN);

/** `kinds`: the registry's, unless a test brings its own. */
export async function buildSite(config: SiteConfig, kinds: readonly FileKind[] = KINDS): Promise<SiteData> {
  const model = { config, kinds } as SiteModel;
  const diagnostics = await runSteps(BUILD_STEPS, model, {
    replace: (replacement) => applyReplacement(model.load.notes.get(replacement.noteId)!.tree, replacement),
  });
  model.load.diagnostics.push(...diagnostics);
  return sitePages(model);
}
