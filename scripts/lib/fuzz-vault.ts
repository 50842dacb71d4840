// The fuzzer of issue 16: a seed picks a vault (the sample or a fixture), mutates a few of its notes and adds a few
// files, the model builds it (buildSite, every page's HTML read, no Astro), and the checks say what went wrong: a
// crash, a case over the time bound, a file not accounted for in the report, or another note's page that changed.
// The same seed makes the same vault on every machine. Used by test/fuzz.test.ts and scripts/fuzz.ts.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { searchFields } from '../../src/site/search-fields';
import { buildSite } from '../../src/site/build';
import { KINDS } from '../../src/kinds/registry';
import { formatReport } from '../../src/site/report';
import type { SiteData } from '../../src/site/types';
import { deepBlockquote, deepList, emphasisRun, manyTags, yamlAliasBomb } from './hostile-notes';
import { type Random, seededRandom } from './prng';

const PROJECT_DIR = path.resolve(import.meta.dirname, '../..');

/** Vaults the fuzzer starts from. */
export const FUZZ_BASES = [
  'notes',
  'test/fixtures/site-vault',
  'test/fixtures/dataview-vault',
  'test/fixtures/vaults/bad-input/vault',
  'test/fixtures/vaults/glossary',
];

/** One case may take this long (the model of a 70-note vault with a few hostile notes takes seconds). */
export const CASE_BOUND_MS = 30_000;

export interface FuzzCase {
  seed: number;
  base: string;
  /** Vault paths changed, and what was done to each. */
  changes: { file: string; mutation: string }[];
}

export interface FuzzOutcome {
  fuzzCase: FuzzCase;
  ms: number;
  failures: string[];
  /** Pages compared with the unmutated build (the check is not vacuous). */
  compared: number;
}

type Mutation = (text: string, random: Random) => string;

const at = (text: string, random: Random, insert: string) => {
  const i = random.int(0, text.length);
  return text.slice(0, i) + insert + text.slice(i);
};
const scale = (random: Random) => random.pick([0.01, 0.1, 0.3, 1]);
const PUNCTUATION = ['*', '_', '~', '`', '[', ']', '(', ')', '<', '>', '#', '!', '|', '=', '$', '%', '-', '\\', '^', '&'];

/** Each turns a note's text into a hostile one; `text` may be empty. */
const MUTATIONS: Record<string, Mutation> = {
  deepBlockquote: (text, r) => at(text, r, `\n${deepBlockquote(scale(r))}\n`),
  deepList: (text, r) => at(text, r, `\n${deepList(scale(r) / 3)}\n`),
  emphasisRun: (text, r) => at(text, r, emphasisRun(scale(r))),
  punctuationRun: (text, r) =>
    at(
      text,
      r,
      Array.from({ length: r.int(1, 4) }, () => r.pick(PUNCTUATION))
        .join('')
        .repeat(r.int(100, 50_000)),
    ),
  brokenFence: (text, r) => at(text, r, r.pick(['\n```\n', '\n~~~~\n', '\n````js\n', '\n```dataview\n', '\n```mermaid\n'])),
  unbalancedBrackets: (text, r) => at(text, r, r.pick(['[[', ']]', '![[', '[', '](', '<', '<div>', '$$', '%%', '==']).repeat(r.int(1, 20_000))),
  nul: (text, r) => at(text, r, '\u0000'.repeat(r.int(1, 100))),
  bomMidFile: (text, r) => at(text, r, '\uFEFF'),
  rtlAndCombining: (text, r) => at(text, r, `\u202E\u200F${'e\u0301\u0332'.repeat(r.int(1, 5000))}\u202C`),
  hugeFrontmatter: (text, r) => {
    const keys = Array.from({ length: r.int(10, 5000) }, (_, i) => `key${i}: ${r.pick(['x', '[a, b]', '{a: 1}', '"[[Link]]"', '2024-01-01', '&a v', '*a'])}`);
    return `---\n${keys.join('\n')}\n---\n${text.replace(/^---\n[\s\S]*?\n---\n/, '')}`;
  },
  yamlAliases: (text) => yamlAliasBomb(8) + text,
  manyTags: (text, r) => at(text, r, `\n${manyTags(scale(r))}\n`),
  deepHtml: (text, r) => at(text, r, `\n${'<div>'.repeat(r.int(10, 5000))}x\n`),
  truncate: (text, r) => text.slice(0, r.int(0, text.length)),
};

/** Bytes that are not text: lone surrogates as CESU-8, stray continuation bytes, random binary. */
function binaryNote(random: Random): Buffer {
  const bytes = Buffer.alloc(random.int(1, 20_000));
  for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(0, 255);
  const surrogate = Buffer.from([0xed, 0xa0, 0x80]);
  return Buffer.concat([Buffer.from('---\n'), bytes, surrogate, Buffer.from('\n')]);
}

/** Notes a mutation may change without changing other notes' pages in ways that are right (terms link everywhere). */
function mutableNotes(vault: string): string[] {
  return listFiles(vault).filter((id) => id.endsWith('.md') && !id.startsWith('用語集/') && !/^type:\s*term/m.test(readFileSync(path.join(vault, id), 'utf8')));
}

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir))
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => {
      const id = dir ? `${dir}/${name}` : name;
      return statSync(path.join(root, id)).isDirectory() ? listFiles(root, id) : [id];
    });
}

/** Writes the case's vault into `vault` (emptied first). */
export function writeFuzzVault(seed: number, vault: string): FuzzCase {
  const random = seededRandom(seed);
  const base = random.pick(FUZZ_BASES);
  rmSync(vault, { recursive: true, force: true });
  cpSync(path.join(PROJECT_DIR, base), vault, { recursive: true });
  const changes: FuzzCase['changes'] = [];
  for (const file of random.sample(mutableNotes(vault), random.int(1, 3)).sort()) {
    const names = random.sample(Object.keys(MUTATIONS), random.int(1, 2));
    let text = readFileSync(path.join(vault, file), 'utf8');
    for (const name of names) text = MUTATIONS[name](text, random);
    writeFileSync(path.join(vault, file), text);
    changes.push({ file, mutation: names.join('+') });
  }
  for (let i = random.int(0, 2); i > 0; i--) {
    const file = `fuzz-${seed}-${i}.md`;
    if (random.chance(0.5)) {
      writeFileSync(path.join(vault, file), binaryNote(random));
      changes.push({ file, mutation: 'binary' });
    } else {
      const name = random.pick(Object.keys(MUTATIONS));
      writeFileSync(path.join(vault, file), MUTATIONS[name]('', random));
      changes.push({ file, mutation: name });
    }
  }
  return { seed, base, changes };
}

/** What each note's page shows and gives search (HTML, search fields), by note id, after reading every page and the report. */
function notePages(site: SiteData): Map<string, string> {
  for (const page of site.pages) void page.html;
  formatReport(site.report);
  // A tag's display form is the site's (its first spelling), so it may rightly change with another note: not compared.
  return new Map(site.notes.map((note) => [note.id, `${note.html}\n${JSON.stringify({ ...searchFields(note, site), tags: undefined })}`]));
}

async function buildModel(vault: string): Promise<SiteData> {
  // No browser: a mutated diagram would start one, and its notice is all a fuzz case needs.
  process.env.TSUNAGU_CHROMIUM = '/nonexistent/chromium';
  return buildSite(loadConfig(PROJECT_DIR, { TSUNAGU_VAULT: vault }), { kinds: KINDS, reserved: new Set() });
}

const baselines = new Map<string, { html: Map<string, string>; outlinks: Map<string, string[]>; urls: Map<string, string> }>();

/** The unmutated base's pages, built once per base and process. */
async function baseline(base: string, workDir: string) {
  let known = baselines.get(base);
  if (!known) {
    const vault = path.join(workDir, 'baseline');
    rmSync(vault, { recursive: true, force: true });
    cpSync(path.join(PROJECT_DIR, base), vault, { recursive: true });
    const site = await buildModel(vault);
    known = {
      html: notePages(site),
      outlinks: new Map(site.graph.notes.map((n) => [n.id, [...n.outlinks, ...n.inlinks]])),
      urls: new Map(site.notes.map((n) => [n.id, n.url])),
    };
    baselines.set(base, known);
  }
  return known;
}

/**
 * Builds case `seed` in `workDir` and checks it. The vault folder is the same for every case, so the parse cache
 * keeps the unmutated notes. `kept`: a folder of files (as a failed case left them) laid over the generated vault.
 */
export async function runFuzzCase(seed: number, workDir: string, kept?: string): Promise<FuzzOutcome> {
  mkdirSync(workDir, { recursive: true });
  const vault = path.join(workDir, 'vault');
  const fuzzCase = writeFuzzVault(seed, vault);
  if (kept) cpSync(kept, vault, { recursive: true });
  const before = await baseline(fuzzCase.base, workDir);
  const failures: string[] = [];
  let compared = 0;
  const started = performance.now();
  let site: SiteData | undefined;
  let html = new Map<string, string>();
  try {
    site = await buildModel(vault);
    html = notePages(site);
  } catch (error) {
    failures.push(`crashed: ${(error as Error).stack?.split('\n').slice(0, 4).join(' | ')}`);
  }
  const ms = Math.round(performance.now() - started);
  if (ms > CASE_BOUND_MS) failures.push(`took ${ms} ms, over the ${CASE_BOUND_MS} ms bound`);
  if (site) {
    const r = site.report;
    const accounted = r.notesPublished + r.notesSkipped.length + r.attachmentsCopied + r.attachmentsUnused.length + r.otherPages + r.otherSkipped.length;
    if (accounted !== r.filesSeen) failures.push(`report: ${r.filesSeen} files seen, ${accounted} accounted for`);
    const onDisk = listFiles(vault).length;
    if (r.filesSeen !== onDisk) failures.push(`report: ${r.filesSeen} files seen, ${onDisk} in the vault`);
    const changed = new Set(fuzzCase.changes.map((c) => c.file));
    const changedHrefs = [...changed]
      .flatMap((file) => [before.urls.get(file), site?.notes.find((n) => n.id === file)?.url])
      .filter(Boolean)
      .map((url) => `href="${url}"`);
    for (const [id, page] of before.html) {
      // A page that links to or from a changed note, or names one (a link to an unpublished note that a mutation
      // published), or lists it (a glossary term's uses), or runs a query, may rightly change with it.
      const source = readFileSync(path.join(vault, id), 'utf8');
      const names = [...changed].map((file) => path.posix.basename(file, '.md'));
      const related = changed.has(id) || (before.outlinks.get(id) ?? []).some((other) => changed.has(other)) || names.some((name) => source.includes(name));
      const lists = [page, html.get(id) ?? ''].some((shown) => changedHrefs.some((href) => shown.includes(href)));
      const queries = /dataview|```base/i.test(source);
      if (related || lists || queries) continue;
      compared++;
      if (html.get(id) !== page) failures.push(`page of ${id} changed`);
    }
  }
  return { fuzzCase, ms, failures, compared };
}
