// `[[target#subpath|display]]` and `![[…]]` as one atomic inline node. A micromark construct (not a text
// transform) so that emphasis, `_`, links or autolinks can never split or reinterpret what is inside the brackets.
import type { Literal } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Effects, Extension as SyntaxExtension, State, TokenizeContext } from 'micromark-util-types';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface WikiLink extends Literal {
  type: 'wikiLink';
  /** The text a reader sees ('' for embeds), so mdast-util-to-string reads links naturally. */
  value: string;
  target: string;
  subpath?: string;
  /** Text after `|`, raw as written (`*x*` stays `*x*`); for image embeds the size (`300`, `100x145`). */
  display?: string;
  embed: boolean;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    wikiLink: 'wikiLink';
    wikiLinkMarker: 'wikiLinkMarker';
    wikiLinkContent: 'wikiLinkContent';
  }
}

const EXCLAMATION = 33;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const SPACE = 32;
const TAB = -2;

/** remark plugin: parse wikilinks and embeds into `wikiLink` nodes. */
export function remarkWikiLinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(wikiLinkSyntax);
  (data.fromMarkdownExtensions ??= []).push(wikiLinkFromMarkdown);
}

/** A wikilink found in a plain string, with where it is written (`start` and `end` as string offsets). */
interface WikiLinkInText extends Pick<WikiLink, 'target' | 'subpath' | 'display' | 'embed'> {
  start: number;
  end: number;
}

/** Every markdown construct but paragraphs: in a property value nothing but `[[…]]` means anything. */
const PLAIN_TEXT: SyntaxExtension = {
  disable: {
    null: [
      'attention',
      'autolink',
      'blockQuote',
      'characterEscape',
      'characterReference',
      'codeFenced',
      'codeIndented',
      'codeText',
      'definition',
      'hardBreakEscape',
      'headingAtx',
      'htmlFlow',
      'htmlText',
      'labelEnd',
      'labelStartImage',
      'labelStartLink',
      'list',
      'setextUnderline',
      'thematicBreak',
    ],
  },
};

const plainTextProcessor = unified()
  .use(remarkParse)
  .use(remarkWikiLinks)
  .use(function plainText(this: Processor) {
    (this.data().micromarkExtensions ??= []).push(PLAIN_TEXT);
  });

/**
 * Strings read so far, and their links: the dev server makes every page's properties again at each save (reading their
 * links was 17 ms of the 140 ms that making the pages took at 1,000 notes). Frozen, as every caller shares them.
 */
const linksOfText = new Map<string, readonly Readonly<WikiLinkInText>[]>();

/** The wikilinks of a plain string (a property value), read by the same construct as in a note's body. */
export function wikiLinksIn(text: string): readonly Readonly<WikiLinkInText>[] {
  if (!text.includes('[[')) return [];
  let found = linksOfText.get(text);
  if (!found) linksOfText.set(text, (found = Object.freeze(parsedWikiLinks(text).map((link) => Object.freeze(link)))));
  return found;
}

function parsedWikiLinks(text: string): WikiLinkInText[] {
  const found: WikiLinkInText[] = [];
  visit(plainTextProcessor.parse(text), 'wikiLink', (node: WikiLink) => {
    const { target, subpath, display, embed } = node;
    found.push({
      target,
      ...(subpath ? { subpath } : {}),
      ...(display ? { display } : {}),
      embed,
      start: node.position!.start.offset!,
      end: node.position!.end.offset!,
    });
  });
  return found;
}

/** The parts of a wikilink's inner text. `\|` counts as `|`: it is how the alias is written inside GFM tables. */
export function parseWikiLink(inner: string): Pick<WikiLink, 'target' | 'subpath' | 'display'> {
  const unescaped = inner.replace(/\\\|/g, '|');
  const bar = unescaped.indexOf('|');
  const link = bar < 0 ? unescaped : unescaped.slice(0, bar);
  const display = bar < 0 ? undefined : unescaped.slice(bar + 1).trim() || undefined;
  const hash = link.indexOf('#');
  const target = (hash < 0 ? link : link.slice(0, hash)).trim();
  const subpath = hash < 0 ? undefined : link.slice(hash + 1).trim() || undefined;
  return { target, ...(subpath ? { subpath } : {}), ...(display ? { display } : {}) };
}

/** What Obsidian shows for a link without display text: `Note`, `Note > Heading`, `Heading` for `[[#Heading]]`. */
export function wikiLinkText(link: Pick<WikiLink, 'target' | 'subpath' | 'display'>): string {
  if (link.display) return link.display;
  const parts = [link.target, ...(link.subpath?.split('#') ?? [])].filter((part) => part.trim() !== '');
  return parts.join(' > ');
}

const wikiLinkConstruct = { name: 'wikiLink', tokenize: tokenizeWikiLink };

const wikiLinkSyntax: SyntaxExtension = {
  text: { [EXCLAMATION]: wikiLinkConstruct, [LEFT_BRACKET]: wikiLinkConstruct },
};

const wikiLinkFromMarkdown: FromMarkdownExtension = {
  enter: { wikiLink: enterWikiLink },
  exit: { wikiLink: exitWikiLink },
};

function enterWikiLink(this: CompileContext, token: Token): undefined {
  const raw = this.sliceSerialize(token);
  const embed = raw.startsWith('!');
  const parts = parseWikiLink(raw.slice(embed ? 3 : 2, -2));
  this.enter({ type: 'wikiLink', value: embed ? '' : wikiLinkText(parts), ...parts, embed }, token);
}

function exitWikiLink(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

/** `!`? `[[` content `]]` on one line; content must not be blank nor contain `[` or a lone `]`. */
function tokenizeWikiLink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let hasContent = false;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('wikiLink');
    effects.enter('wikiLinkMarker');
    if (code !== EXCLAMATION) return openFirst(code);
    effects.consume(code);
    return openFirst;
  }

  function openFirst(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    return openSecond;
  }

  function openSecond(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    effects.exit('wikiLinkMarker');
    effects.enter('wikiLinkContent');
    return content;
  }

  function content(code: Code): State | undefined {
    if (code === null || code < TAB || code === LEFT_BRACKET) return nok(code); // end of input or a line ending
    if (code === RIGHT_BRACKET) return hasContent ? close(code) : nok(code);
    if (code !== SPACE && code !== TAB) hasContent = true;
    effects.consume(code);
    return content;
  }

  function close(code: Code): State | undefined {
    effects.exit('wikiLinkContent');
    effects.enter('wikiLinkMarker');
    effects.consume(code);
    return closeSecond;
  }

  function closeSecond(code: Code): State | undefined {
    if (code !== RIGHT_BRACKET) return nok(code);
    effects.consume(code);
    effects.exit('wikiLinkMarker');
    effects.exit('wikiLink');
    return ok;
  }
}
