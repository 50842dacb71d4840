// The markdown syntax tsunagu reads, as remark plugins in the order they run: adding a syntax (say `$math$`) is a
// plugin file beside this one and a line in this list. The parse cache knows every file of this folder, so a
// change here parses every note again.
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { remarkBlockIds } from './block-ids';
import { remarkCallouts } from './callouts';
import { remarkHeadingIds } from './headings';
import { remarkHighlight } from './highlight';
import { remarkStripHtmlComments } from './html-comments';
import { remarkInlineFields } from './inline-fields';
import { remarkSoftBreaks } from './line-breaks';
import { remarkLinearAutolinks } from './linear-autolinks';
import { remarkObsidianMath } from './math';
import { remarkObsidianTags } from './tags';
import { remarkTaskStatus } from './task-status';
import { remarkWikiLinks } from './wikilinks';

// Order matters: tags split text before highlights pair markers across nodes; callouts and block ids then read the
// cleaned-up text; heading ids see the final heading text; soft line breaks split text nodes last, once every plugin
// that reads a paragraph's text has read it whole.
export const SYNTAX: PluggableList = [
  remarkGfm,
  remarkLinearAutolinks,
  // CommonMark's emphasis rules fail next to Japanese punctuation (**「強調」**を); Obsidian renders it bold.
  remarkCjkFriendly,
  remarkCjkFriendlyStrikethrough,
  remarkObsidianMath,
  remarkStripHtmlComments,
  remarkWikiLinks,
  remarkObsidianTags,
  remarkHighlight,
  remarkCallouts,
  remarkBlockIds,
  remarkInlineFields,
  remarkTaskStatus,
  remarkHeadingIds,
  remarkSoftBreaks,
];
