// What a built page's tags add to its scan, whichever tokenizer found them (page-scan.ts): the two differ only in
// how they find tags and attributes, never in what is kept of them.
import { createHash } from 'node:crypto';

export interface PageScan {
  ids: Set<string>;
  /** Every URL-valued attribute, as written, in document order. */
  urls: string[];
  /** `sha256-…` of each inline script outside the note body, in document order. */
  scriptHashes: string[];
  /** Offset just past the `<head>` start tag, if the page has one. */
  headEnd?: number;
}

export interface Attribute {
  name: string;
  value: string;
}

/** The element holding a note's rendered HTML (src/pages/[...slug].astro): scripts in it are never allowed. */
const NOTE_BODY_CLASS = 'note-body';
/** Attributes that hold one URL; srcset holds a list. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'action', 'cite', 'data', 'xlink:href']);

/** Tags whose content is read as text, as the HTML tree builder tells the tokenizer to. */
export const TEXT_CONTENT: Record<string, 'script' | 'rawtext' | 'rcdata' | 'plaintext'> = {
  script: 'script',
  style: 'rawtext',
  xmp: 'rawtext',
  iframe: 'rawtext',
  noembed: 'rawtext',
  noframes: 'rawtext',
  textarea: 'rcdata',
  title: 'rcdata',
  plaintext: 'plaintext',
};

/** Whether the scan reads this attribute's value (the others need not be decoded). */
export function isRecorded(tagName: string, name: string): boolean {
  return name === 'id' || name === 'srcset' || URL_ATTRIBUTES.has(name) || (name === 'name' && tagName === 'a') || (name === 'class' && tagName === 'div');
}

export class ScanRecorder {
  readonly scan: PageScan = { ids: new Set(), urls: [], scriptHashes: [] };
  // Open <div>s from the note body's own (0: outside it). The page is serialised from a tree, so counting <div>s
  // finds where the body ends.
  private noteBodyDepth = 0;

  /** `end`: the offset just past the tag. Returns whether the tag opens an inline script to hash. */
  startTag(tagName: string, attrs: Attribute[], selfClosing: boolean, end: number): boolean {
    const { scan } = this;
    if (tagName === 'head' && scan.headEnd === undefined) scan.headEnd = end;
    let hasSrc = false;
    let isNoteBody = false;
    for (const { name, value } of attrs) {
      if (name === 'id' || (name === 'name' && tagName === 'a')) scan.ids.add(value);
      else if (URL_ATTRIBUTES.has(name)) {
        scan.urls.push(value);
        hasSrc ||= name === 'src';
      } else if (name === 'srcset') scan.urls.push(...srcsetUrls(value));
      else if (name === 'class' && tagName === 'div' && this.noteBodyDepth === 0 && value.includes(NOTE_BODY_CLASS))
        isNoteBody = value.split(/\s+/).includes(NOTE_BODY_CLASS);
    }
    if (tagName === 'div' && !selfClosing) {
      if (this.noteBodyDepth > 0) this.noteBodyDepth++;
      else if (isNoteBody) this.noteBodyDepth = 1;
    }
    return tagName === 'script' && this.noteBodyDepth === 0 && !hasSrc;
  }

  endTag(tagName: string): void {
    if (tagName === 'div' && this.noteBodyDepth > 0) this.noteBodyDepth--;
  }

  /** The text of a script that startTag said to hash, once its end tag is read. */
  script(text: string): void {
    this.scan.scriptHashes.push(`sha256-${createHash('sha256').update(text).digest('base64')}`);
  }
}

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
}
