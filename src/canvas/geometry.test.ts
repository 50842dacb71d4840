import { describe, expect, it } from 'vitest';
import { boundingBox, edgeGeometry } from './geometry';

const a = { x: 0, y: 0, width: 100, height: 50 };
const right = { x: 300, y: 0, width: 100, height: 50 };
const below = { x: 0, y: 400, width: 100, height: 50 };

describe('canvas geometry', () => {
  it('anchors edges at the middle of each side', () => {
    const start = (fromSide: 'top' | 'right' | 'bottom' | 'left') =>
      edgeGeometry({ fromSide, toSide: 'left', fromEnd: 'none', toEnd: 'none' }, a, right).path.split('C')[0];
    expect(['top', 'right', 'bottom', 'left'].map((side) => start(side as 'top'))).toEqual(['M50 0', 'M100 25', 'M50 50', 'M0 25']);
  });

  it('picks the facing sides when an edge names none', () => {
    const sides = (from: typeof a, to: typeof a) => {
      const g = edgeGeometry({ fromEnd: 'none', toEnd: 'arrow' }, from, to);
      return [g.fromSide, g.toSide];
    };
    expect([sides(a, right), sides(right, a)]).toEqual([
      ['right', 'left'],
      ['left', 'right'],
    ]);
    expect([sides(a, below), sides(below, a)]).toEqual([
      ['bottom', 'top'],
      ['top', 'bottom'],
    ]);
  });

  it('starts at the from side, ends at the arrowhead base, the arrow tip on the to side', () => {
    const g = edgeGeometry({ fromSide: 'right', toSide: 'left', fromEnd: 'none', toEnd: 'arrow' }, a, right);
    expect(g.path.startsWith('M100 25C')).toBe(true);
    expect(g.path.endsWith(' 286 25')).toBe(true); // 14 px short of the left side (x = 300)
    expect(g.arrows).toEqual(['300,25 286,19 286,31']);
    expect(g.labelAt).toEqual({ x: 193, y: 25 });
  });

  it('draws arrowheads by fromEnd and toEnd', () => {
    const ends = (fromEnd: 'none' | 'arrow', toEnd: 'none' | 'arrow') => edgeGeometry({ fromSide: 'bottom', toSide: 'top', fromEnd, toEnd }, a, below).arrows;
    expect(ends('none', 'arrow')).toEqual(['50,400 56,386 44,386']);
    expect(ends('arrow', 'none')).toEqual(['50,50 44,64 56,64']);
    expect(ends('arrow', 'arrow')).toHaveLength(2);
    expect(ends('none', 'none')).toEqual([]);
  });

  it('bounds every node with 40 px of padding', () => {
    const BOARD_PADDING = 40;
    expect(boundingBox([a, right, { x: -50, y: -20, width: 10, height: 10 }])).toEqual({
      x: -50 - BOARD_PADDING,
      y: -20 - BOARD_PADDING,
      width: 450 + 2 * BOARD_PADDING,
      height: 70 + 2 * BOARD_PADDING,
    });
    expect(boundingBox([])).toEqual({ x: 0, y: 0, width: 2 * BOARD_PADDING, height: 2 * BOARD_PADDING });
  });
});
