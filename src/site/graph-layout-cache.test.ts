import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { layoutSiteGraph, type SiteGraphNote } from '../graph/site-layout';
import { cachedLayout, keepLayoutIn } from './graph-layout-cache';

const notes: SiteGraphNote[] = [
  { id: 'a.md', outlinks: ['b.md'] },
  { id: 'b.md', outlinks: ['c.md'] },
  { id: 'c.md', outlinks: [] },
];

describe('cachedLayout', () => {
  it('lays out again only when a page or a link changed, and keeps what it would compute', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-layout-')), 'layout.json');
    keepLayoutIn(file);
    const layout = vi.fn(layoutSiteGraph);
    const first = cachedLayout(notes, layout);
    expect(cachedLayout(structuredClone(notes), layout)).toEqual(first);
    expect(layout).toHaveBeenCalledTimes(1);
    const linked = notes.map((note) => (note.id === 'c.md' ? { ...note, outlinks: ['a.md'] } : note));
    expect(cachedLayout(linked, layout)).toEqual(layoutSiteGraph(linked));
    expect(layout).toHaveBeenCalledTimes(2);
    expect(cachedLayout([...notes, { id: 'd.md', outlinks: [] }], layout).nodes).toHaveLength(4);
    expect(layout).toHaveBeenCalledTimes(3);
  });

  it('computes the layout when the kept file is unreadable', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-layout-')), 'layout.json');
    keepLayoutIn(file);
    writeFileSync(file, '{"key": trunc');
    expect(cachedLayout(notes, layoutSiteGraph)).toEqual(layoutSiteGraph(notes));
    expect(JSON.parse(readFileSync(file, 'utf8')).layout).toEqual(layoutSiteGraph(notes));
  });
});
