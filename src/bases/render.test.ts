import { describe, expect, it } from 'vitest';
import { evaluateViews, snapshot } from '../../test/fixtures/bases/snapshot';
import { readBase } from './model';
import { compileBase } from './query';
import { renderViews } from './render';
import { DateValue, DurationValue, ErrorValue, LinkValue, RenderValue, type Value } from './values';

const options = {
  lang: 'en' as const,
  hrefFor: (id: string) => (snapshot.byId.has(id) ? `/${id}` : undefined),
  tagHref: (tag: string) => `/tags/${tag}/`,
  idPrefix: 'b1',
};

/** A value as a table cell shows it: the one cell of a one-row table. */
function value(v: Value, renderOptions: typeof options): string {
  const view = readBase('views:\n  - type: table\n').views[0];
  const row = { entry: snapshot.entries[0], cells: [v] };
  const html = renderViews([{ view, columns: [{ id: 'note.x' }], groups: [{ key: null, rows: [row] }], total: 1, problems: [] }], renderOptions);
  const cell = /<tbody><tr><td>([\s\S]*)<\/td><\/tr><\/tbody>/.exec(html);
  if (!cell) throw new Error(`no cell in ${html}`);
  return cell[1];
}

describe('rendering values', () => {
  it('shows each kind of value as Obsidian does, escaped', () => {
    expect(value(null, options)).toBe('');
    expect(value(true, options)).toBe('<input type="checkbox" class="base-checkbox" disabled checked>');
    expect(value('<b>', options)).toBe('&lt;b&gt;');
    expect(value('https://example.com/x', options)).toContain('<a class="external-link" href="https://example.com/x"');
    expect(value('#sf/classic', options)).toBe('<a class="tag" href="/tags/sf/classic/">#sf/classic</a>');
    expect(value(new DateValue(Date.UTC(2024, 0, 31), false), options)).toBe('<time datetime="2024-01-31T00:00:00.000Z">Jan 31, 2024</time>');
    expect(value(new DateValue(Date.UTC(2024, 0, 31, 9, 5), true), options)).toContain('9:05');
    expect(value(new DurationValue(14, 86_400_000), options)).toBe('1y 2M 1d');
    expect(value(new LinkValue('Dune', undefined, 'Books/Dune.md'), options)).toBe('<a class="internal-link" href="/Books/Dune.md">Dune</a>');
    expect(value(new LinkValue('cover.png', undefined, 'cover.png'), options)).toContain('<img class="base-image" src="/cover.png"');
    expect(value(new LinkValue('Secret', 'shown', undefined), options)).toBe('<span class="base-unresolved">shown</span>');
    expect(value(['a', 2], options)).toBe('<span class="base-chips"><span class="base-chip">a</span><span class="base-chip">2</span></span>');
    expect(value(new RenderValue('html', '<script>x</script><b>bold</b>'), options)).toBe('xbold');
    expect(value(new RenderValue('image', 'https://example.com/a.png'), options)).toContain('src="https://example.com/a.png"');
    expect(value(new ErrorValue('bad "x"'), options)).toContain('title="bad &quot;x&quot;"');
    expect(value({ a: 1 }, options)).toBe('a: 1');
    expect(value(new RenderValue('icon', 'star'), options)).toBe('');
  });
});

describe('rendering views', () => {
  const results = evaluateViews(
    compileBase(
      readBase(`
filters: file.ext == "md"
formulas:
  when: now()
  place: 'if(rating > 4, [35.68, "139.69"])'
views:
  - type: table
    name: T
  - type: cards
    name: C
    image: file.embeds
    cardSize: 150
    order: [file.name, rating]
  - type: list
    name: L
    order: [file.name, genres]
    groupBy: { property: rating, direction: ASC }
  - type: map
    name: M
    coordinates: formula.place
  - type: kanban
    name: K
`),
    ),
    { snapshot, now: Date.UTC(2024, 2, 15), locale: 'en', baseFile: 'b', thisEntry: undefined },
  );
  const html = renderViews(results, options, Date.UTC(2024, 2, 15));

  it('makes CSS-only tabs, says "as of" the build date, and renders every view type', () => {
    expect(html).toContain('<p class="base-as-of">Results as of Mar 15, 2024</p>');
    expect(html.match(/<input type="radio" class="base-tab-input" name="b1-view"/g)).toHaveLength(5);
    expect(html).toContain('<ul class="base-cards" style="--base-card-size: 150px">');
    expect(html).toContain('<div class="base-card-cover" style="aspect-ratio: 1 / 1"><img src="/cover.png"');
    expect(html).toContain('<h4 class="base-group-heading"><span class="base-group-key">3</span> <span class="base-group-count">1</span></h4>');
    // Only Dune (rating 5) has a place: the map lists and counts it alone.
    const map = html.slice(html.indexOf('data-view="M"'), html.indexOf('</section>', html.indexOf('data-view="M"')));
    expect(map).toContain('The map is not drawn');
    expect(map).toContain('<span class="base-count">1 result</span>');
    expect(map).toContain('Dune</a> <span class="base-coordinates">35.68, 139.69</span>');
    expect(html).toContain('The view type “kanban” cannot be shown; it is shown as a table.');
  });

  it('shows a single view without tabs, and a base without views says so', () => {
    expect(renderViews([results[0]], options)).not.toContain('base-tab-input');
    expect(renderViews([], options)).toContain('This base has no views.');
  });
});
