import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertPolicy } from './csp';
import { scanPage } from './page-scan';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('insertPolicy', () => {
  it('allows the page’s inline scripts by hash, but not scripts inside the note body', () => {
    const theme = "document.documentElement.dataset.theme = 'dark';";
    const html = `<!doctype html><html><head><meta charset="utf-8"><script>${theme}</script></head><body><div class="note-body"><script>alert(1)</script></div><script type="module" src="/_astro/a.js"></script></body></html>`;
    const out = Buffer.from(insertPolicy(Buffer.from(html), scanPage(html))).toString(); // ASCII: offsets are bytes
    const policy = /<head><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(out)?.[1] ?? '';
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha(theme)};`);
    expect(policy).not.toContain(sha('alert(1)'));
    expect(policy).toContain("object-src 'none'");
    expect(out.replace(/<meta http-equiv[^>]+>/, '')).toBe(html);
  });
});
