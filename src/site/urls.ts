// Readable, stable, unique URLs for notes, tags and attachments. Japanese stays Japanese, in the href too (an IRI).

/** One path segment: spaces to '-', characters with a meaning in URLs or file systems removed, ASCII lowercased. */
function slugSegment(segment: string): string {
  return urlSafeSegment(segment).replace(/[A-Z]+/g, (c) => c.toLowerCase());
}

/** A segment as slugSegment makes it, its case kept (a permalink is the author's URL, as written). */
function urlSafeSegment(segment: string): string {
  const slug = segment
    .normalize('NFC')
    .replace(/[\s\u3000]+/g, '-')
    .replace(/[#?%&"'<>\\^`{|}[\]:*;=+,!$@~()]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug || '_';
}

/** The slug of a permalink (`/Notes/About Me/` → `Notes/About-Me`): slashes at either end and empty segments ignored. */
export function permalinkSlug(permalink: string): string {
  return permalink
    .split('/')
    .filter((segment) => segment.trim() !== '')
    .map(urlSafeSegment)
    .join('/');
}

/** Why a note's permalink could not be its URL: what holds that path already (another note's id, or a site path). */
export interface PermalinkTaken {
  id: string;
  slug: string;
  /** The note whose permalink claimed it first (the home note for `/`), or the site's own path (`tags/`). */
  heldBy: { id: string } | { path: string };
}

/**
 * Slugs for every note id, unique (ties resolved by sorted id order, so builds agree). A first segment the site
 * itself uses (`reserved`: its routes' first segments, lowercase) gets a suffix. A note's permalink (id → as
 * written) claims its slug first, in id order, and the other notes take unique slugs around it; a permalink whose
 * path is taken (by an earlier permalink or the site's own paths) is told to `onTaken`, and its note keeps its own slug.
 */
export function noteSlugs(
  ids: string[],
  reserved: ReadonlySet<string> = new Set(),
  permalinks: ReadonlyMap<string, string> = new Map(),
  onTaken: (taken: PermalinkTaken) => void = () => {},
): Map<string, string> {
  const published = new Set(ids);
  // Lowercase slug → the note whose permalink it is (compared case-folded, as uniqueSlugs compares).
  const claimed = new Map<string, string>();
  const fixed = new Map<string, string>();
  for (const id of [...permalinks.keys()].filter((id) => published.has(id)).sort()) {
    const slug = permalinkSlug(permalinks.get(id)!);
    const first = slug.split('/')[0].toLowerCase();
    const holder = claimed.get(slug.toLowerCase());
    if (holder !== undefined) onTaken({ id, slug, heldBy: { id: holder } });
    else if (slug !== '' && reserved.has(first)) onTaken({ id, slug, heldBy: { path: `${first}/` } });
    else {
      claimed.set(slug.toLowerCase(), id);
      fixed.set(id, slug);
    }
  }
  const others = uniqueSlugs(
    ids.filter((id) => !fixed.has(id)),
    (id) => {
      const segments = id.replace(/\.md$/i, '').split('/').map(slugSegment);
      if (reserved.has(segments[0])) segments[0] = `${segments[0]}-notes`;
      return { stem: segments.join('/'), extension: '' };
    },
    new Set(claimed.keys()),
  );
  return new Map([...ids].sort().map((id) => [id, fixed.get(id) ?? others.get(id)!]));
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
 * A `-2`, `-3`… suffix makes colliding slugs unique, also with the slugs `taken` already (lowercase). Compared
 * case-folded: pages are folders on disk, and macOS and Windows file systems fold case (Ä = ä).
 */
function uniqueSlugs(ids: string[], slugOf: (id: string) => { stem: string; extension: string }, taken = new Set<string>()): Map<string, string> {
  const slugs = new Map<string, string>();
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
