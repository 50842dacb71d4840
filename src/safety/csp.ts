// Content-Security-Policy for the built pages, as a <meta> tag added to each page after the build: the page's
// own inline scripts (theme, hover preview loader, search, glossary filter) are allowed by hash, so a script that
// got into a note's body some other way would not run. Scripts inside the note body are never hashed.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { distFiles } from './dist-files.ts';

/** The element holding a note's rendered HTML (src/pages/[...slug].astro). */
const NOTE_BODY_CLASS = 'note-body';

/**
 * Styles stay inline-able: authors' style attributes and mermaid's SVG <style> need it, and CSS cannot run script.
 * Remote https images, media and frames stay remote, as the author embedded them. Pagefind compiles WebAssembly.
 */
export function contentSecurityPolicy(scriptHashes: string[]): string {
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

/** Adds the policy to every HTML page of a built site. */
export function addContentSecurityPolicy(distDir: string): void {
  for (const file of distFiles(distDir)) {
    if (!file.endsWith('.html')) continue;
    const full = path.join(distDir, file);
    writeFileSync(full, withPolicy(readFileSync(full, 'utf8')));
  }
}

interface P5Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  sourceCodeLocation?: { startTag?: { endOffset: number } };
}

export function withPolicy(html: string): string {
  const document = parse(html, { sourceCodeLocationInfo: true }) as unknown as P5Node;
  const hashes = new Set<string>();
  let head: P5Node | undefined;
  const walk = (node: P5Node, inNoteBody: boolean) => {
    if (node.nodeName === 'head') head = node;
    const insideNote = inNoteBody || (node.attrs ?? []).some((a) => a.name === 'class' && a.value.split(/\s+/).includes(NOTE_BODY_CLASS));
    if (node.nodeName === 'script' && !insideNote && !node.attrs?.some((a) => a.name === 'src')) {
      hashes.add(
        `sha256-${createHash('sha256')
          .update(node.childNodes?.[0]?.value ?? '')
          .digest('base64')}`,
      );
    }
    for (const child of node.childNodes ?? []) walk(child, insideNote);
  };
  walk(document, false);
  const at = head?.sourceCodeLocation?.startTag?.endOffset;
  if (at === undefined) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([...hashes].sort())}">`;
  return html.slice(0, at) + meta + html.slice(at);
}
