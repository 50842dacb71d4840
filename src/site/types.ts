// What the Astro pages render: computed once per build by buildSite(), serialisable as JSON.
import type { Lang, SiteConfig } from '../config/config';
import type { DetectedLang } from './lang';
import type { Diagnostic, Heading } from '../vault/types';

export interface NoteRef {
  id: string;
  title: string;
  url: string;
}

/** A note in a list that shows when it was last modified (tag and folder pages). */
export interface DatedNoteRef extends NoteRef {
  modified: string; // ISO
}

export interface BacklinkRef extends NoteRef {
  /** The sentences or list items around each link to this note. */
  contexts: string[];
}

interface TagRef {
  /** As the author wrote it, without '#'. */
  tag: string;
  url: string;
}

export interface NotePage extends NoteRef {
  /** Route parameter: the note's slug, without base. */
  slug: string;
  name: string;
  folder: string;
  tags: TagRef[];
  aliases: string[];
  /** The note's `cssclasses`, on its article as Obsidian puts them on the note's view. */
  cssClasses: string[];
  created: string; // ISO
  modified: string; // ISO
  headings: Heading[];
  html: string;
  /** Equal keys, equal `html`: what page keys hash instead of it (src/site/render-cache.ts). */
  bodyKey: string;
  outlinks: NoteRef[];
  backlinks: BacklinkRef[];
  /** Related notes by tag (the seed dataviewjs block): for the first three of `file.tags`, the others with that tag. */
  related: RelatedTagList[];
  /** Each published note this one links to, once, with that note's backlinks in Dataview's link order. */
  outgoing: OutgoingRef[];
  localGraph: LocalGraphView;
  /** The frontmatter as the properties panel shows it (title and tags are shown elsewhere). */
  properties: PropertyView[];
  /** Neighbours in the folder tree's order (the sidebar's), within the note's folder. */
  previous?: NoteRef;
  next?: NoteRef;
  /** Set when the note is a glossary term: what its page shows above the body. */
  term?: TermPage;
  /** Set when the note is a glossary note: the terms it defines, each at its own anchor. */
  definesTerms?: TermSummary[];
  /** The frontmatter's link-preview settings; the page's head adds what its body gives (src/site/page-meta.ts). */
  preview: NotePreview;
}

/** A note's own `description` and preview image (`image`/`cover`: a URL, or its published attachment's href). */
export interface NotePreview {
  description?: string;
  image?: string;
}

/** What a page's <head> says for link previews and search engines. URLs are absolute. */
export interface HeadMeta {
  type: 'article' | 'website';
  description?: string;
  image?: string;
  canonical?: string;
}

/** The page of a published file of another page kind (a base, a canvas): its body comes from its kind. */
export interface FilePage extends NoteRef {
  /** Route parameter, without base. */
  slug: string;
  /** The file kind's name (`base`, `canvas`). */
  kind: string;
  /** Vault folder ('' at the root): where the sidebar shows the page. */
  folder: string;
  modified: string; // ISO
  html: string;
  /** As a note page's. */
  bodyKey: string;
  backlinks: BacklinkRef[];
}

export interface PropertyView {
  key: string;
  /** One entry per list item (a scalar is a list of one). */
  values: PropertyRun[][];
}

/** A run of a property value: text, a resolved link (`[[x]]` to a published note, or a URL), or a date. */
export interface PropertyRun {
  text: string;
  href?: string;
  /** ISO, when the run is a date. */
  datetime?: string;
}

export interface RelatedTagList {
  /** As Dataview shows it: '#', author casing (`#t-notes/Docker`). */
  tag: string;
  /** The tag's page. */
  url: string;
  /** Newest modified first, at most 15. */
  notes: NoteRef[];
}

export interface OutgoingRef extends NoteRef {
  /** The first of the target's backlinks (a hub's full list is on its own page). */
  backlinks: readonly NoteRef[];
  /** How many more backlinks the target has than are listed. */
  moreBacklinks: number;
}

/** The note's neighbourhood, laid out at build time (coordinates in SVG user units). */
export interface LocalGraphView {
  width: number;
  height: number;
  /** nodes[0] is the note itself; ring k is k links away. */
  nodes: (NoteRef & { ring: number; x: number; y: number })[];
  /** Index pairs into nodes. */
  edges: [number, number][];
  /** Some neighbours were left out (too many to draw). */
  truncated: boolean;
}

export interface TagPage {
  /** Display form (first casing met in sorted note order). */
  tag: string;
  slug: string;
  url: string;
  /** Newest modified first. */
  notes: DatedNoteRef[];
  children: { tag: string; url: string; count: number }[];
  parent?: TagRef;
}

export interface FolderNode {
  name: string;
  path: string;
  /** Route parameter of the folder's page ('' for the root). */
  slug: string;
  /** The folder's own page (listing its notes and subfolders); the root's is the home page. */
  url: string;
  /** Published notes in this folder and below. */
  count: number;
  folders: FolderNode[];
  notes: DatedNoteRef[];
}

interface AttachmentFile {
  id: string;
  slug: string;
  absPath: string;
}

export interface BuildReport {
  /** What was built, with what: the report's first line. */
  settings: SettingsSummary;
  filesSeen: number;
  notesPublished: number;
  notesSkipped: { id: string; reason: string }[];
  attachmentsCopied: number;
  attachmentsUnused: string[];
  /** Pages of the other page kinds (bases, canvases). */
  otherPages: number;
  /** Files of other kinds that are not published (a kind tsunagu does not publish yet, or a private base). */
  otherSkipped: string[];
  /** `written`: the link as the author wrote it (`[text](Note.md)`), or `[[target]]` for a wikilink. */
  unresolvedLinks: { file: string; line: number; written: string }[];
  diagnostics: Diagnostic[];
}

export interface SettingsSummary {
  vaultDir: string;
  settingsFiles: string[];
  title: string;
  lang: Lang;
  /** Set when the settings gave no `lang`. */
  detected?: DetectedLang;
}

export interface GraphJson {
  notes: {
    id: string;
    title: string;
    url: string;
    tags: string[];
    aliases: string[];
    created: string;
    modified: string;
    outlinks: string[];
    inlinks: string[];
  }[];
}

/** A term as the glossary index lists it. */
export interface TermSummary extends NoteRef {
  /** Kana reading (`だいじぇすと`). */
  reading?: string;
  aliases: string[];
  /** First alias with Latin letters (`digest`). */
  english?: string;
  /** One-line definition. */
  definition?: string;
  /** Folded title, reading and aliases (see glossary/filter.ts): what the filter box matches. */
  searchKeys: string[];
}

export interface TermPage extends TermSummary {
  related: NoteRef[];
  /** Published notes that mention or link to the term, each once, by title. */
  usedIn: TermUse[];
}

export interface TermUse extends NoteRef {
  /** Text around the first mention or link. */
  snippet?: string;
}

/** The glossary index: gojūon rows by reading, then A–Z, then the rest. */
export interface GlossaryIndex {
  groups: { key: string; label: string; anchor: string; terms: TermSummary[] }[];
}

/** The /graph/ page, laid out (SVG user units). */
export interface SiteGraphView {
  width: number;
  height: number;
  /** Too many pages for the force layout: they are grouped by folder. */
  byFolder: boolean;
  edgesOmitted: number;
  linkCount: number;
  /** One SVG path of every edge drawn. */
  edgesPath: string;
  nodes: { url: string; title: string; x: number; y: number; r: number; label?: string }[];
}

export interface SiteData {
  config: Pick<SiteConfig, 'title' | 'description' | 'base' | 'site'> & { lang: Lang };
  notes: NotePage[];
  /** Pages of the other page kinds. */
  pages: FilePage[];
  tags: TagPage[];
  folders: FolderNode;
  attachments: AttachmentFile[];
  graph: GraphJson;
  /** Laid out when first read (only the /graph/ page reads it). */
  graphView: SiteGraphView;
  glossary: GlossaryIndex;
  /** Absolute path of the vault's publish.css, applied after the site's own CSS; undefined when it has none. */
  publishCss?: string;
  report: BuildReport;
}
