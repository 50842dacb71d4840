// Build-time output the site itself made (mermaid's SVG) is trusted; everything the author wrote is sanitized.
// Trusted HTML travels through the note's tree as raw HTML like the author's, so it is wrapped in an element whose
// nonce is random per build process and never written to the output: an author cannot forge the wrapper.
import { randomUUID } from 'node:crypto';
import type { Element } from 'hast';

const TRUSTED_TAG = 'tsunagu-trusted';

// On globalThis: Astro may load this module twice (integration and pages); both must agree on the nonce.
const KEY = Symbol.for('tsunagu.trustedNonce');
const holder = globalThis as { [KEY]?: string };
const nonce: string = (holder[KEY] ??= randomUUID());

/** Wraps HTML made by the build (not by the author) so that the sanitizer keeps it as it is. */
export function trustedHtml(html: string): string {
  return `<${TRUSTED_TAG} data-nonce="${nonce}">${html}</${TRUSTED_TAG}>`;
}

/** Only the wrapper's children are trusted: its attributes could come from a half-written author tag before it. */
export function isTrustedWrapper(node: Element): boolean {
  return node.tagName === TRUSTED_TAG && node.properties.dataNonce === nonce;
}

export function buildNonce(): string {
  return nonce;
}
