// A `.canvas` file (JSON Canvas 1.0) → a typed board with diagnostics. Whatever can be read is kept: a bad node or
// edge is left out with a diagnostic naming its line, the rest of the board is drawn.
import type { Diagnostic } from '../vault/types';

export type Side = 'top' | 'right' | 'bottom' | 'left';
type End = 'none' | 'arrow';
type BackgroundStyle = 'cover' | 'ratio' | 'repeat';

/** A colour as CSS can use it: a preset's variable (`var(--canvas-color-3)`) or a validated hex/rgb value. */
type CanvasColor = string;

interface NodeBase {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: CanvasColor;
  /** 1-based line of the node in the file, for diagnostics. */
  line: number;
}

interface TextNode extends NodeBase {
  type: 'text';
  text: string;
}

export interface FileNode extends NodeBase {
  type: 'file';
  file: string;
  /** Without the leading `#`: `Heading` or `^block`. */
  subpath?: string;
}

export interface LinkNode extends NodeBase {
  type: 'link';
  url: string;
}

export interface GroupNode extends NodeBase {
  type: 'group';
  label?: string;
  background?: string;
  backgroundStyle: BackgroundStyle;
}

/** A node type this version does not know (a plugin's): drawn as an empty card, so the layout stays whole. */
interface UnknownNode extends NodeBase {
  type: 'unknown';
}

export type CanvasNode = TextNode | FileNode | LinkNode | GroupNode | UnknownNode;

export interface CanvasEdge {
  id: string;
  fromNode: string;
  toNode: string;
  fromSide?: Side;
  toSide?: Side;
  fromEnd: End;
  toEnd: End;
  color?: CanvasColor;
  label?: string;
  line: number;
}

export interface Canvas {
  /** In file order, which is z-order: index 0 lowest. */
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** The file could not be read as JSON Canvas at all: nothing to draw. */
  unreadable: boolean;
}

interface ParsedCanvas {
  canvas: Canvas;
  diagnostics: Diagnostic[];
}

const SIDES = new Set(['top', 'right', 'bottom', 'left']);
const BACKGROUND_STYLES = new Set(['cover', 'ratio', 'repeat']);

export function parseCanvas(file: string, source: string): ParsedCanvas {
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, message: string) => diagnostics.push({ file, line, message, severity: 'warning' });
  const empty = (): ParsedCanvas => ({ canvas: { nodes: [], edges: [], unreadable: true }, diagnostics });
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const at = jsonErrorPosition(source, (error as Error).message);
    diagnostics.push({
      file,
      ...(at ? { line: at.line } : {}),
      severity: 'error',
      message: `is not valid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''} (${jsonErrorReason((error as Error).message)}). Fix the JSON there (a comma too many or missing, after a hand edit or a merge, is the usual cause); until then the canvas page shows a notice instead of the board.`,
    });
    return empty();
  }
  if (!isRecord(data)) {
    diagnostics.push({
      file,
      line: 1,
      severity: 'error',
      message: 'is not a JSON Canvas file: the top level must be an object with "nodes" and "edges" arrays.',
    });
    return empty();
  }
  const lines = lineFinder(source);
  const nodes: CanvasNode[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of arrayField(data, 'nodes', warn).entries()) {
    const node = readNode(raw, index, lines, warn);
    if (!node) continue;
    if (seen.has(node.id)) {
      warn(node.line, `node "${node.id}" appears twice; the second one is left out. Give each node its own id.`);
      continue;
    }
    seen.add(node.id);
    nodes.push(node);
  }
  const edges: CanvasEdge[] = [];
  for (const [index, raw] of arrayField(data, 'edges', warn).entries()) {
    const edge = readEdge(raw, index, lines, warn);
    if (!edge) continue;
    const missing = [edge.fromNode, edge.toNode].filter((id) => !seen.has(id));
    if (missing.length) {
      warn(
        edge.line,
        `edge "${edge.id}" joins a node that is not on the canvas (${missing.map((id) => `"${id}"`).join(', ')}); it is not drawn. Remove the edge or restore the node.`,
      );
      continue;
    }
    edges.push(edge);
  }
  return { canvas: { nodes, edges, unreadable: false }, diagnostics };
}

type Warn = (line: number, message: string) => void;

function readNode(raw: unknown, index: number, lines: LineFinder, warn: Warn): CanvasNode | undefined {
  if (!isRecord(raw)) {
    warn(lines.ofIndex('nodes', index), `node ${index + 1} is not an object; it is left out.`);
    return undefined;
  }
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
  const line = id ? lines.ofId(id) : lines.ofIndex('nodes', index);
  const label = id ? `node "${id}"` : `node ${index + 1}`;
  if (!id) {
    warn(line, `${label} has no "id"; it is left out. Give it a unique id.`);
    return undefined;
  }
  const box = readBox(raw);
  if (!box) {
    warn(line, `${label} needs numbers for "x", "y", "width" and "height" (width and height above 0); it is left out.`);
    return undefined;
  }
  const color = readColor(raw.color, `${label}: "color"`, line, warn);
  const base = { id, ...box, line, ...(color ? { color } : {}) };
  switch (raw.type) {
    case 'text':
      return { ...base, type: 'text', text: typeof raw.text === 'string' ? raw.text : '' };
    case 'file': {
      if (typeof raw.file !== 'string' || raw.file.trim() === '') {
        warn(line, `${label} is a file card without a "file" path; it is drawn empty. Point it at a file of the vault.`);
        return { ...base, type: 'unknown' };
      }
      const subpath = typeof raw.subpath === 'string' ? raw.subpath.replace(/^#/, '').trim() : '';
      return { ...base, type: 'file', file: raw.file.trim(), ...(subpath ? { subpath } : {}) };
    }
    case 'link':
      return { ...base, type: 'link', url: typeof raw.url === 'string' ? raw.url.trim() : '' };
    case 'group': {
      const style = BACKGROUND_STYLES.has(raw.backgroundStyle as string) ? (raw.backgroundStyle as BackgroundStyle) : 'cover';
      return {
        ...base,
        type: 'group',
        ...(typeof raw.label === 'string' && raw.label.trim() ? { label: raw.label } : {}),
        ...(typeof raw.background === 'string' && raw.background.trim() ? { background: raw.background.trim() } : {}),
        backgroundStyle: style,
      };
    }
    default:
      warn(line, `${label} has the unknown type ${JSON.stringify(raw.type)}; it is drawn as an empty card. JSON Canvas knows text, file, link and group.`);
      return { ...base, type: 'unknown' };
  }
}

function readEdge(raw: unknown, index: number, lines: LineFinder, warn: Warn): CanvasEdge | undefined {
  if (!isRecord(raw)) {
    warn(lines.ofIndex('edges', index), `edge ${index + 1} is not an object; it is left out.`);
    return undefined;
  }
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : `#${index + 1}`;
  const line = typeof raw.id === 'string' && raw.id !== '' ? lines.ofId(raw.id) : lines.ofIndex('edges', index);
  if (typeof raw.fromNode !== 'string' || typeof raw.toNode !== 'string') {
    warn(line, `edge "${id}" needs "fromNode" and "toNode"; it is not drawn.`);
    return undefined;
  }
  const side = (key: 'fromSide' | 'toSide'): Side | undefined => {
    if (raw[key] === undefined) return undefined;
    if (SIDES.has(raw[key] as string)) return raw[key] as Side;
    warn(line, `edge "${id}": "${key}" ${JSON.stringify(raw[key])} is not top, right, bottom or left; the nearest side is used.`);
    return undefined;
  };
  const end = (key: 'fromEnd' | 'toEnd', fallback: End): End => {
    if (raw[key] === undefined) return fallback;
    if (raw[key] === 'none' || raw[key] === 'arrow') return raw[key] as End;
    warn(line, `edge "${id}": "${key}" ${JSON.stringify(raw[key])} is not "none" or "arrow"; "${fallback}" is used.`);
    return fallback;
  };
  const fromSide = side('fromSide');
  const toSide = side('toSide');
  const color = readColor(raw.color, `edge "${id}": "color"`, line, warn);
  return {
    id,
    fromNode: raw.fromNode,
    toNode: raw.toNode,
    ...(fromSide ? { fromSide } : {}),
    ...(toSide ? { toSide } : {}),
    // The spec's defaults: no arrow at the start, an arrow at the end.
    fromEnd: end('fromEnd', 'none'),
    toEnd: end('toEnd', 'arrow'),
    ...(color ? { color } : {}),
    ...(typeof raw.label === 'string' && raw.label.trim() ? { label: raw.label } : {}),
    line,
  };
}

function readBox(raw: Record<string, unknown>): Pick<NodeBase, 'x' | 'y' | 'width' | 'height'> | undefined {
  const [x, y, width, height] = (['x', 'y', 'width', 'height'] as const).map((key) => raw[key]);
  if (![x, y, width, height].every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  if ((width as number) <= 0 || (height as number) <= 0) return undefined;
  return { x: x as number, y: y as number, width: width as number, height: height as number };
}

/**
 * Presets `"1"`…`"6"` become the theme's CSS variables; hex and the early `"r, g, b"` form are checked strictly,
 * since the value ends up in a style attribute.
 */
function readColor(value: unknown, what: string, line: number, warn: Warn): CanvasColor | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[1-6]$/.test(text)) return `var(--canvas-color-${text})`;
    if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(text)) return text.toLowerCase();
    const rgb = /^(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})$/.exec(text);
    if (rgb?.slice(1).every((c) => Number(c) <= 255)) return `rgb(${rgb[1]} ${rgb[2]} ${rgb[3]})`;
  }
  warn(line, `${what} ${JSON.stringify(value)} is not a colour: use "1"–"6" (the presets) or a hex colour such as "#4a90d9". It is drawn without colour.`);
  return undefined;
}

function arrayField(data: Record<string, unknown>, key: 'nodes' | 'edges', warn: Warn): unknown[] {
  const value = data[key];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  warn(1, `"${key}" must be an array; it is ignored.`);
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface LineFinder {
  ofId(id: string): number;
  ofIndex(key: 'nodes' | 'edges', index: number): number;
}

/** Lines of nodes and edges, found by their `"id"` in the source (Obsidian writes one object per line). */
function lineFinder(source: string): LineFinder {
  const lineAt = (offset: number) => (offset < 0 ? 1 : source.slice(0, offset).split('\n').length);
  return {
    ofId: (id) => lineAt(source.search(new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(id))}`))),
    ofIndex: (key) => lineAt(source.indexOf(`"${key}"`)),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where JSON.parse stopped, as line and column: from its message when it says, else found by a scan of our own. */
function jsonErrorPosition(source: string, message: string): { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : jsonErrorOffset(source);
  if (offset === undefined) return undefined;
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** V8 quotes the text around some errors ("Unexpected token ']', …"): the reason alone, without the author's text. */
function jsonErrorReason(message: string): string {
  return message.replace(/,\s*(?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/s, '');
}

/** Offset of the first character that breaks JSON's grammar (the scan JSON.parse did, kept to positions). */
function jsonErrorOffset(source: string): number | undefined {
  let i = 0;
  const space = () => {
    while (/\s/.test(source[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    space();
    const c = source[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (source[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (source[i] !== '"') fail();
          string();
          space();
          if (source[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (source[i] === ',') i++;
        else if (source[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(source.slice(i, i + 400));
    if (!literal) fail();
    i += literal![0].length;
  };
  const string = () => {
    i++;
    while (i < source.length && source[i] !== '"') i += source[i] === '\\' ? 2 : 1;
    if (i >= source.length) fail();
    i++;
  };
  try {
    value();
    space();
    return i < source.length ? i : undefined;
  } catch (offset) {
    return offset as number;
  }
}
