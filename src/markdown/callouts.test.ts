import { readFileSync } from 'node:fs';
import type { Blockquote } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { remarkCallouts } from './callouts';
import { nodesOfType, treeWith } from '../../test/helpers/markdown';

function callouts(markdown: string): Blockquote[] {
  return nodesOfType(treeWith(markdown, remarkCallouts), 'blockquote').filter((quote) => quote.data?.hName);
}

describe('callouts', () => {
  it('renders a plain callout as a note div with title and content', () => {
    const [callout] = callouts('> [!Tip] Use *this*\n> body text\n>\n> more');
    expect(callout.data).toMatchObject({ hName: 'div', hProperties: { className: ['callout', 'callout-tip'], dataCallout: 'tip', role: 'note' } });
    const [title, content] = callout.children;
    expect(title).toMatchObject({ type: 'calloutTitle', data: { hName: 'div', hProperties: { className: ['callout-title'] } } });
    expect(toString(title)).toBe('Use this');
    expect(content.type === 'calloutContent' && content.children.map((child) => toString(child))).toEqual(['body text', 'more']);
  });

  it('uses the capitalised type as default title and keeps metadata', () => {
    const [callout] = callouts('> [!warning|wide]\n> careful');
    expect(toString(callout.children[0])).toBe('Warning');
    expect(callout.data?.hProperties).toMatchObject({ dataCallout: 'warning', dataCalloutMetadata: 'wide', className: ['callout', 'callout-warning'] });
  });

  it('makes foldable callouts details/summary, open with +', () => {
    const [open] = callouts('> [!faq]+ Why?\n> Because.');
    const [closed] = callouts('> [!faq]- Why?\n> Because.');
    expect(open.data).toMatchObject({ hName: 'details', hProperties: { open: true, className: ['callout', 'callout-question'] } });
    expect(closed.data?.hProperties).toMatchObject({ open: false });
    expect(closed.children[0].data?.hName).toBe('summary');
  });

  it('maps aliases and styles unknown types as notes, keeping the raw type', () => {
    expect(['summary', 'cite', 'ERROR', 'done', 'my-type'].map((type) => callouts(`> [!${type}] x`)[0].data?.hProperties?.className)).toEqual([
      ['callout', 'callout-abstract'],
      ['callout', 'callout-quote'],
      ['callout', 'callout-danger'],
      ['callout', 'callout-success'],
      ['callout', 'callout-note'],
    ]);
    expect(callouts('> [!My-Type] x')[0].data?.hProperties).toMatchObject({ dataCallout: 'my-type', className: ['callout', 'callout-note'] });
  });

  it('supports nested callouts and a title-only callout', () => {
    const found = callouts('> [!note] Outer\n> > [!info] Inner\n> > text');
    expect(found.map((quote) => quote.data?.hProperties?.dataCallout)).toEqual(['note', 'info']);
    expect(callouts('> [!todo] Just a title')[0].children).toHaveLength(1);
  });

  it('leaves ordinary blockquotes alone', () => {
    expect(callouts('> quote\n\n> [not] a callout')).toEqual([]);
  });
});

describe('callout colours (site.css)', () => {
  const css = readFileSync(new URL('../styles/site.css', import.meta.url), 'utf8');
  /** The custom properties set by the first rule whose selector starts with `selector`. */
  const varsOf = (selector: string): Record<string, string> => {
    const body = css.slice(css.indexOf(selector)).match(/\{([^}]*)\}/)![1];
    return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
  };
  const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const mix = (a: number[], b: number[], p: number) => a.map((v, i) => v * p + b[i] * (1 - p));
  const luminance = (c: number[]) => {
    const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: number[], b: number[]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The colour variable of each canonical type, as its `.callout-type { --c: var(--x) }` rule names it.
  const colourOf = (type: string) => css.match(new RegExp(`\\.callout-${type}\\b[^{]*\\{ --c: var\\(--([\\w-]+)\\)`))?.[1] ?? 'note';
  const light = varsOf(':root {');
  const dark = { ...light, ...varsOf('@media (prefers-color-scheme: dark)') };

  it('gives examples and summaries their own hue, as Obsidian does (they were the grey of quotes)', () => {
    expect(new Set(['example', 'abstract', 'quote'].map(colourOf)).size).toBe(3);
  });

  it('draws a todo in the blue of notes, as Obsidian does, not in the orange of questions and warnings', () => {
    expect(colourOf('todo')).toBe('note');
    expect(colourOf('question')).toBe('warning');
  });

  it('keeps every type’s title readable (WCAG AA) on its tinted background in both themes', () => {
    for (const type of ['note', 'abstract', 'info', 'todo', 'tip', 'success', 'question', 'warning', 'failure', 'danger', 'bug', 'example', 'quote']) {
      for (const theme of [light, dark]) {
        const c = rgb(theme[colourOf(type)]);
        const ratio = contrast(mix(c, rgb(theme['theme-fg']), 0.72), mix(c, rgb(theme['theme-bg']), 0.07));
        expect(ratio, type).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
