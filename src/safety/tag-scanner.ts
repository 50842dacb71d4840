// A linear scan of a built page's tags and attributes, with the HTML tokenizer's rules that decide where a tag
// starts and ends and what an attribute holds: comments, doctypes and bogus comments, raw-text elements (script,
// style, textarea, title…), the three attribute quoting forms, duplicate attributes (the first wins), ASCII case
// folding of names, a tag cut off by the end of the page (dropped), and character references in the attribute
// values the scan reads. Returns undefined for what it leaves to parse5's tokenizer (page-scan.ts says what).
import { type Attribute, isRecorded, type PageScan, ScanRecorder, TEXT_CONTENT } from './scan-recorder.ts';

interface Tag {
  name: string;
  /** Only the attributes the scan reads (isRecorded), decoded, first of each name. */
  attrs: Attribute[];
  selfClosing: boolean;
  /** Offset just past the tag's `>`. */
  end: number;
}

/** Thrown (and caught in scanTags) where the page needs the full tokenizer. */
class Unrecognised extends Error {}

const TAB = 9;
const LF = 10;
const FF = 12;
const SPACE = 32;
const SLASH = 47;
const GT = 62;
const EQUALS = 61;

/** Windows-1252 meanings of the numeric references &#128;–&#159; (0: kept as is), as HTML decodes them. */
const C1_REPLACEMENTS = [
  8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0, 381, 0, 0, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250, 339, 0,
  382, 376,
];
/** The named references serialisers write; any other, in an attribute the scan reads, sends the page to the tokenizer. */
const NAMED_REFERENCES: Record<string, string> = { 'amp;': '&', 'lt;': '<', 'gt;': '>', 'quot;': '"', 'apos;': "'" };

export function scanTags(html: string): PageScan | undefined {
  // The tokenizer's input stream reads CR and CRLF as LF, and NUL as U+FFFD in some states and not in others.
  if (html.includes('\r') || html.includes('\0')) return undefined;
  try {
    return scan(html);
  } catch (error) {
    if (error instanceof Unrecognised) return undefined;
    throw error;
  }
}

function scan(html: string): PageScan {
  const recorder = new ScanRecorder();
  const length = html.length;
  let at = 0;
  for (;;) {
    const open = html.indexOf('<', at);
    if (open === -1 || open + 1 === length) break;
    const next = html.charCodeAt(open + 1);
    if (isAsciiAlpha(next)) {
      const tag = readTag(html, open + 1);
      if (!tag) break; // cut off by the end of the page: never emitted
      const hashScript = recorder.startTag(tag.name, tag.attrs, tag.selfClosing, tag.end);
      at = tag.end;
      const text = TEXT_CONTENT[tag.name];
      if (text === undefined) continue;
      if (text === 'plaintext') break;
      const close = endTagOf(html, tag.name, at);
      if (close === -1) break; // text to the end of the page
      // In a script, `<!--` starts the escaped states, where `<script>` can hide the next `</script>`.
      if (text === 'script' && html.slice(at, close).includes('<!--')) throw new Unrecognised();
      const endTag = readTag(html, close + 2);
      if (!endTag) break;
      recorder.endTag(endTag.name);
      if (hashScript) recorder.script(html.slice(at, close));
      at = endTag.end;
    } else if (next === SLASH) {
      if (open + 2 === length) break;
      const first = html.charCodeAt(open + 2);
      if (isAsciiAlpha(first)) {
        const tag = readTag(html, open + 2);
        if (!tag) break;
        recorder.endTag(tag.name);
        at = tag.end;
      } else if (first === GT) at = open + 3;
      else at = bogusCommentEnd(html, open + 2);
    } else if (next === 33 /* ! */) {
      at = html.startsWith('--', open + 2) ? commentEnd(html, open) : bogusCommentEnd(html, open + 2); // doctypes and CDATA too
    } else if (next === 63 /* ? */) at = bogusCommentEnd(html, open + 1);
    else at = open + 1; // a `<` that is text
    if (at === -1) break;
  }
  return recorder.scan;
}

/** A comment `<!--` at `open` ends at `-->` (also `<!-->`, `<!--->`) or at `--!>`; -1: at the end of the page. */
function commentEnd(html: string, open: number): number {
  const dashes = html.indexOf('-->', open + 2);
  const bang = html.indexOf('--!>', open + 4);
  if (dashes === -1) return bang === -1 ? -1 : bang + 4;
  return bang === -1 || dashes < bang ? dashes + 3 : bang + 4;
}

/** A bogus comment (and a doctype) ends at the first `>`. */
function bogusCommentEnd(html: string, from: number): number {
  const gt = html.indexOf('>', from);
  return gt === -1 ? -1 : gt + 1;
}

const endTagPatterns = new Map<string, RegExp>();
/** Where the raw text of `name` ends: its end tag, `</name` then whitespace, `/` or `>` in any case. */
export function endTagOf(html: string, name: string, from: number): number {
  let pattern = endTagPatterns.get(name);
  if (!pattern) endTagPatterns.set(name, (pattern = new RegExp(`</${name}[\\t\\n\\f />]`, 'gi')));
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

/** A start or end tag whose name begins at `start`; undefined if the page ends inside it. */
function readTag(html: string, start: number): Tag | undefined {
  const length = html.length;
  let at = start;
  let upper = false;
  for (let c = html.charCodeAt(at); at < length && !isTagNameEnd(c); c = html.charCodeAt(++at)) upper ||= isAsciiUpper(c);
  if (at === length) return undefined;
  const name = upper ? asciiLower(html.slice(start, at)) : html.slice(start, at);
  const attrs: Attribute[] = [];
  for (;;) {
    while (at < length && isWhitespace(html.charCodeAt(at))) at++;
    if (at === length) return undefined;
    const c = html.charCodeAt(at);
    if (c === GT) return { name, attrs, selfClosing: false, end: at + 1 };
    if (c === SLASH) {
      at++;
      if (at === length) return undefined;
      if (html.charCodeAt(at) === GT) return { name, attrs, selfClosing: true, end: at + 1 };
      continue;
    }
    // An attribute name: its first character may be `=`.
    const nameStart = at;
    upper = isAsciiUpper(html.charCodeAt(at));
    for (let c = html.charCodeAt(++at); at < length && !isAttributeNameEnd(c); c = html.charCodeAt(++at)) upper ||= isAsciiUpper(c);
    const attrName = upper ? asciiLower(html.slice(nameStart, at)) : html.slice(nameStart, at);
    while (at < length && isWhitespace(html.charCodeAt(at))) at++;
    if (at === length) return undefined;
    let value = '';
    if (html.charCodeAt(at) === EQUALS) {
      at++;
      while (at < length && isWhitespace(html.charCodeAt(at))) at++;
      if (at === length) return undefined;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        if (close === -1) return undefined;
        value = html.slice(at + 1, close);
        at = close + 1;
      } else if (quote !== '>') {
        const valueStart = at;
        while (at < length && !isUnquotedValueEnd(html.charCodeAt(at))) at++;
        if (at === length) return undefined;
        value = html.slice(valueStart, at);
      }
    }
    if (isRecorded(name, attrName) && !attrs.some((a) => a.name === attrName)) attrs.push({ name: attrName, value: detached(decodeReferences(value)) });
  }
}

/**
 * A copy of a value cut from the page: V8 lets a slice of 13 characters or more share the page's buffer, so one
 * id or URL kept for the link check would keep the whole page alive. A concatenation is flattened into a buffer of
 * its own when it is sliced (parse5's tokenizer does the same).
 */
function detached(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/** Character references in an attribute value, as the tokenizer decodes them there. */
function decodeReferences(value: string): string {
  let amp = value.indexOf('&');
  if (amp === -1) return value;
  let decoded = '';
  let copied = 0;
  for (; amp !== -1; amp = value.indexOf('&', amp + 1)) {
    const next = value.charCodeAt(amp + 1);
    let end: number;
    let text: string;
    if (next === 35 /* # */) {
      let at = amp + 2;
      const hex = (value.charCodeAt(at) | 0x20) === 120; /* x */
      if (hex) at++;
      const digitsStart = at;
      let code = 0;
      for (let digit = digitValue(value.charCodeAt(at), hex); digit >= 0; digit = digitValue(value.charCodeAt(++at), hex))
        code = code * (hex ? 16 : 10) + digit;
      if (at === digitsStart) continue; // `&#` or `&#x` without digits: text
      end = value.charCodeAt(at) === 59 /* ; */ ? at + 1 : at;
      text = String.fromCodePoint(numericReference(code));
    } else if (isAsciiAlphanumeric(next)) {
      const semicolon = value.indexOf(';', amp);
      const known = semicolon === -1 ? undefined : NAMED_REFERENCES[value.slice(amp + 1, semicolon + 1)];
      if (known === undefined) throw new Unrecognised();
      end = semicolon + 1;
      text = known;
    } else continue; // a `&` that is text
    decoded += value.slice(copied, amp) + text;
    copied = end;
    amp = end - 1;
  }
  return decoded + value.slice(copied);
}

function numericReference(code: number): number {
  if (code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return 0xfffd;
  if (code >= 128 && code <= 159) return C1_REPLACEMENTS[code - 128] || code;
  return code;
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (!hex) return -1;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

function asciiLower(name: string): string {
  return name.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isWhitespace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === FF;
}

function isTagNameEnd(c: number): boolean {
  return isWhitespace(c) || c === SLASH || c === GT;
}

function isAttributeNameEnd(c: number): boolean {
  return isTagNameEnd(c) || c === EQUALS;
}

function isUnquotedValueEnd(c: number): boolean {
  return isWhitespace(c) || c === GT;
}

function isAsciiAlpha(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 97 && lower <= 122;
}

function isAsciiAlphanumeric(c: number): boolean {
  return isAsciiAlpha(c) || (c >= 48 && c <= 57);
}
