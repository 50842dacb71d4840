import { describe, expect, it } from 'vitest';
import { parseCanvas } from './model';

const board = (nodes: unknown[], edges: unknown[] = []) => JSON.stringify({ nodes, edges }, null, '\t');
const card = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'text', text: id, x: 0, y: 0, width: 100, height: 50, ...extra });

describe('parseCanvas', () => {
  it('reads every node type and edge field, keeping file order', () => {
    const source = board(
      [
        { id: 'g', type: 'group', x: -10, y: -10, width: 500, height: 300, label: 'Group', background: 'bg.png', backgroundStyle: 'repeat', color: '4' },
        card('t', { color: '#FF0000', extraKey: { kept: 'ignored' } }),
        { id: 'f', type: 'file', file: 'a/Note.md', subpath: '#^block', x: 200, y: 0, width: 100, height: 50 },
        { id: 'l', type: 'link', url: 'https://example.com', x: 0, y: 100, width: 100, height: 50, color: '124, 77, 255' },
      ],
      [{ id: 'e', fromNode: 't', fromSide: 'right', toNode: 'f', toSide: 'left', fromEnd: 'arrow', label: 'x', color: '6' }],
    );
    const { canvas, diagnostics } = parseCanvas('b.canvas', source);
    expect(diagnostics).toEqual([]);
    expect(canvas.nodes.map((n) => n.type)).toEqual(['group', 'text', 'file', 'link']);
    expect(canvas.nodes[0]).toMatchObject({ label: 'Group', background: 'bg.png', backgroundStyle: 'repeat', color: 'var(--canvas-color-4)' });
    expect(canvas.nodes[1]).toMatchObject({ color: '#ff0000', line: source.split('\n').findIndex((l) => l.includes('"id": "t"')) + 1 });
    expect(canvas.nodes[2]).toMatchObject({ file: 'a/Note.md', subpath: '^block' });
    expect(canvas.nodes[3]).toMatchObject({ color: 'rgb(124 77 255)' });
    expect(canvas.edges[0]).toMatchObject({ fromSide: 'right', toSide: 'left', fromEnd: 'arrow', toEnd: 'arrow', label: 'x', color: 'var(--canvas-color-6)' });
  });

  it('applies the spec defaults: no arrow at the start, one at the end, no sides, cover backgrounds; missing arrays are empty', () => {
    const { canvas } = parseCanvas(
      'b.canvas',
      board(
        [card('a'), card('b'), { id: 'g', type: 'group', x: 0, y: 0, width: 10, height: 10, background: 'x.png' }],
        [{ id: 'e', fromNode: 'a', toNode: 'b' }],
      ),
    );
    expect(canvas.edges[0]).toEqual({ id: 'e', fromNode: 'a', toNode: 'b', fromEnd: 'none', toEnd: 'arrow', line: expect.any(Number) });
    expect(canvas.nodes[2]).toMatchObject({ backgroundStyle: 'cover' });
    expect(parseCanvas('e.canvas', '{}')).toEqual({ canvas: { nodes: [], edges: [], unreadable: false }, diagnostics: [] });
    expect(parseCanvas('e.canvas', '\uFEFF{"nodes":[]}').diagnostics).toEqual([]);
  });

  it('reports invalid JSON with its line and column, and draws nothing', () => {
    const { canvas, diagnostics } = parseCanvas('bad.canvas', '{\n  "nodes": [\n    {"id":"a"},\n  ]\n}');
    expect(canvas.unreadable).toBe(true);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'bad.canvas', line: 4, severity: 'error' });
    expect(diagnostics[0].message).toContain('line 4, column 3');
    expect(parseCanvas('bad.canvas', '{"nodes": [1,').diagnostics[0].message).toMatch(/line 1, column \d+/);
    expect(parseCanvas('arr.canvas', '[]').diagnostics[0].message).toContain('top level must be an object');
  });

  it('keeps the rest of the board when a node or edge is bad, naming each with its line', () => {
    const source = board(
      [
        card('a'),
        { id: 'p', type: 'mindmap', x: 0, y: 0, width: 10, height: 10 },
        { id: 'nosize', type: 'text', text: '', x: 0, y: 0 },
        card('a'),
        { type: 'text' },
        card('c', { color: 'red' }),
      ],
      [
        { id: 'e1', fromNode: 'a', toNode: 'ghost' },
        { id: 'e2', fromNode: 'a', toNode: 'c', fromSide: 'middle', toEnd: 'triangle' },
        { id: 'e3', fromNode: 'a' },
      ],
    );
    const { canvas, diagnostics } = parseCanvas('b.canvas', source);
    expect(canvas.nodes.map((n) => `${n.id}:${n.type}`)).toEqual(['a:text', 'p:unknown', 'c:text']);
    expect(canvas.edges.map((e) => e.id)).toEqual(['e2']);
    expect(canvas.edges[0]).toMatchObject({ toEnd: 'arrow' });
    expect(canvas.edges[0].fromSide).toBeUndefined();
    const messages = diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^\d+: node "p" has the unknown type "mindmap"/),
      expect.stringMatching(/node "nosize" needs numbers for "x", "y", "width" and "height"/),
      expect.stringMatching(/node "a" appears twice/),
      expect.stringMatching(/node 5 has no "id"/),
      expect.stringMatching(/node "c": "color" "red" is not a colour/),
      expect.stringMatching(/edge "e1" joins a node that is not on the canvas \("ghost"\)/),
      expect.stringMatching(/edge "e2": "fromSide" "middle"/),
      expect.stringMatching(/edge "e2": "toEnd" "triangle"/),
      expect.stringMatching(/edge "e3" needs "fromNode" and "toNode"/),
    ]);
    const line = (id: string) => source.split('\n').findIndex((l) => l.includes(`"id": "${id}"`)) + 1;
    expect(diagnostics[0].line).toBe(line('p'));
    expect(diagnostics[5].line).toBe(line('e1'));
  });

  it('never lets a colour that is not one reach a style attribute', () => {
    for (const color of ['red; background:url(x)', '#12345', '300, 0, 0', '7']) {
      const { canvas, diagnostics } = parseCanvas('b.canvas', board([card('a', { color })]));
      expect(canvas.nodes[0].color).toBeUndefined();
      expect(diagnostics).toHaveLength(1);
    }
    expect(parseCanvas('b.canvas', board([card('a', { color: '' })])).diagnostics).toEqual([]);
  });
});
