// Reads a note file: encoding, BOM, line endings and YAML frontmatter. Bad YAML never loses the body.
import matter from 'gray-matter';
import type { Diagnostic } from './types';
import { DEFAULT_LIMITS, type NoteLimits } from '../config/limits';
import { bracketDepth } from '../markdown/limits';
import { parseYamlDocuments, YamlError } from '../yaml/parse';

export interface NoteSource {
  frontmatter: Record<string, unknown>;
  body: string;
  /** 1-based file line on which `body` starts. */
  bodyStartLine: number;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

export function decodeNote(id: string, bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: normalizeText(utf8.decode(bytes)), diagnostics: [] };
  } catch {
    const text = normalizeText(lossyUtf8.decode(bytes));
    const line = text.split('\n').findIndex((l) => l.includes('\uFFFD')) + 1;
    return {
      text,
      diagnostics: [
        { file: id, line: line || undefined, severity: 'warning', message: 'is not valid UTF-8; unreadable bytes are shown as �. Save the file as UTF-8.' },
      ],
    };
  }
}

function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

export function splitFrontmatter(id: string, text: string, limits: Pick<NoteLimits, 'yamlAliases' | 'depth'> = DEFAULT_LIMITS): NoteSource {
  const block = frontmatterBlock(text);
  if (!block) return { frontmatter: {}, body: text, bodyStartLine: 1, diagnostics: [] };
  if (block === 'unclosed') {
    return {
      frontmatter: {},
      body: text,
      bodyStartLine: 1,
      diagnostics: [
        {
          file: id,
          line: 1,
          severity: 'warning',
          message:
            'starts a frontmatter block with --- that is never closed; the whole file is published as text. Add a closing --- line after the properties.',
        },
      ],
    };
  }
  const parsed = parseFrontmatter(id, block.yamlText, limits);
  return { frontmatter: parsed.data, body: block.body, bodyStartLine: block.bodyStartLine, diagnostics: parsed.diagnostics };
}

/** The body `splitFrontmatter` gives, without reading the YAML (for parsing a note's body ahead: parse-ahead.ts). */
export function noteBody(text: string): Pick<NoteSource, 'body' | 'bodyStartLine'> {
  const block = frontmatterBlock(text);
  return block && block !== 'unclosed' ? block : { body: text, bodyStartLine: 1 };
}

function frontmatterBlock(text: string): { yamlText: string; body: string; bodyStartLine: number } | 'unclosed' | undefined {
  if (!OPENING.test(text)) return undefined;
  const afterOpening = text.slice(text.indexOf('\n') + 1);
  const close = CLOSING.exec(afterOpening);
  if (!close) return 'unclosed';
  const bodyStart = close.index + close[0].length + 1;
  return {
    yamlText: afterOpening.slice(0, close.index),
    body: afterOpening.slice(bodyStart),
    bodyStartLine: 2 + countLines(afterOpening.slice(0, Math.min(bodyStart, afterOpening.length))),
  };
}

function parseFrontmatter(
  id: string,
  yamlText: string,
  limits: Pick<NoteLimits, 'yamlAliases' | 'depth'>,
): { data: Record<string, unknown>; diagnostics: Diagnostic[] } {
  // The YAML parser recurses (and runs out of memory) on lists nested thousands deep: such text never reaches it.
  const depth = bracketDepth(yamlText);
  if (depth > limits.depth) {
    const message = `has frontmatter whose [ ] or { } nest ${depth} deep, over limits.depth (${limits.depth}); its properties are ignored, the body is published. Flatten the values, or raise limits.depth.`;
    return { data: {}, diagnostics: [{ file: id, line: 2, severity: 'warning', message }] };
  }
  const yamlAliases = limits.yamlAliases;
  // The parser looks each alias's anchor up across the whole document (aliases × nodes): many never reach it.
  if (aliasCount(yamlText) > yamlAliases) return { data: {}, diagnostics: [{ file: id, line: 2, severity: 'warning', message: aliasMessage(yamlAliases) }] };
  try {
    // Passing options disables gray-matter's cache, which would keep every file's text alive. The engine may return a
    // scalar or null (not a map): checked below.
    const yaml = (text: string) => (parseYamlDocuments(text, yamlAliases)[0] ?? null) as object;
    const data: unknown = parseLeniently(yamlText, (text) => matter(`---\n${text}\n---\n`, { engines: { yaml } }).data);
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown>, diagnostics: [] };
    return {
      data: {},
      diagnostics: [
        {
          file: id,
          line: 2,
          severity: 'warning',
          message: 'has frontmatter that is not a list of properties (key: value); it is ignored. Write properties as "key: value" lines.',
        },
      ],
    };
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    // gray-matter hands the engine the text after the opening ---, newline included: its line N is the file's line N.
    const line = error.line ?? 2;
    const message = error.aliasLimit
      ? aliasMessage(yamlAliases)
      : `has invalid YAML in its frontmatter (${error.message}); its properties are ignored, the body is published. Fix the YAML syntax on that line.`;
    return { data: {}, diagnostics: [{ file: id, line, severity: 'warning', message }] };
  }
}

/**
 * The YAML as written; if the parser rejects it, once more with the continuation lines of `[ ]`/`{ }` collections
 * indented past their key. Obsidian's parser (js-yaml) reads `key: [` followed by lines indented with a tab, or not at
 * all, which the YAML spec and our parser refuse; whitespace there separates tokens only, so the values are the same.
 */
function parseLeniently(yamlText: string, parse: (text: string) => unknown): unknown {
  try {
    return parse(yamlText);
  } catch (error) {
    const indented = indentFlowContinuations(yamlText);
    if (!(error instanceof YamlError) || indented === yamlText) throw error;
    try {
      return parse(indented);
    } catch {
      throw error;
    }
  }
}

/** Each line inside an open flow collection re-indented two spaces past the line that opened it (tabs included). */
function indentFlowContinuations(yamlText: string): string {
  const lines = yamlText.split('\n');
  let depth = 0;
  let openIndent = 0;
  let quote = '';
  for (let n = 0; n < lines.length; n++) {
    if (depth > 0) lines[n] = ' '.repeat(openIndent + 2) + lines[n].replace(/^[ \t]+/, '');
    else openIndent = /^ */.exec(lines[n])![0].length;
    const line = lines[n];
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote && quote === "'" && line[i + 1] === "'") i++;
        else if (c === quote) quote = '';
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
      else if (c === '[' || c === '{') depth++;
      else if ((c === ']' || c === '}') && depth > 0) depth--;
    }
    // Only a quoted scalar inside brackets is taken to go on past its line.
    if (depth === 0) quote = '';
  }
  return lines.join('\n');
}

/** `*name` tokens where a YAML node may start (an upper bound of the aliases). */
function aliasCount(yamlText: string): number {
  return yamlText.match(/(?:^|[\s,[{:-])\*[^\s,[\]{}]/g)?.length ?? 0;
}

function aliasMessage(yamlAliases: number): string {
  return `has frontmatter whose YAML aliases (*name) expand past the limit (limits.yamlAliases: ${yamlAliases}); its properties are ignored, the body is published. Write the values out instead of repeating anchors, or raise limits.yamlAliases.`;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
