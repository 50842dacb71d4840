// Readable, stable, unique URLs for notes, tags and attachments. Japanese stays Japanese; the href is percent-encoded.

/** First path segments the site itself uses; a note folder with such a name gets a suffix. */
const RESERVED = new Set(['tags', 'glossary', 'graph', 'search', 'pagefind', '_astro', 'attachments', '404', 'rss.xml', 'graph.json', 'sitemap.xml', 'about', 'guide']);

/** One path segment: spaces to '-', characters with a meaning in URLs or file systems removed, ASCII lowercased. */
export function slugSegment(segment: string): string {
  const slug = segment
    .normalize('NFC')
    .replace(/[\s\u3000]+/g, '-')
    .replace(/[#?%&"'<>\\^`{|}\[\]:*;=+,!$@~()]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/[A-Z]+/g, (c) => c.toLowerCase());
  return slug || '_';
}

/** Slugs for every note id, unique (ties resolved by sorted id order, so builds agree). */
export function noteSlugs(ids: string[]): Map<string, string> {
  const slugs = new Map<string, string>();
  // Compared case-folded: pages are folders on disk, and macOS and Windows file systems fold case (Ä = ä).
  const taken = new Set<string>();
  for (const id of [...ids].sort()) {
    const segments = id.replace(/\.md$/i, '').split('/').map(slugSegment);
    if (RESERVED.has(segments[0])) segments[0] = `${segments[0]}-notes`;
    const base = segments.join('/');
    let slug = base;
    for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
    taken.add(slug.toLowerCase());
    slugs.set(id, slug);
  }
  return slugs;
}

/** Attachments keep their extension so the server sends the right type. */
export function attachmentSlug(id: string): string {
  return id.split('/').map((segment) => {
    const dot = segment.lastIndexOf('.');
    return dot > 0 ? `${slugSegment(segment.slice(0, dot))}.${slugSegment(segment.slice(dot + 1))}` : slugSegment(segment);
  }).join('/');
}

/** Tag identity is case-insensitive, as in Obsidian: `t-notes/Docker`, `T-Notes/docker` share `t-notes/docker`; `Ärger`, `ärger` too. */
export function tagSlug(tag: string): string {
  return tag.toLowerCase().split('/').map(slugSegment).join('/');
}

/** base + path, percent-encoded, with a trailing slash for pages. */
export function href(base: string, slug: string, { page = true } = {}): string {
  const encoded = slug.split('/').map(encodeURIComponent).join('/');
  return `${base}${encoded}${page && slug ? '/' : ''}`;
}
