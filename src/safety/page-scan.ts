// One pass over a built page gives everything the after-build steps need: the ids and URLs for the link check, and
// the page's own inline scripts and where <head> opens for the Content-Security-Policy. Tokens only (no tree).
// The pages are serialised by Astro from our templates, so a hand scanner (tag-scanner.ts, four to six times faster,
// with no token objects) reads nearly all of them. parse5's tokenizer stays for the pages it does not
// recognise (CR or NUL in the page, `<!--` in a script, a named character reference other than the five
// serialisers write, in an attribute the scan reads): those are the HTML rules the scanner leaves out, and the tokenizer has them all.
import { Tokenizer, TokenizerMode } from 'parse5';
import { type PageScan, ScanRecorder, TEXT_CONTENT } from './scan-recorder.ts';
import { scanTags } from './tag-scanner.ts';

export type { PageScan } from './scan-recorder.ts';

type State = (typeof TokenizerMode)[keyof typeof TokenizerMode];

const TOKENIZER_MODE: Record<(typeof TEXT_CONTENT)[string], State> = {
  script: TokenizerMode.SCRIPT_DATA,
  rawtext: TokenizerMode.RAWTEXT,
  rcdata: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

export function scanPage(html: string): PageScan {
  return scanTags(html) ?? tokenizerScan(html);
}

/** parse5's tokenizer: reads any page as a browser's tokenizer would (with the tree builder's text modes). */
export function tokenizerScan(html: string): PageScan {
  const recorder = new ScanRecorder();
  let script: string[] | undefined;
  const text = ({ chars }: { chars: string }) => script?.push(chars);
  const ignore = () => {};
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag: ({ tagName, attrs, selfClosing, location }) => {
        if (recorder.startTag(tagName, attrs, selfClosing, location!.endOffset)) script = [];
        const textMode = TEXT_CONTENT[tagName];
        if (textMode !== undefined) tokenizer.state = TOKENIZER_MODE[textMode];
      },
      onEndTag: ({ tagName }) => {
        recorder.endTag(tagName);
        if (tagName === 'script' && script) {
          recorder.script(script.join(''));
          script = undefined;
        }
      },
      onCharacter: text,
      onWhitespaceCharacter: text,
      // The tree builder reads a NUL in script text as U+FFFD, and so does the browser that hashes it.
      onNullCharacter: () => script?.push('\uFFFD'),
      onComment: ignore,
      onDoctype: ignore,
      onEof: ignore,
    },
  );
  tokenizer.write(html, true);
  return recorder.scan;
}
