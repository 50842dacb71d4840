// Budgets of one note (README, "Limits"), settable as `limits.*`; src/markdown/limits.ts checks them.
import { DEFAULT_YAML_ALIASES } from '../yaml/parse';

export interface NoteLimits {
  /** Characters of a note's body. */
  noteSize: number;
  /** Containers inside each other: block quotes, list items, and in the tree also emphasis, links, HTML elements. */
  depth: number;
  /** Runs of `*`, `_` or `~`, `]` closing no `[`, and the depth `[` nest to, in one paragraph (all cost micromark quadratic time). */
  inlineMarks: number;
  /** Distinct tags of a note. */
  tags: number;
  /** Parse time of a note, in milliseconds. */
  parseMs: number;
  /** Alias expansions of a frontmatter (weighted by what they repeat). */
  yamlAliases: number;
}

export type LimitName = keyof NoteLimits;

export const DEFAULT_LIMITS: NoteLimits = {
  noteSize: 10_000_000,
  depth: 100,
  inlineMarks: 500,
  tags: 500,
  parseMs: 10_000,
  yamlAliases: DEFAULT_YAML_ALIASES,
};
