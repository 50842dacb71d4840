// The one YAML parser of the tree (the `yaml` package), for frontmatter and the config file. Aliases are expanded
// with a cap, so a few lines of anchors cannot allocate gigabytes (a "billion laughs" frontmatter).
import { parseAllDocuments, type YAMLError } from 'yaml';

/**
 * Alias expansions allowed per document, weighted by the size of what each alias repeats (the `yaml` package's
 * own measure and default): the expanded value stays within a fixed multiple of the text. Real frontmatter uses few.
 */
export const DEFAULT_YAML_ALIASES = 100;

export class YamlError extends Error {
  /** 1-based line in the parsed text, when known. */
  readonly line: number | undefined;
  /** The document expanded aliases past the cap. */
  readonly aliasLimit: boolean;

  constructor(message: string, line: number | undefined, aliasLimit = false) {
    super(message);
    this.line = line;
    this.aliasLimit = aliasLimit;
  }
}

/**
 * Every document of the text, as plain values. YAML 1.2 core schema plus YAML 1.1 timestamps and `<<` merge keys
 * (gray-matter's js-yaml 3 read both, so dates stay dates). Throws YamlError.
 */
export function parseYamlDocuments(text: string, maxAliasCount = DEFAULT_YAML_ALIASES): unknown[] {
  return parseAllDocuments(text, { schema: 'core', customTags: ['timestamp'], merge: true }).map((doc) => {
    if (doc.errors.length) throw yamlError(doc.errors[0]);
    try {
      return doc.toJS({ maxAliasCount });
    } catch (error) {
      if (error instanceof ReferenceError && /alias/i.test(error.message)) throw new YamlError(error.message, undefined, true);
      throw error;
    }
  });
}

function yamlError(error: YAMLError): YamlError {
  // Pretty errors append "at line N, column M:" and a code frame to the message.
  return new YamlError(error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), error.linePos?.[0].line);
}
