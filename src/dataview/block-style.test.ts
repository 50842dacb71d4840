// A dataviewjs block's own CSS: nested in the block's class, so nothing outside the block is styled; nothing loads.
import { describe, expect, test } from 'vitest';
import { buildNonce } from '../safety/trusted';
import { blockStyleClass, scopedStyle } from './block-style';

const unwrap = (html: string | undefined) => html?.replace(`<tsunagu-trusted data-nonce="${buildNonce()}">`, '').replace('</tsunagu-trusted>', '');

describe('scopedStyle', () => {
  test('the CSS is nested in the scope class: its selectors, body and :root included, match inside the block only', () => {
    expect(unwrap(scopedStyle('.tabButtons button { color: red }\nbody { margin: 0 }', 'dataview-css-1'))).toBe(
      '<style>.dataview-css-1 {\n.tabButtons button { color: red }\nbody { margin: 0 }\n}</style>',
    );
  });

  test('@media stays nested; comments go; url() becomes none and @import goes, so nothing loads', () => {
    expect(unwrap(scopedStyle('/* c */ @import "https://x/a.css"; @media (max-width: 600px) { .a { background: url(https://x/i.png) } }', 's'))).toBe(
      '<style>.s {\n@media (max-width: 600px) { .a { background: none } }\n}</style>',
    );
  });

  test('CSS that could leave the scope, close the element, load through escapes or run script is dropped whole', () => {
    expect(scopedStyle('} body { display: none', 's')).toBeUndefined();
    expect(scopedStyle('.a { color: red } }', 's')).toBeUndefined();
    expect(scopedStyle('.a { color: red', 's')).toBeUndefined();
    expect(scopedStyle('.a { content: "</style><script>alert(1)</script>" }', 's')).toBeUndefined();
    expect(scopedStyle('.a { background: u\\72l(https://x/i.png) }', 's')).toBeUndefined();
    expect(scopedStyle('.a { background: image-set("https://x/i.png" 1x) }', 's')).toBeUndefined();
    expect(scopedStyle('.a { width: expression(alert(1)) }', 's')).toBeUndefined();
    // The nesting selector names the block itself: `& ~ *` or `html:has(&) *` reach the rest of the page.
    expect(scopedStyle('& ~ * { display: none }', 's')).toBeUndefined();
    expect(scopedStyle('html:has(&) .note { color: red }', 's')).toBeUndefined();
    expect(scopedStyle('.a { \\26  ~ * { color: red } }', 's')).toBeUndefined();
  });

  test('braces inside strings and escapes do not count', () => {
    expect(unwrap(scopedStyle('.a::after { content: "}" } .b\\{ { color: red }', 's'))).toBe(
      '<style>.s {\n.a::after { content: "}" } .b\\{ { color: red }\n}</style>',
    );
  });

  test('the class comes from the CSS, so builds are the same each time', () => {
    expect(blockStyleClass('.a{}')).toBe(blockStyleClass('.a{}'));
    expect(blockStyleClass('.a{}')).not.toBe(blockStyleClass('.b{}'));
    expect(blockStyleClass('.a{}')).toMatch(/^dataview-css-[0-9a-f]{10}$/);
  });
});
