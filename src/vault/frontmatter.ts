// Reads a note file: encoding, BOM, line endings and YAML frontmatter. Bad YAML never loses the body.
import matter from 'gray-matter';
import type { Diagnostic } from './types';

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

export function splitFrontmatter(id: string, text: string): NoteSource {
  if (!OPENING.test(text)) return { frontmatter: {}, body: text, bodyStartLine: 1, diagnostics: [] };
  const afterOpening = text.slice(text.indexOf('\n') + 1);
  const close = CLOSING.exec(afterOpening);
  if (!close) {
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
  const yamlText = afterOpening.slice(0, close.index);
  const bodyStart = close.index + close[0].length + 1;
  const body = afterOpening.slice(bodyStart);
  const bodyStartLine = 2 + countLines(afterOpening.slice(0, Math.min(bodyStart, afterOpening.length)));
  const parsed = parseYaml(id, yamlText);
  return { frontmatter: parsed.data, body, bodyStartLine, diagnostics: parsed.diagnostics };
}

function parseYaml(id: string, yamlText: string): { data: Record<string, unknown>; diagnostics: Diagnostic[] } {
  try {
    // Passing options disables gray-matter's cache, which would keep every file's text alive.
    const data: unknown = matter(`---\n${yamlText}\n---\n`, {}).data;
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
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = ((error as { reason?: string }).reason ?? (error as Error).message).split('\n')[0];
    return {
      data: {},
      diagnostics: [
        {
          file: id,
          line: mark ? mark.line + 1 : 2,
          severity: 'warning',
          message: `has invalid YAML in its frontmatter (${reason}); its properties are ignored, the body is published. Fix the YAML syntax on that line.`,
        },
      ],
    };
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
