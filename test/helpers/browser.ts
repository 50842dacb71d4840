// Browser tests: a static server for a built dist/ (as a static host serves it, under `base`) and Debian's Chromium
// driven by playwright-core. Nothing is fetched from the network.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_PATH = process.env.TSUNAGU_CHROMIUM || '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  /** Origin + base, ending in '/': `http://127.0.0.1:PORT/base/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` at `base` on 127.0.0.1 (a free port): directories by index.html, unknown paths by 404.html. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = pathname.startsWith(base) ? path.join(dir, pathname.slice(base.length)) : undefined;
    if (file && !file.startsWith(dir)) file = undefined;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const found = file !== undefined && existsSync(file);
    const served = found ? file! : path.join(dir, '404.html');
    response.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[path.extname(served).toLowerCase()] ?? 'application/octet-stream' });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * For a describe block: `dir()` (read when the block starts, after the build) served as a static host serves it, and a
 * Chromium, both closed after the block. Read `server` and `browser` inside the tests.
 */
export function inChromium(dir: () => string, base = '/'): { readonly server: StaticServer; readonly browser: Browser } {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(dir(), base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}
