import { describe, expect, it } from 'vitest';
import { isScriptFreeStyle } from './style';

describe('isScriptFreeStyle', () => {
  it.each([
    'color: red',
    'font-family: "Noto Sans JP", sans-serif',
    'background: url("img/a.png") /* a comment with expression( inside */',
    "content: '/* not a comment */'; color: blue",
  ])('keeps %s', (css) => expect(isScriptFreeStyle(css)).toBe(true));

  it.each([
    'width: expression(alert(1))',
    'width: ex/**/pression(alert(1))',
    'background:url(JAVA\\53 cript:alert(1))',
    'background: url("javascript:alert(1)")',
    'behavior: url(x.htc)',
    '-moz-binding: url(x.xml#xss)',
    // A comment opener inside a string is text; the comments after it still hide "expression" from a naive filter.
    'no\\xss:noxss("*//*");xss:ex/*XSS*//*/*/pression(alert("XSS"))',
    "a: '/*'; b: ex/**/pression(1)",
    'a: "unterminated\nb: ex/**/pression(1)',
    'x: e\\\nxpression(1)',
  ])('drops %s', (css) => expect(isScriptFreeStyle(css)).toBe(false));
});
