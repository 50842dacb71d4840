// `astro dev` on a small vault: a saved note shows at once, and a saved settings file (Dataview's data.json here)
// restarts the server, which reads the settings again (they are read once, with astro.config.mjs).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWorkDir } from './helpers/build';
import { writeFiles } from './helpers/temp-dir';

const projectDir = path.resolve(import.meta.dirname, '..');
const PORT = 4417;
const work = newWorkDir();
// Outside node_modules, which the dev server's watcher ignores.
const vault = mkdtempSync(path.join(tmpdir(), 'tsunagu-dev-'));
const dataviewSettings = path.join(vault, '.obsidian/plugins/dataview/data.json');
let server: ChildProcess;

/** The note page's HTML once it has `wanted`, or the last HTML served after 60 s. */
async function pageWith(wanted: string): Promise<string> {
  let html = '';
  for (const started = Date.now(); Date.now() - started < 60_000; await sleep(250)) {
    html = await fetch(`http://127.0.0.1:${PORT}/a/`)
      .then((response) => (response.ok ? response.text() : ''))
      .catch(() => '');
    if (html.includes(wanted)) return html;
  }
  return html;
}

/** Vitest's variables (NODE_ENV=test, VITEST…) make Astro's dev server answer nothing but 404. */
const withoutVitest = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));

beforeAll(() => {
  writeFiles(vault, {
    'A.md': '# A\n\nName: `= this.file.name`.\n',
    '.obsidian/community-plugins.json': '["dataview"]',
    '.obsidian/plugins/dataview/data.json': '{}',
  });
  server = spawn(process.execPath, [path.join(projectDir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: projectDir,
    env: { ...withoutVitest(process.env), TSUNAGU_VAULT: vault, TSUNAGU_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
});

afterAll(() => {
  server.kill();
  rmSync(vault, { recursive: true, force: true });
});

describe('the dev server', () => {
  it('serves a saved note, and reads a saved data.json again (inline queries turned off show as code)', { timeout: 150_000 }, async () => {
    expect(await pageWith('dataview-inline-query')).toContain('Name: <span class="dataview dataview-inline-query"><span>A</span></span>.');

    writeFileSync(path.join(vault, 'A.md'), '# A\n\nName: `= this.file.name`, saved.\n');
    expect(await pageWith(', saved.')).toContain('<span>A</span></span>, saved.');

    writeFileSync(dataviewSettings, '{"enableInlineDataview": false}');
    expect(await pageWith('<code>= this.file.name</code>')).toContain('Name: <code>= this.file.name</code>, saved.');
  });
});
