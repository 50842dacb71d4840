// An Excalidraw drawing (src/vault/drawings.ts) as the site shows it: where it is embedded, the image the plugin
// exported (one per theme when it exported both), sized as the embed asks; on its own page that image above the
// note's text (the plugin's text elements and links), without the banner that asks to switch to the drawing view.
import type { ElementContent } from 'hast';
import type { Paragraph, Root } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { strings } from '../../i18n/strings';
import { element, text } from '../../markdown/hast-build';
import { parseEmbedDisplay } from '../../markdown/media';
import { drawingImages } from '../../vault/drawings';
import type { ParsedNote, VaultEntry } from '../../vault/types';
import type { KindSite } from '../kind';

export function drawingEmbed(entry: VaultEntry, site: KindSite, display: string | undefined): ElementContent {
  // Only published images have an href: the privacy filter copies a published drawing's exports.
  const images = drawingImages(entry.id, (id) => site.href(id) !== undefined);
  if (!images) return element('span', { className: ['drawing-missing'], role: 'note' }, [text(strings(site.lang).drawingNotExported(entry.title))]);
  const { alt, width, height } = parseEmbedDisplay(display);
  const image = (id: string, theme?: 'light' | 'dark') =>
    element('img', { src: site.href(id)!, alt: alt ?? entry.title, loading: 'lazy', width, height, ...(theme ? { className: [`drawing-${theme}`] } : {}) });
  return element('span', { className: ['drawing'] }, images.dark ? [image(images.light, 'light'), image(images.dark, 'dark')] : [image(images.light)]);
}

/** The drawing's page: its image (the note embedding itself, so the one embed path draws it), then its text. */
export function drawingPageTree(note: ParsedNote): Root {
  const image: Paragraph = { type: 'paragraph', children: [{ type: 'wikiLink', value: '', target: note.id, embed: true }] };
  return { type: 'root', children: [image, ...note.tree.children.filter((node) => !(node.type === 'paragraph' && isViewBanner(mdastText(node))))] };
}

/** "==⚠ Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==", in every plugin version so far. */
function isViewBanner(paragraph: string): boolean {
  return paragraph.includes('Switch to EXCALIDRAW VIEW');
}
