// Readable, stable, unique URLs for notes, tags and attachments. Japanese stays Japanese, in the href too (an IRI).

/** One path segment: spaces to '-', characters with a meaning in URLs or file systems removed, ASCII lowercased. */
function slugSegment(segment: string): string {
  const slug = segment
    .normalize('NFC')
    .replace(/[\s\u3000]+/g, '-')
    .replace(/[#?%&"'<>\\^`{|}[\]:*;=+,!$@~()]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/[A-Z]+/g, (c) => c.toLowerCase());
  return slug || '_';
}

/**
 * Slugs for every note id, unique (ties resolved by sorted id order, so builds agree). A first segment the site
 * itself uses (`reserved`: its routes' first segments, lowercase) gets a suffix.
 */
export function noteSlugs(ids: string[], reserved: ReadonlySet<string> = new Set()): Map<string, string> {
  return uniqueSlugs(ids, (id) => {
    const segments = id.replace(/\.md$/i, '').split('/').map(slugSegment);
    if (reserved.has(segments[0])) segments[0] = `${segments[0]}-notes`;
    return { stem: segments.join('/'), extension: '' };
  });
}

/** Slugs for attachments: they keep their extension so the server sends the right type. */
export function attachmentSlugs(ids: string[]): Map<string, string> {
  return uniqueSlugs(ids, (id) => {
    const segments = id.split('/');
    const name = segments.pop()!;
    const dot = name.lastIndexOf('.');
    const stem = [...segments, dot > 0 ? name.slice(0, dot) : name].map(slugSegment).join('/');
    return { stem, extension: dot > 0 ? `.${slugSegment(name.slice(dot + 1))}` : '' };
  });
}

/** Slugs for folder pages (under `folders/`). */
export function folderSlugs(paths: string[]): Map<string, string> {
  return uniqueSlugs(paths, (p) => ({ stem: p.split('/').map(slugSegment).join('/'), extension: '' }));
}

/**
 * A `-2`, `-3`… suffix makes colliding slugs unique. Compared case-folded: pages are folders on disk, and
 * macOS and Windows file systems fold case (Ä = ä).
 */
function uniqueSlugs(ids: string[], slugOf: (id: string) => { stem: string; extension: string }): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of [...ids].sort()) {
    const { stem, extension } = slugOf(id);
    let slug = stem + extension;
    for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${stem}-${n}${extension}`;
    taken.add(slug.toLowerCase());
    slugs.set(id, slug);
  }
  return slugs;
}

/** Tag identity is case-insensitive, as in Obsidian: `t-notes/Docker`, `T-Notes/docker` share `t-notes/docker`; `Ärger`, `ärger` too. */
export function tagSlug(tag: string): string {
  return tag.toLowerCase().split('/').map(slugSegment).join('/');
}

/** base + path, with a trailing slash for pages. */
export function href(base: string, slug: string, { page = true } = {}): string {
  return `${base}${slug.split('/').map(urlComponent).join('/')}${page && slug ? '/' : ''}`;
}

/**
 * What must stay percent-encoded in a path segment or fragment: what ends or changes a URL (`/ ? # %`, and a backslash,
 * read as `/`), what the URL parser encodes itself (controls, space, quotes, `<>`…), and what cannot be seen (spaces,
 * format and bidi controls, unassigned and private-use code points).
 */
const MUST_ENCODE = /[\p{Cc}\p{Cf}\p{Z}\p{Cs}\p{Co}\p{Cn}/?#%\\"<>`{|}^[\]]/gu;

/**
 * One path segment or fragment as an href: visible non-ASCII stays as written (browsers take IRIs in href, and
 * percent-encoding every Japanese character tripled its bytes); the parser percent-encodes it when it follows the link.
 * Feeds and the sitemap need absolute URIs and encode it again (feeds.ts).
 */
export function urlComponent(text: string): string {
  let encoded = encodedComponents.get(text);
  if (encoded === undefined) {
    // The same slugs and anchors are encoded for every link to them; the dev server does it again at every save.
    if (encodedComponents.size >= MAX_ENCODED_KEPT) encodedComponents.clear();
    encodedComponents.set(text, (encoded = text.replace(MUST_ENCODE, encodeURIComponent)));
  }
  return encoded;
}

const encodedComponents = new Map<string, string>();
/** A bound on what one process keeps (a long dev session sees many texts). */
const MAX_ENCODED_KEPT = 100_000;
