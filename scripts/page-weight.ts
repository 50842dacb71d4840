// What a reader downloads: HTML, CSS and JS of note pages before any interaction (uncompressed and gzip), the
// whole dist/ and the Pagefind index. Targets: a note page ≤ 20 KB gzip of HTML+CSS, 0 KB of JS before interaction.
// Run after a build: npx node scripts/page-weight.ts [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_HTML_CSS_GZIP = 20 * 1024;
const dist = path.resolve(process.argv[2] ?? 'dist');

interface Weight {
  raw: number;
  gzip: number;
}
interface PageWeight {
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  inlineJs: number;
}

const files = listFiles(dist);
const notePages = files.filter((f) => f.endsWith('index.html')).filter((f) => readFileSync(f, 'utf8').includes('class="note-title"'));
if (notePages.length === 0) throw new Error(`no note pages in ${dist}: build first (npm run build)`);

const weights = notePages.map(pageWeight).sort((a, b) => a.html.gzip + a.css.gzip - (b.html.gzip + b.css.gzip));
const median = weights[Math.floor(weights.length / 2)];
const largest = weights[weights.length - 1];

console.log(`Note pages: ${weights.length}`);
for (const [label, w] of [
  ['median', median],
  ['largest', largest],
] as const) {
  const htmlCss = w.html.gzip + w.css.gzip;
  console.log(
    `  ${label} (${w.page}): HTML ${kb(w.html.raw)} (${kb(w.html.gzip)} gzip) + CSS ${kb(w.css.raw)} (${kb(w.css.gzip)} gzip) = ${kb(htmlCss)} gzip ${htmlCss <= TARGET_HTML_CSS_GZIP ? '≤' : '>'} ${kb(TARGET_HTML_CSS_GZIP)} target`,
  );
  console.log(`    JS loaded before interaction: ${kb(w.js.raw)} (${kb(w.js.gzip)} gzip); inline script ${kb(w.inlineJs)}`);
}
console.log(`dist/: ${kb(sum(files))} in ${files.length} files`);
const pagefind = files.filter((f) => f.startsWith(path.join(dist, 'pagefind') + path.sep));
console.log(`Pagefind index: ${pagefind.length ? `${kb(sum(pagefind))} in ${pagefind.length} files` : 'none (search not built)'}`);

function pageWeight(file: string): PageWeight {
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const stylesheets = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const inlineScripts = [...text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  // Scripts that run on load: external ones, and modules that inline scripts import statically (not `import()`).
  const scripts = [
    ...[...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...inlineScripts.flatMap((code) => [...code.matchAll(/(?:^|[;\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)].map((m) => m[1])),
  ];
  return {
    page: path.relative(dist, file),
    html: weigh([html]),
    css: weigh(stylesheets.map(asset)),
    js: weigh(scripts.map(asset)),
    inlineJs: inlineScripts.reduce((n, code) => n + Buffer.byteLength(code), 0),
  };
}

/** An asset by its URL: the path after the site's base is the path under dist/. */
function asset(url: string): Buffer {
  const pathname = new URL(url, 'http://site/').pathname;
  const match = files.find((f) => pathname.endsWith(`/${path.relative(dist, f).split(path.sep).join('/')}`));
  if (!match) throw new Error(`asset ${url} is not in ${dist}`);
  return readFileSync(match);
}

function weigh(buffers: Buffer[]): Weight {
  return { raw: buffers.reduce((n, b) => n + b.length, 0), gzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = path.join(dir, entry);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function sum(list: string[]): number {
  return list.reduce((n, f) => n + statSync(f).size, 0);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
