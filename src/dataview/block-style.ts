// A dataviewjs block's own <style> (dv.el('style', css), createEl('style'), innerHTML): kept, but only for that
// block. In Obsidian a <style> anywhere applies to the whole app; on a site it would restyle every page element, so
// the CSS is nested inside a class only the block's output carries (CSS nesting: `body {…}` inside it matches
// nothing). It must stay inside that rule: a stray `}`, a `</style>` or the nesting selector `&` (`& ~ *` selects the
// block's siblings) would let it out, so such CSS is dropped whole.
// Nothing may load (url() becomes none, @import goes: the page stays offline) and no legacy script in CSS survives.
import { createHash } from 'node:crypto';
import { cssWithoutComments, isScriptFreeStyle } from '../safety/style';
import { trustedHtml } from '../safety/trusted';

/** The class that scopes a block's CSS: from the CSS itself, so builds are deterministic. */
export function blockStyleClass(css: string): string {
  return `dataview-css-${createHash('sha256').update(css).digest('hex').slice(0, 10)}`;
}

/** The <style> element for a block's CSS scoped to `.${scope}`, or undefined when it cannot be kept safely. */
export function scopedStyle(css: string, scope: string): string | undefined {
  const clean = css
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/@(import|charset|namespace)[^;]*;?/gi, '')
    .replace(/url\s*\([^)]*\)/gi, 'none');
  // Read as CSS reads it (escapes decoded: `u\72l(` is url(): whatever could still load or run drops the whole CSS.
  const read = cssWithoutComments(clean).toLowerCase();
  if (clean.includes('<') || read.includes('&') || /url\s*\(|image-set\s*\(|@import/.test(read) || !isScriptFreeStyle(clean) || !balanced(clean))
    return undefined;
  return trustedHtml(`<style>.${scope} {\n${clean.trim()}\n}</style>`);
}

/** Braces match outside strings and escapes, so the CSS cannot close the scoping rule. */
function balanced(css: string): boolean {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '\\') i++;
    else if (quote) {
      if (c === quote || c === '\n') quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0 && quote === '';
}
