// Content-Security-Policy for the built pages, as a <meta> tag added to each page after the build: the page's
// own inline scripts (theme, hover preview loader, search, glossary filter) are allowed by hash, so a script that
// got into a note's body some other way would not run. Scripts inside the note body are never hashed.

/**
 * Styles stay inline-able: authors' style attributes and mermaid's SVG <style> need it, and CSS cannot run script.
 * Remote https images, media and frames stay remote, as the author embedded them. Pagefind compiles WebAssembly.
 */
function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "media-src 'self' https:",
    "frame-src 'self' https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const META_START = '<meta http-equiv="Content-Security-Policy" content="';

/** The page's bytes with its policy just after `<head>`: `headEnd`, the byte offset past that tag (none: no policy). */
export function insertPolicy(page: Uint8Array, { headEnd, scriptHashes }: { headEnd?: number; scriptHashes: string[] }): Uint8Array {
  if (headEnd === undefined) return page;
  const hashes = [...new Set(scriptHashes)].sort();
  const meta = `${META_START}${contentSecurityPolicy(hashes)}">`;
  return Buffer.concat([page.subarray(0, headEnd), Buffer.from(meta), page.subarray(headEnd)]);
}

/** Where insertPolicy puts the tag: just after `<head>`, in the first bytes of a page the templates wrote. */
const HEAD_BYTES = 512;

/** The page as it was before insertPolicy (the page itself when it has no policy). */
export function withoutPolicy(page: Buffer): Buffer {
  const start = page.subarray(0, HEAD_BYTES).indexOf(META_START);
  if (start < 0) return page;
  // The policy has no '>' of its own.
  const end = page.indexOf('">', start + META_START.length);
  return end < 0 ? page : Buffer.concat([page.subarray(0, start), page.subarray(end + 2)]);
}
