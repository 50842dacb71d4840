// What a page's <head> tells link previews and search engines (Open Graph, Twitter cards, canonical URL), as
// Obsidian Publish and Quartz write it. Only what the page itself shows: its own frontmatter and its rendered body,
// in which a private note is never more than plain text.
import { firstParagraphSummary } from '../html/summary';
import type { SiteConfig } from '../config/config';
import { isImageName } from '../markdown/media';
import { previewImage, property } from '../vault/properties';
import type { ParsedNote } from '../vault/types';
import type { HeadMeta, NotePreview } from './types';

/** What search engines show of a description before cutting it. */
const DESCRIPTION_LENGTH = 160;

/**
 * The note's own preview settings: frontmatter `description`, and `image` or `cover` (a URL, or a vault image,
 * given as its published attachment's href by `attachmentHref`; an image that is not published is left out).
 */
export function notePreview(note: Pick<ParsedNote, 'frontmatter'>, attachmentHref: (target: string) => string | undefined): NotePreview {
  const description = property(note.frontmatter, 'description');
  const image = previewImage(note.frontmatter);
  const imageHref = !image ? undefined : 'url' in image ? image.url : isImageName(image.target) ? attachmentHref(image.target) : undefined;
  return {
    ...(typeof description === 'string' && description.trim() ? { description: description.trim().replace(/\s+/g, ' ') } : {}),
    ...(imageHref ? { image: imageHref } : {}),
  };
}

type UrlConfig = Pick<SiteConfig, 'base' | 'site'>;

/**
 * A note page's head: its description (else its first paragraph), its image (else the first image of its own body
 * from the vault) and canonical URL. Previews and crawlers need absolute URLs: without `site` there is no canonical
 * URL and no image but one that is a URL already.
 */
export function noteHeadMeta(note: { url: string; preview: NotePreview }, html: string, config: UrlConfig): HeadMeta {
  const description = note.preview.description ?? firstParagraphSummary(html, DESCRIPTION_LENGTH);
  const image = absoluteUrl(note.preview.image ?? firstOwnImage(html, config.base), config.site);
  const canonical = absoluteUrl(note.url, config.site);
  return { type: 'article', ...(description ? { description } : {}), ...(image ? { image } : {}), ...(canonical ? { canonical } : {}) };
}

/** The home page's head: the site's description and, with `site`, its canonical URL. */
export function homeHeadMeta(config: UrlConfig & Pick<SiteConfig, 'description'>): HeadMeta {
  const canonical = absoluteUrl(config.base, config.site);
  return { type: 'website', ...(config.description ? { description: config.description } : {}), ...(canonical ? { canonical } : {}) };
}

function absoluteUrl(url: string | undefined, site: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (/^https?:\/\//i.test(url)) return new URL(url).href;
  return site ? new URL(url, site).href : undefined;
}

/**
 * The src of the first `<img>` showing one of the site's raster attachments outside a transcluded note (another
 * note's image is that note's). The body is the renderer's own serialisation: quoted attributes, balanced `<div>`s.
 */
function firstOwnImage(html: string, base: string): string | undefined {
  const prefix = `${base}attachments/`;
  let embedDepth = 0;
  for (const [tag] of html.matchAll(/<img\s[^>]*>|<div[\s>][^>]*|<\/div>/g)) {
    if (tag === '</div>') {
      if (embedDepth > 0) embedDepth--;
    } else if (tag.startsWith('<div')) {
      if (embedDepth > 0 || /\bclass="[^"]*\binternal-embed\b/.test(tag)) embedDepth++;
    } else if (embedDepth === 0) {
      const src = /\ssrc="([^"]*)"/.exec(tag)?.[1];
      // Link previews (Facebook, X, Slack…) do not show SVG: a drawing's export or a diagram is skipped.
      if (src?.startsWith(prefix) && !/\.svg$/i.test(src)) return decodeEntities(src);
    }
  }
  return undefined;
}

/** The entities an attribute value can hold after rehype-stringify. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|amp);/gi, (_, hex, decimal) =>
    hex || decimal ? String.fromCodePoint(Number.parseInt(hex ?? decimal, hex ? 16 : 10)) : '&',
  );
}
