// The one diagnostic of a note over a limit (README, "Limits"): file, line, which limit, what happened, how to fix.
import type { NoteLimits } from '../../config/limits';
import type { LimitHit } from '../../markdown/limits';
import type { Diagnostic } from '../../vault/types';

const EFFECTS: Record<LimitHit['limit'], (found: number, max: number) => string> = {
  noteSize: (found, max) => `is ${found} characters long, over limits.noteSize (${max}); it is published as plain text`,
  depth: (found, max) => `nests ${found} levels deep here, over limits.depth (${max}); it is published as plain text`,
  inlineMarks: (found, max) =>
    `has ${found} runs of * _ ~ and stray or nested brackets in the paragraph starting here, over limits.inlineMarks (${max}); they are shown as written`,
  tags: (found, max) => `has ${found} distinct tags, over limits.tags (${max}); the tags after the first ${max} are shown as text and make no tag pages`,
  parseMs: (found, max) => `took ${found} ms to parse, over limits.parseMs (${max}); it is published as plain text`,
};

export function limitDiagnostic(file: string, hit: LimitHit, limits: NoteLimits): Diagnostic {
  return {
    file,
    line: hit.line,
    severity: 'warning',
    message: `${EFFECTS[hit.limit](hit.found, limits[hit.limit])}, with a notice on its page. Split or simplify the note, or raise limits.${hit.limit} in the config.`,
  };
}
