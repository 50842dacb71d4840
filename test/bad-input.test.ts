// A vault of broken inputs builds: every note that can be published is, each problem is one diagnostic with file
// and line, the report's counts add up, and --strict turns diagnostics into a failing build.
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type BuiltSite } from './helpers/build';

const fixture = path.resolve(import.meta.dirname, 'fixtures/vaults/bad-input/vault');

/** The fixture plus what is too big to commit (a 5 MB note, a 10,000-line list) or breaks case-insensitive checkouts. */
function vaultCopy(): string {
  const vault = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-bad-input-')), 'vault');
  cpSync(fixture, vault, { recursive: true });
  const paragraph = 'A long paragraph of a very large note, repeated until the file holds five megabytes. '.repeat(20);
  writeFileSync(path.join(vault, 'Big note.md'), `# Big note\n\n${`${paragraph}\n\n`.repeat(Math.ceil(5_000_000 / (paragraph.length + 2)))}`);
  writeFileSync(path.join(vault, 'Long list.md'), Array.from({ length: 10_000 }, (_, i) => `- item ${i + 1}`).join('\n'));
  writeFileSync(path.join(vault, 'readme.md'), 'Lower case name.\n');
  writeFileSync(path.join(vault, 'README.md'), 'Upper case name.\n');
  // Ways out of the vault: a symbolic link to a file outside, an embed and a link that climb above the vault.
  symlinkSync('/etc/passwd', path.join(vault, 'outside.md'));
  writeFileSync(path.join(vault, 'Escape.md'), 'Embed ![[../../etc/passwd]] and [link](../../../etc/passwd).\n');
  return vault;
}

let vault: string;
let site: BuiltSite;
let strict: { code?: number; stdout: string; stderr: string };

beforeAll(async () => {
  vault = vaultCopy();
  [site, strict] = await Promise.all([
    buildVault(vault),
    buildVault(vault, { TSUNAGU_STRICT: '1' }).then(
      () => ({ stdout: '', stderr: '' }),
      (error: { code?: number; stdout: string; stderr: string }) => error,
    ),
  ]);
}, 180_000);

const diagnostics = () => site.log.split('\n').filter((line) => /^\s+(warning|error): /.test(line));

describe('a vault of broken inputs', () => {
  it('publishes every note that can be published', () => {
    const pages = [
      'frontmatter/malformed-yaml/',
      'frontmatter/unterminated/',
      'frontmatter/not-a-map/',
      'frontmatter/scalar/',
      'encoding/invalid-utf-8/',
      'encoding/bom/',
      'encoding/crlf/',
      'empty/',
      'whitespace-only/',
      'big-note/',
      'long-list/',
      'deep-quotes/',
      'self-link/',
      'embed-a/',
      'embed-b/',
      'one/same/',
      'two/same/',
      'digit-tag/',
      'duplicate-aliases/',
      'alias-twin/',
      'unknown-callout/',
      // The vault's top Index.md is its home page, as Quartz's index.md is.
      '',
    ];
    for (const page of pages) expect(site.exists(page), page).toBe(true);
    const graph = JSON.parse(site.read('graph.json')) as { notes: { id: string }[] };
    expect(graph.notes.length).toBe(31);
  });

  it('reads BOM and CRLF files as Obsidian does', () => {
    expect(site.read('encoding/bom/')).toContain('<title>BOM title');
    expect(site.read('encoding/crlf/')).toContain('<title>CRLF title');
    expect(site.read('encoding/crlf/')).toMatch(/<h1 id="crlf-heading">CRLF heading<\/h1>/);
  });

  it('links to names with spaces, #, %, &, emoji and Japanese work', () => {
    const index = site.read('');
    const hrefs = [...index.matchAll(/<a class="internal-link" href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    for (const page of ['with-space', 'c', '100', 'tom-jerry', '🎉-party', '日本語のノート']) expect(hrefs, page).toContain(`/names/${page}/`);
  });

  it('stops the embed cycle and keeps the deep quote and the big note', () => {
    expect(site.read('embed-a/')).toContain('embed-cycle');
    expect(site.read('deep-quotes/')).toContain('deep quote');
    expect(site.read('long-list/')).toContain('item 10000');
    expect(site.read('big-note/').length).toBeGreaterThan(5_000_000);
  });

  it('gives one diagnostic per problem, with file and line', () => {
    const lines = diagnostics();
    for (const expected of [
      /frontmatter\/Malformed YAML\.md:\d+: .*invalid YAML/,
      /frontmatter\/Unterminated\.md:1: .*never closed/,
      /frontmatter\/Not a map\.md:2: .*not a list of properties/,
      /frontmatter\/Scalar\.md:2: .*not a list of properties/,
      /encoding\/Invalid UTF-8\.md:2: .*not valid UTF-8/,
      /names\/C#\.md: has "#" in its name/,
      /readme\.md: differs from README\.md only in case/,
      /Digit tag\.md:\d+: has the tag "2024", which is all digits/,
      /Duplicate aliases\.md:2: lists the alias "Dup" twice/,
      /Duplicate aliases\.md: has the alias "Shared alias", which Alias twin\.md has too/,
      /Unknown callout\.md:1: has a callout of unknown type "nonsense"/,
      /Embed B\.md:1: embeds Embed A\.md, which leads back here/,
    ])
      expect(
        lines.filter((line) => expected.test(line)),
        String(expected),
      ).toHaveLength(1);
    for (const line of lines) expect(line, 'names a file').toMatch(/^\s+(warning|error): [^:]+(:\d+)?: /);
  });

  it('never reads or copies a file outside the vault', () => {
    const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0];
    for (const file of site.files()) expect(readFileSync(path.join(site.outDir, file), 'latin1').includes(passwd), file).toBe(false);
    expect(site.files().some((f) => f.startsWith('attachments/'))).toBe(false);
    expect(site.log).toMatch(/warning: outside\.md: is a symbolic link to a place outside the vault/);
    expect(site.log).toMatch(/Escape\.md:1: \[\[\.\.\/\.\.\/etc\/passwd\]\] matches no note/);
  });

  it('accounts for every file in the report', () => {
    const counts = /(\d+) files seen = (\d+) notes published \+ (\d+) notes skipped \+ (\d+) attachments copied \+ (\d+) attachments unused/.exec(site.log);
    expect(counts).not.toBeNull();
    const [seen, ...parts] = counts!.slice(1).map(Number);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(seen);
    expect(seen).toBe(31);
  });

  it('fails with --strict (TSUNAGU_STRICT=1) when there are diagnostics', () => {
    expect(strict.code).toBe(1);
    expect(strict.stdout + strict.stderr).toMatch(/--strict: \d+ diagnostics/);
  });
});
