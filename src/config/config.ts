// Site configuration: one YAML file (tsunagu.config.yaml) plus environment overrides.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { loadAll as loadAllYaml } from 'js-yaml';

export type Lang = 'ja' | 'en';
export type AutoLinkMode = 'off' | 'first' | 'all';
export type SectionsMode = 'auto' | 'always' | 'never';

export interface SiteConfig {
  /** Absolute path of the vault. */
  vaultDir: string;
  title: string;
  description: string;
  lang: Lang;
  /** Absolute origin the site is deployed at (for RSS, sitemap, canonical URLs); optional. */
  site?: string;
  /** Path prefix, always with leading and trailing slash: '/' or '/docs/'. */
  base: string;
  /** Vault folders (vault-relative) whose notes are not published unless a note says `publish: true`. */
  excludeFolders: string[];
  /** Resolve a link that matches no file through a note's `aliases` (tsunagu's extension). */
  aliasFallback: boolean;
  dataview: { enabled: boolean; timeoutMs: number };
  glossary: { folder: string; autoLink: AutoLinkMode };
  graph: { depth: number };
  /** Built-in related/outgoing sections: `auto` leaves out those a note's own dataview block already lists. */
  sections: SectionsMode;
  /** Diagnostics fail the build. */
  strict: boolean;
}

export class ConfigError extends Error {}

const DEFAULTS = {
  vault: 'notes',
  title: 'tsunagu',
  description: '',
  lang: 'ja' as Lang,
  base: '/',
  excludeFolders: [] as string[],
  aliasFallback: true,
  dataview: { enabled: true, timeoutMs: 1000 },
  glossary: { folder: '用語集', autoLink: 'first' as AutoLinkMode },
  graph: { depth: 1 },
  sections: 'auto' as SectionsMode,
  strict: false,
};

const KNOWN_KEYS = new Set([
  'vault',
  'title',
  'description',
  'lang',
  'site',
  'base',
  'excludeFolders',
  'aliasFallback',
  'dataview',
  'glossary',
  'graph',
  'sections',
  'strict',
]);

/** Reads the config file (if any) and the environment; throws ConfigError naming the file and key. */
export function loadConfig(projectDir: string, env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const file = env.TSUNAGU_CONFIG ? path.resolve(projectDir, expandHome(env.TSUNAGU_CONFIG)) : path.join(projectDir, 'tsunagu.config.yaml');
  const raw = readConfigFile(file, Boolean(env.TSUNAGU_CONFIG));
  const where = (key: string) => `${path.relative(projectDir, file) || file}: "${key}"`;
  rejectUnknownKeys(raw, KNOWN_KEYS, where);
  const vault = env.TSUNAGU_VAULT || str(raw, 'vault', where) || DEFAULTS.vault;
  const vaultDir = path.resolve(projectDir, expandHome(vault));
  if (!existsSync(vaultDir))
    throw new ConfigError(`The vault folder ${vaultDir} does not exist. Set TSUNAGU_VAULT or "vault" in ${path.basename(file)} to your vault's folder.`);
  const lang = str(raw, 'lang', where) ?? DEFAULTS.lang;
  if (lang !== 'ja' && lang !== 'en') throw new ConfigError(`${where('lang')} must be "ja" or "en", not "${lang}".`);
  const site = str(raw, 'site', where);
  if (site !== undefined && !/^https?:\/\/[^/]+/.test(site))
    throw new ConfigError(`${where('site')} must be an absolute URL such as https://example.com, not "${site}".`);
  const dataview = obj(raw, 'dataview', where, ['enabled', 'timeoutMs']);
  const glossary = obj(raw, 'glossary', where, ['folder', 'autoLink']);
  const graph = obj(raw, 'graph', where, ['depth']);
  const autoLink = str(glossary, 'autoLink', (k) => where(`glossary.${k}`)) ?? DEFAULTS.glossary.autoLink;
  if (!['off', 'first', 'all'].includes(autoLink)) throw new ConfigError(`${where('glossary.autoLink')} must be off, first or all, not "${autoLink}".`);
  const depth = num(graph, 'depth', (k) => where(`graph.${k}`)) ?? DEFAULTS.graph.depth;
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new ConfigError(`${where('graph.depth')} must be 1, 2 or 3.`);
  const sections = str(raw, 'sections', where) ?? DEFAULTS.sections;
  if (!['auto', 'always', 'never'].includes(sections)) throw new ConfigError(`${where('sections')} must be auto, always or never, not "${sections}".`);
  return {
    vaultDir,
    title: str(raw, 'title', where) ?? DEFAULTS.title,
    description: str(raw, 'description', where) ?? DEFAULTS.description,
    lang,
    site: site?.replace(/\/+$/, ''),
    base: normalizeBase(str(raw, 'base', where) ?? DEFAULTS.base),
    excludeFolders: strList(raw, 'excludeFolders', where).map((f) => f.replace(/^\/+|\/+$/g, '').normalize('NFC')),
    aliasFallback: bool(raw, 'aliasFallback', where) ?? DEFAULTS.aliasFallback,
    dataview: {
      enabled: bool(dataview, 'enabled', (k) => where(`dataview.${k}`)) ?? DEFAULTS.dataview.enabled,
      timeoutMs: num(dataview, 'timeoutMs', (k) => where(`dataview.${k}`)) ?? DEFAULTS.dataview.timeoutMs,
    },
    glossary: { folder: str(glossary, 'folder', (k) => where(`glossary.${k}`)) ?? DEFAULTS.glossary.folder, autoLink: autoLink as AutoLinkMode },
    graph: { depth },
    sections: sections as SectionsMode,
    strict: env.TSUNAGU_STRICT === '1' || process.argv.includes('--strict') || (bool(raw, 'strict', where) ?? DEFAULTS.strict),
  };
}

export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function readConfigFile(file: string, required: boolean): Record<string, unknown> {
  if (!existsSync(file)) {
    if (required) throw new ConfigError(`TSUNAGU_CONFIG points at ${file}, which does not exist.`);
    return {};
  }
  let documents: unknown[];
  try {
    // loadAll, because js-yaml 5's load throws on a file that is empty or holds only comments.
    documents = loadAllYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    throw new ConfigError(`${file}${mark ? `:${mark.line + 1}` : ''}: invalid YAML (${(error as Error).message.split('\n')[0]}).`);
  }
  if (documents.length > 1) throw new ConfigError(`${file}: holds ${documents.length} YAML documents (separated by ---); keep one.`);
  const parsed = documents[0];
  if (parsed == null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`${file}: must be a YAML map of options.`);
  return parsed as Record<string, unknown>;
}

function expandHome(p: string): string {
  if (p === '~') return homedir();
  return p.startsWith('~/') ? path.join(homedir(), p.slice(2)) : p;
}

type Where = (key: string) => string;
function typed<T>(o: Record<string, unknown>, key: string, where: Where, type: string): T | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== type) throw new ConfigError(`${where(key)} must be a ${type}, not ${JSON.stringify(v)}.`);
  return v as T;
}
const str = (o: Record<string, unknown>, k: string, w: Where) => typed<string>(o, k, w, 'string');
const num = (o: Record<string, unknown>, k: string, w: Where) => typed<number>(o, k, w, 'number');
const bool = (o: Record<string, unknown>, k: string, w: Where) => typed<boolean>(o, k, w, 'boolean');
function obj(o: Record<string, unknown>, key: string, where: Where, knownKeys: string[]): Record<string, unknown> {
  const v = typed<object>(o, key, where, 'object');
  if (Array.isArray(v)) throw new ConfigError(`${where(key)} must be a map of options.`);
  const section = (v ?? {}) as Record<string, unknown>;
  rejectUnknownKeys(section, new Set(knownKeys), (k) => where(`${key}.${k}`));
  return section;
}
function rejectUnknownKeys(o: Record<string, unknown>, known: Set<string>, where: Where): void {
  for (const key of Object.keys(o)) {
    if (!known.has(key)) throw new ConfigError(`${where(key)} is not a known option. Known options: ${[...known].join(', ')}.`);
  }
}
function strList(o: Record<string, unknown>, key: string, where: Where): string[] {
  const v = o[key];
  if (v == null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new ConfigError(`${where(key)} must be a list of folder names.`);
  return v;
}
