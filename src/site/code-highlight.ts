// The code step: fenced code of published notes is highlighted at build time by Shiki, in a light and a dark theme
// at once (each token carries both colours as CSS variables; the site's theme picks one), so a page holds one copy.
// Only the languages the vault uses are loaded, with Shiki's JavaScript regex engine (no WebAssembly start-up).
// Highlighted HTML is cached by (language, code, themes, Shiki version), like mermaid's diagrams.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Html, Root } from 'mdast';
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { bundledLanguages, bundledLanguagesInfo } from 'shiki/langs';
import { bundledThemes } from 'shiki/themes';
import { codeBlocks } from '../markdown/code-block-slots';
import { trustedHtml } from '../safety/trusted';
import type { Replacement } from './steps';

// The light theme's high-contrast variant: the default's comments (#6e7781) fall below WCAG AA on the code background.
export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-default' } as const;

/** Every page holding highlighted code has this in its HTML, so it loads the copy-button loader. */
export const CODE_MARKER = 'class="shiki';

/** Fences other steps evaluate (diagrams, queries, bases): never shown as code. */
const EVALUATED = new Set(['mermaid', 'dataview', 'dataviewjs', 'base']);

/** Obsidian's (Prism's) names that Shiki spells differently. */
const PRISM_NAMES: Record<string, string> = {
  svg: 'xml',
  'shell-session': 'console',
  'sh-session': 'console',
  objectivec: 'objective-c',
  pl: 'perl',
  ml: 'ocaml',
};

const languageIds = new Map<string, string>(
  bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])].map((name): [string, string] => [name, info.id])),
);

/** Shiki's id for a fence's language as Obsidian names it; undefined = shown as plain text. */
export function shikiLanguage(lang: string | null | undefined): string | undefined {
  const name = lang?.toLowerCase();
  if (!name || EVALUATED.has(name)) return undefined;
  return languageIds.get(PRISM_NAMES[name] ?? name);
}

export interface CodeNote {
  id: string;
  tree: Root;
}

const shikiVersion: string = (createRequire(import.meta.url)('shiki/package.json') as { version: string }).version;
/** Bump when the HTML made here changes for the same input. */
const OUTPUT_VERSION = 1;

/** A replacement of each fence in a known language by its highlighted HTML; other fences stay plain code. */
export async function highlightCodeBlocks(notes: CodeNote[], options: { cacheDir: string }): Promise<{ replacements: Replacement[] }> {
  const blocks = notes.flatMap((note) =>
    codeBlocks(note.tree, (lang) => shikiLanguage(lang) !== undefined).map((block) => {
      const lang = shikiLanguage(block.node.lang)!;
      return { ...block, noteId: note.id, lang, key: cacheKey(lang, block.node.value) };
    }),
  );
  if (blocks.length === 0) return { replacements: [] };
  const html = new Map<string, string>();
  const missing = new Map<string, { lang: string; code: string }>();
  for (const block of blocks) {
    if (html.has(block.key) || missing.has(block.key)) continue;
    const cached = readCache(options.cacheDir, block.key);
    if (cached !== undefined) html.set(block.key, cached);
    else missing.set(block.key, { lang: block.lang, code: block.node.value });
  }
  if (missing.size > 0) {
    const highlighter = await loadHighlighter(new Set([...missing.values()].map((m) => m.lang)));
    mkdirSync(options.cacheDir, { recursive: true });
    for (const [key, { lang, code }] of missing) {
      const highlighted = highlighter.codeToHtml(code, { lang, themes: CODE_THEMES, defaultColor: false });
      writeFileSync(path.join(options.cacheDir, `${key}.html`), highlighted);
      html.set(key, highlighted);
    }
    highlighter.dispose();
  }
  // Shiki escapes the code it wraps, so the note sanitizer need not (and must not) rewrite its spans.
  const replacements = blocks.map(
    (block): Replacement => ({ noteId: block.noteId, path: block.path, node: { type: 'html', value: trustedHtml(html.get(block.key)!) } satisfies Html }),
  );
  return { replacements };
}

async function loadHighlighter(langs: Set<string>): Promise<HighlighterCore> {
  return createHighlighterCore({
    themes: [bundledThemes[CODE_THEMES.light], bundledThemes[CODE_THEMES.dark]],
    langs: [...langs].map((lang) => bundledLanguages[lang as keyof typeof bundledLanguages]),
    // Forgiving: a grammar rule the JavaScript engine cannot run leaves its text unhighlighted instead of failing.
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
}

function cacheKey(lang: string, code: string): string {
  return createHash('sha256')
    .update(`${OUTPUT_VERSION}\0${shikiVersion}\0${CODE_THEMES.light}\0${CODE_THEMES.dark}\0${lang}\0${code}`)
    .digest('hex')
    .slice(0, 32);
}

function readCache(dir: string, key: string): string | undefined {
  try {
    return readFileSync(path.join(dir, `${key}.html`), 'utf8');
  } catch {
    return undefined;
  }
}
