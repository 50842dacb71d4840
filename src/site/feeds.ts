// RSS and sitemap: absolute URLs of published pages only, so they need the `site` option.
import { firstParagraphSummary } from '../html/summary';
import type { SiteData } from './types';

export const FEED_SIZE = 20;
const SUMMARY_LENGTH = 200;

/** RSS 2.0 of the most recently updated notes. */
export function rssXml(site: SiteData, siteUrl: string): string {
  const { title, description, lang, base } = site.config;
  const notes = [...site.notes].sort((a, b) => b.modified.localeCompare(a.modified) || a.id.localeCompare(b.id)).slice(0, FEED_SIZE);
  const items = notes.map((note) => {
    const link = absolute(note.url, siteUrl);
    return `<item><title>${xml(note.title)}</title><link>${xml(link)}</link><guid isPermaLink="true">${xml(link)}</guid><pubDate>${new Date(note.modified).toUTCString()}</pubDate><description>${xml(firstParagraphSummary(note.html, SUMMARY_LENGTH))}</description>${note.tags.map((t) => `<category>${xml(t.tag)}</category>`).join('')}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(title)}</title><link>${xml(absolute(base, siteUrl))}</link><description>${xml(description || title)}</description><language>${lang}</language><atom:link href="${xml(absolute(`${base}rss.xml`, siteUrl))}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel></rss>
`;
}

/**
 * Every built page (the build only emits published ones) but the 404 page; notes carry their last change. Astro
 * gives the pages' paths as written on disk (`古い/`): matched with the notes' URLs as absolute URIs, which both
 * become once the URL parser has percent-encoded them.
 */
export function sitemapXml(pagePaths: string[], site: SiteData, siteUrl: string): string {
  const modified = new Map(site.notes.map((n) => [absolute(n.url, siteUrl), n.modified]));
  const urls = [
    ...new Set(
      pagePaths
        .map((p) => p.replace(/^\//, ''))
        .filter((p) => p.replace(/\/$/, '') !== '404')
        .map((p) => `${site.config.base}${p}`),
    ),
  ]
    .map((url) => absolute(url, siteUrl))
    .sort()
    .map((loc) => `<url><loc>${xml(loc)}</loc>${modified.has(loc) ? `<lastmod>${modified.get(loc)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

function absolute(path: string, siteUrl: string): string {
  return new URL(path, siteUrl).href;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
