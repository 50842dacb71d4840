// Site configuration: one YAML file (tsunagu.config.yaml) plus environment overrides.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { readVaultDataview, type VaultDataview } from './obsidian-dataview';
import { parseYamlDocuments, YamlError } from '../yaml/parse';
import { DEFAULT_LIMITS, type NoteLimits } from './limits';

export type Lang = 'ja' | 'en';
export type AutoLinkMode = 'off' | 'first' | 'all';
export type SectionsMode = 'auto' | 'always' | 'never';

export type PublishMode = 'all' | 'opt-in';

export interface SiteConfig {
  /** Absolute path of the vault. */
  vaultDir: string;
  /** Absolute path of each settings file read, in the order read (the vault's first); empty when none. */
  settingsFiles: string[];
  title: string;
  description: string;
  /** Undefined: detected from the published notes' text (see src/site/lang.ts). */
  lang?: Lang;
  /** Absolute origin the site is deployed at (for RSS, sitemap, canonical URLs); optional. */
  site?: string;
  /** Path prefix, always with leading and trailing slash: '/' or '/docs/'. */
  base: string;
  /** `all`: every note unless it opts out; `opt-in`: only notes with `publish: true`. */
  publish: PublishMode;
  /** Vault folders (vault-relative) whose notes are not published unless a note says `publish: true`. */
  excludeFolders: string[];
  /** Resolve a link that matches no file through a note's `aliases` (tsunagu's extension). */
  aliasFallback: boolean;
  /** Obsidian's "Strict line breaks": off, a single newline in a paragraph is a line break; on, a space. */
  strictLineBreaks: boolean;
  /**
   * Dataview's settings of those names: `inlineQueryPrefix` (inline code starting with it is an inline query),
   * `defaultDateFormat` / `defaultDateTimeFormat` (Luxon formats of dates at midnight / with a time); from tsunagu.yaml,
   * else the vault's own Dataview settings. `inlineQueryPrefix` is empty and `inlineJs` false when the vault's
   * Obsidian has Dataview off or inline queries switched off (its inline code is then code, as Obsidian shows it).
   */
  dataview: {
    enabled: boolean;
    timeoutMs: number;
    inlineQueryPrefix: string;
    inlineJs: boolean;
    defaultDateFormat: string;
    defaultDateTimeFormat: string;
  };
  /** The vault's Obsidian files read for settings (`.obsidian/…`, there or not): inputs of the build, as settingsFiles are. */
  obsidianSettingsFiles: string[];
  glossary: { folder: string; autoLink: AutoLinkMode };
  graph: { depth: number };
  /** Built-in related/outgoing sections: `auto` leaves out those a note's own dataview block already lists. */
  sections: SectionsMode;
  /** Budgets of one note (README, "Limits"). */
  limits: NoteLimits;
  /** Diagnostics fail the build. */
  strict: boolean;
}

class ConfigError extends Error {}

/** Settings files looked for at the vault's root, first found wins. */
const VAULT_SETTINGS_FILES = ['tsunagu.yaml', 'tsunagu.config.yaml'];

const DEFAULTS = {
  vault: 'notes',
  description: '',
  base: '/',
  publish: 'all' as PublishMode,
  excludeFolders: [] as string[],
  aliasFallback: true,
  strictLineBreaks: false,
  // Dataview's own defaults.
  dataview: { enabled: true, timeoutMs: 1000, inlineQueryPrefix: '=', defaultDateFormat: 'MMMM dd, yyyy', defaultDateTimeFormat: 'h:mm a - MMMM dd, yyyy' },
  glossary: { folder: '用語集', autoLink: 'first' as AutoLinkMode },
  graph: { depth: 1 },
  sections: 'auto' as SectionsMode,
  strict: false,
};

/** Options of a vault's settings file; the project's file may also name the vault. */
const VAULT_KEYS = [
  'title',
  'description',
  'lang',
  'site',
  'base',
  'publish',
  'excludeFolders',
  'aliasFallback',
  'strictLineBreaks',
  'dataview',
  'glossary',
  'graph',
  'sections',
  'limits',
  'strict',
];
const SECTIONS: Record<string, string[]> = {
  dataview: ['enabled', 'timeoutMs', 'inlineQueryPrefix', 'defaultDateFormat', 'defaultDateTimeFormat'],
  glossary: ['folder', 'autoLink'],
  graph: ['depth'],
  limits: Object.keys(DEFAULT_LIMITS),
};

interface SettingsSource {
  file: string;
  raw: Record<string, unknown>;
}

/**
 * Settings, strongest first: the command line and TSUNAGU_* variables (vault, strict), the vault's own
 * tsunagu.yaml, then the project's tsunagu.config.yaml (or TSUNAGU_CONFIG), which holds defaults for every
 * vault. Throws ConfigError naming the file and option.
 */
export function loadConfig(projectDir: string, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): SiteConfig {
  const projectFile = env.TSUNAGU_CONFIG ? path.resolve(projectDir, expandHome(env.TSUNAGU_CONFIG)) : path.join(projectDir, 'tsunagu.config.yaml');
  const project: SettingsSource = { file: projectFile, raw: readConfigFile(projectFile, Boolean(env.TSUNAGU_CONFIG)) };
  const projectWhere = whereIn(projectDir, projectFile);
  rejectUnknownKeys(project.raw, new Set(['vault', ...VAULT_KEYS]), projectWhere);
  const vault = vaultArgument(argv) || env.TSUNAGU_VAULT || str(project.raw, 'vault', projectWhere) || DEFAULTS.vault;
  const vaultDir = path.resolve(projectDir, expandHome(vault));
  if (!existsSync(vaultDir))
    throw new ConfigError(`The vault folder ${vaultDir} does not exist. Pass it as \`npm run build -- --vault <folder>\`, or set TSUNAGU_VAULT.`);
  const vaultFile = VAULT_SETTINGS_FILES.map((name) => path.join(vaultDir, name)).find((file) => existsSync(file));
  const sources: SettingsSource[] = [];
  if (vaultFile) {
    const raw = readConfigFile(vaultFile, true);
    rejectUnknownKeys(
      raw,
      new Set(VAULT_KEYS),
      whereIn(projectDir, vaultFile),
      'vault' in raw ? ' ("vault" belongs to the command line, not to the vault)' : '',
    );
    sources.push({ file: vaultFile, raw });
  }
  if (existsSync(projectFile)) sources.push(project);
  return {
    ...fromSources(sources, projectDir, vaultDir),
    strict: env.TSUNAGU_STRICT === '1' || argv.includes('--strict') || (pick(sources, projectDir, 'strict', bool) ?? DEFAULTS.strict),
  };
}

function fromSources(sources: SettingsSource[], projectDir: string, vaultDir: string): Omit<SiteConfig, 'strict'> {
  for (const source of sources) {
    for (const [section, keys] of Object.entries(SECTIONS)) obj(source.raw, section, whereIn(projectDir, source.file), keys);
  }
  const get = <T>(key: string, read: Reader<T>) => pick(sources, projectDir, key, read);
  const vaultDataview = readVaultDataview(vaultDir);
  const lang = get('lang', oneOf(['ja', 'en'], 'must be "ja" or "en"'));
  const site = get('site', (o, k, w) => {
    const value = str(o, k, w);
    if (value !== undefined && !/^https?:\/\/[^/]+/.test(value))
      throw new ConfigError(`${w(k)} must be an absolute URL such as https://example.com, not "${value}".`);
    return value;
  });
  const depth = get('graph.depth', (o, k, w) => {
    const value = num(o, k, w);
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 3)) throw new ConfigError(`${w(k)} must be 1, 2 or 3.`);
    return value;
  });
  return {
    vaultDir,
    settingsFiles: sources.map((source) => source.file),
    title: get('title', str) ?? path.basename(vaultDir),
    description: get('description', str) ?? DEFAULTS.description,
    ...(lang ? { lang: lang as Lang } : {}),
    site: site?.replace(/\/+$/, ''),
    base: normalizeBase(get('base', str) ?? DEFAULTS.base),
    publish: (get('publish', oneOf(['all', 'opt-in'], 'must be all or opt-in')) as PublishMode | undefined) ?? DEFAULTS.publish,
    excludeFolders: (get('excludeFolders', strList) ?? DEFAULTS.excludeFolders).map((f) => f.replace(/^\/+|\/+$/g, '').normalize('NFC')),
    aliasFallback: get('aliasFallback', bool) ?? DEFAULTS.aliasFallback,
    strictLineBreaks: get('strictLineBreaks', bool) ?? DEFAULTS.strictLineBreaks,
    dataview: dataviewSettings(get, vaultDataview),
    obsidianSettingsFiles: vaultDataview.files,
    glossary: {
      folder: get('glossary.folder', str) ?? DEFAULTS.glossary.folder,
      autoLink:
        (get('glossary.autoLink', oneOf(['off', 'first', 'all'], 'must be off, first or all')) as AutoLinkMode | undefined) ?? DEFAULTS.glossary.autoLink,
    },
    graph: { depth: depth ?? DEFAULTS.graph.depth },
    sections: (get('sections', oneOf(['auto', 'always', 'never'], 'must be auto, always or never')) as SectionsMode | undefined) ?? DEFAULTS.sections,
    limits: Object.fromEntries(
      (Object.keys(DEFAULT_LIMITS) as (keyof NoteLimits)[]).map((key) => [key, get(`limits.${key}`, wholeAboveZero) ?? DEFAULT_LIMITS[key]]),
    ) as unknown as NoteLimits,
  };
}

/** tsunagu.yaml's `dataview.*`, else what the vault's Dataview saved, else Dataview's defaults. */
function dataviewSettings(get: <T>(key: string, read: Reader<T>) => T | undefined, vault: VaultDataview): SiteConfig['dataview'] {
  const setPrefix = get('dataview.inlineQueryPrefix', str);
  const pluginOn = vault.pluginOn !== false;
  return {
    enabled: get('dataview.enabled', bool) ?? DEFAULTS.dataview.enabled,
    timeoutMs: get('dataview.timeoutMs', num) ?? DEFAULTS.dataview.timeoutMs,
    // A prefix set in tsunagu.yaml asks for inline queries, whatever the vault's Obsidian says.
    inlineQueryPrefix: setPrefix ?? (pluginOn && vault.enableInlineDataview !== false ? (vault.inlineQueryPrefix ?? DEFAULTS.dataview.inlineQueryPrefix) : ''),
    // Dataview's own default is off; tsunagu runs it (sandboxed) unless the vault's settings say otherwise.
    inlineJs: pluginOn && vault.enableInlineDataviewJs !== false,
    defaultDateFormat: get('dataview.defaultDateFormat', str) ?? vault.defaultDateFormat ?? DEFAULTS.dataview.defaultDateFormat,
    defaultDateTimeFormat: get('dataview.defaultDateTimeFormat', str) ?? vault.defaultDateTimeFormat ?? DEFAULTS.dataview.defaultDateTimeFormat,
  };
}

const wholeAboveZero: Reader<number> = (o, k, w) => {
  const value = num(o, k, w);
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new ConfigError(`${w(k)} must be a whole number above 0.`);
  return value;
};

/** `--vault <folder>`, `--vault=<folder>`, or the first plain argument after astro's command (`astro build ~/my-vault`). */
function vaultArgument(argv: readonly string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--vault') return args[i + 1];
    if (args[i].startsWith('--vault=')) return args[i].slice('--vault='.length);
  }
  const command = args.findIndex((arg) => ASTRO_COMMANDS.has(arg));
  if (command < 0) return undefined;
  for (let i = command + 1; i < args.length; i++) {
    if (args[i].startsWith('-')) {
      if (ASTRO_VALUE_FLAGS.has(args[i])) i++;
      continue;
    }
    return args[i];
  }
  return undefined;
}

const ASTRO_COMMANDS = new Set(['build', 'dev', 'preview']);
/** Astro's flags that take a value (the value is not a vault). */
const ASTRO_VALUE_FLAGS = new Set(['--outDir', '--mode', '--root', '--config', '--port', '--host', '--site', '--base']);

function normalizeBase(base: string): string {
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
    documents = parseYamlDocuments(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    throw new ConfigError(`${file}${error.line ? `:${error.line}` : ''}: invalid YAML (${error.message}).`);
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
type Reader<T> = (o: Record<string, unknown>, key: string, where: Where) => T | undefined;

function whereIn(projectDir: string, file: string): Where {
  const shown = path.relative(projectDir, file) || file;
  return (key) => `${shown}: "${key}"`;
}

/** The first settings file that gives `key` (`section.key` reads inside a section) decides it. */
function pick<T>(sources: SettingsSource[], projectDir: string, key: string, read: Reader<T>): T | undefined {
  const [section, inner] = key.includes('.') ? key.split('.') : [undefined, key];
  for (const source of sources) {
    const where = whereIn(projectDir, source.file);
    const o = section ? ((source.raw[section] ?? {}) as Record<string, unknown>) : source.raw;
    const value = read(o, inner, section ? (k) => where(`${section}.${k}`) : where);
    if (value !== undefined) return value;
  }
  return undefined;
}

function typed<T>(o: Record<string, unknown>, key: string, where: Where, type: string): T | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== type) throw new ConfigError(`${where(key)} must be a ${type}, not ${JSON.stringify(v)}.`);
  return v as T;
}
const str = (o: Record<string, unknown>, k: string, w: Where) => typed<string>(o, k, w, 'string');
const num = (o: Record<string, unknown>, k: string, w: Where) => typed<number>(o, k, w, 'number');
const bool = (o: Record<string, unknown>, k: string, w: Where) => typed<boolean>(o, k, w, 'boolean');
function oneOf(values: string[], rule: string): Reader<string> {
  return (o, k, w) => {
    const value = str(o, k, w);
    if (value !== undefined && !values.includes(value)) throw new ConfigError(`${w(k)} ${rule}, not "${value}".`);
    return value;
  };
}
function obj(o: Record<string, unknown>, key: string, where: Where, knownKeys: string[]): Record<string, unknown> {
  const v = typed<object>(o, key, where, 'object');
  if (Array.isArray(v)) throw new ConfigError(`${where(key)} must be a map of options.`);
  const section = (v ?? {}) as Record<string, unknown>;
  rejectUnknownKeys(section, new Set(knownKeys), (k) => where(`${key}.${k}`));
  return section;
}
function rejectUnknownKeys(o: Record<string, unknown>, known: Set<string>, where: Where, hint = ''): void {
  for (const key of Object.keys(o)) {
    if (!known.has(key)) throw new ConfigError(`${where(key)} is not a known option${hint}. Known options: ${[...known].join(', ')}.`);
  }
}
function strList(o: Record<string, unknown>, key: string, where: Where): string[] | undefined {
  const v = o[key];
  if (v == null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new ConfigError(`${where(key)} must be a list of folder names.`);
  return v;
}
