// mdast → hast with Obsidian's nodes: internal links, tags, embeds, code-block hooks.
import type { ElementContent, Root as HastRoot } from 'hast';
import type { Code, Image, Link, Paragraph, Root } from 'mdast';
import { defaultHandlers, type Handlers, type State, toHast } from 'mdast-util-to-hast';
import { renderCodeBlock } from './code-blocks';
import { noteEmbed } from './embeds';
import { element, text, unresolvedLink } from './hast-build';
import { vaultTarget } from './links';
import { strings } from '../i18n/strings';
import { attachmentEmbed, isMediaName, parseEmbedDisplay } from './media';
import { renderParagraph } from './paragraphs';
import type { RenderScope } from './render-context';
import type { ObsidianTag } from './tags';
import { type WikiLink, wikiLinkText } from './wikilinks';

interface LinkParts {
  target: string;
  subpath?: string;
  display?: string;
}

export function toHastTree(tree: Root, scope: RenderScope): HastRoot {
  // The footnotes' heading and back links are read by screen readers: in the site's language, not mdast's English.
  const t = strings(scope.ctx.lang);
  return toHast(tree, {
    allowDangerousHtml: true,
    handlers: obsidianHandlers(scope),
    footnoteLabel: t.footnotes,
    footnoteBackLabel: (referenceIndex, rereferenceIndex) => t.footnoteBack(referenceIndex + 1, rereferenceIndex),
  }) as HastRoot;
}

function obsidianHandlers(scope: RenderScope): Handlers {
  return {
    wikiLink: (_: State, node: WikiLink) => (node.embed ? embed(scope, node, wikiLinkText(node)) : internalLink(scope, node, [text(node.value)])),
    obsidianTag: (_: State, node: ObsidianTag) => element('a', { className: ['tag'], href: scope.ctx.tagHref(node.tag) }, [text(node.value)]),
    link: (state: State, node: Link) => {
      const target = vaultTarget(node.url);
      return target ? internalLink(scope, target, state.all(node)) : defaultHandlers.link(state, node);
    },
    image: (state: State, node: Image) => {
      const target = vaultTarget(node.url);
      if (target) return embed(scope, { ...target, display: node.alt ?? undefined }, node.alt || node.url);
      const remote = defaultHandlers.image(state, node);
      // `![alt|100x145](https://…)`, `![250](https://…)`: a size after the last `|` or alone, as for embeds in the vault.
      const { alt, width, height } = parseEmbedDisplay(node.alt ?? undefined);
      // Shown from its own URL, never fetched at build time.
      remote.properties = { ...remote.properties, alt: alt ?? '', loading: 'lazy', width, height };
      return remote;
    },
    paragraph: (state: State, node: Paragraph) => renderParagraph(state, node),
    code: (state: State, node: Code) => renderCodeBlock(state, node, scope.ctx.lang),
    // The newline after it stays in the text: with strict line breaks nothing else is written (a space, as before).
    softBreak: () => (scope.ctx.strictLineBreaks ? [] : element('br', {}, [])),
  };
}

function internalLink(scope: RenderScope, link: LinkParts, children: ElementContent[]): ElementContent {
  const target = scope.ctx.resolve({ target: link.target, subpath: link.subpath, embed: false, from: scope.noteId });
  return target ? element('a', { className: ['internal-link'], href: target.href }, children) : unresolvedLink(children);
}

function embed(scope: RenderScope, link: LinkParts, written: string): ElementContent {
  const target = scope.ctx.resolve({ target: link.target, subpath: link.subpath, embed: true, from: scope.noteId });
  if (!target) return unresolvedLink([text(missingEmbedText(link))]);
  if (target.kind === 'attachment') return attachmentEmbed(target, link.display);
  if (target.kind === 'file')
    return scope.ctx.embedFile?.(target, link.display) ?? element('a', { className: ['internal-link'], href: target.href }, [text(written)]);
  return noteEmbed(scope, target, link.subpath, written, toHastTree);
}

/**
 * What an embed of a missing (or unpublished) file shows: the text written after `|` without its size, else the
 * file's name as Obsidian's unresolved embed does; a note keeps its heading (`Note > Part`), a media file drops its
 * `#fragment`. Never a size alone (`![[pic.png|100]]` is not "100"); an alias keeps an unpublished name off the page.
 */
function missingEmbedText(link: LinkParts): string {
  const named = isMediaName(link.target) ? link.target : wikiLinkText({ target: link.target, subpath: link.subpath });
  return parseEmbedDisplay(link.display).alt ?? named;
}
