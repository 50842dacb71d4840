import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { loadConfig } from './config';

const tempDir = useTempDirs('tsunagu-config-');
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A project folder with a `notes` vault and, if given, a tsunagu.config.yaml. */
function project(configYaml?: string): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'notes'));
  if (configYaml !== undefined) writeFileSync(path.join(dir, 'tsunagu.config.yaml'), configYaml);
  return dir;
}

/** The error loadConfig stops with (each test checks its message). */
function configError(dir: string, env: NodeJS.ProcessEnv = {}): Error {
  try {
    loadConfig(dir, env, []);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  test('defaults without a config file', () => {
    const dir = project();
    expect(loadConfig(dir, {}, [])).toEqual({
      vaultDir: path.join(dir, 'notes'),
      settingsFiles: [],
      title: 'notes',
      description: '',
      site: undefined,
      base: '/',
      publish: 'all',
      excludeFolders: [],
      aliasFallback: true,
      strictLineBreaks: false,
      dataview: {
        enabled: true,
        timeoutMs: 1000,
        inlineQueryPrefix: '=',
        inlineJs: true,
        defaultDateFormat: 'MMMM dd, yyyy',
        defaultDateTimeFormat: 'h:mm a - MMMM dd, yyyy',
      },
      obsidianSettingsFiles: ['community-plugins.json', 'plugins/dataview/data.json'].map((file) => path.join(dir, 'notes', '.obsidian', file)),
      glossary: { folder: '用語集', autoLink: 'first' },
      graph: { depth: 1 },
      sections: 'auto',
      limits: { noteSize: 10_000_000, depth: 100, inlineMarks: 500, tags: 500, parseMs: 10_000, yamlAliases: 100 },
      strict: false,
    });
  });

  describe("the vault's own Dataview settings (.obsidian)", () => {
    const vaultWith = (files: Record<string, unknown>, yamlText?: string) => {
      const dir = project(yamlText);
      for (const [file, json] of Object.entries(files)) {
        const at = path.join(dir, 'notes', '.obsidian', file);
        mkdirSync(path.dirname(at), { recursive: true });
        writeFileSync(at, typeof json === 'string' ? json : JSON.stringify(json));
      }
      return loadConfig(dir, {}, []).dataview;
    };

    test('Dataview not among the community plugins: inline code stays code (no inline DQL, no inline JavaScript)', () => {
      expect(vaultWith({ 'community-plugins.json': ['obsidian-git'] })).toMatchObject({ enabled: true, inlineQueryPrefix: '', inlineJs: false });
      expect(vaultWith({ 'community-plugins.json': ['dataview'] })).toMatchObject({ inlineQueryPrefix: '=', inlineJs: true });
    });

    test("Dataview's saved settings: prefix, inline switches and date formats; tsunagu.yaml's dataview.* wins", () => {
      const saved = {
        'community-plugins.json': ['dataview'],
        'plugins/dataview/data.json': { inlineQueryPrefix: '=>', enableInlineDataviewJs: false, defaultDateFormat: 'yyyy-MM-dd' },
      };
      expect(vaultWith(saved)).toMatchObject({ inlineQueryPrefix: '=>', inlineJs: false, defaultDateFormat: 'yyyy-MM-dd' });
      expect(vaultWith({ 'plugins/dataview/data.json': { enableInlineDataview: false } })).toMatchObject({ inlineQueryPrefix: '', inlineJs: true });
      expect(vaultWith(saved, 'dataview: { inlineQueryPrefix: "dv:", defaultDateFormat: "d.M.yyyy" }')).toMatchObject({
        inlineQueryPrefix: 'dv:',
        defaultDateFormat: 'd.M.yyyy',
      });
      expect(vaultWith({ 'community-plugins.json': ['obsidian-git'] }, 'dataview: { inlineQueryPrefix: "=" }').inlineQueryPrefix).toBe('=');
    });

    test('an unreadable settings file is as if absent', () => {
      expect(vaultWith({ 'community-plugins.json': '[not json', 'plugins/dataview/data.json': '"a string"' })).toMatchObject({
        inlineQueryPrefix: '=',
        inlineJs: true,
      });
    });
  });

  test('limits: each one can be raised, the others keep their defaults', () => {
    expect(loadConfig(project('limits: { depth: 300, tags: 2000 }'), {}).limits).toMatchObject({ depth: 300, tags: 2000, noteSize: 10_000_000 });
  });

  test.each([[''], ['# only a comment\n'], ['---\n']])('a config file without options (%j) means defaults', (yamlText) => {
    expect(loadConfig(project(yamlText), {}, []).title).toBe('notes');
  });

  test('two YAML documents in the config file are an error', () => {
    expect(configError(project('title: a\n---\ntitle: b\n')).message).toContain('holds 2 YAML documents');
  });

  test('values from the file', () => {
    const dir = project(
      [
        'title: My notes',
        'lang: en',
        'site: https://example.com/',
        'base: docs',
        'excludeFolders: [/Private/, 下書き]',
        'aliasFallback: false',
        'strictLineBreaks: true',
        'dataview: { enabled: false, timeoutMs: 50, inlineQueryPrefix: "dv:", defaultDateFormat: "yyyy年M月d日", defaultDateTimeFormat: "yyyy-MM-dd HH:mm" }',
        'glossary: { folder: Glossary, autoLink: all }',
        'graph: { depth: 3 }',
        'strict: true',
      ].join('\n'),
    );
    expect(loadConfig(dir, {}, [])).toMatchObject({
      title: 'My notes',
      lang: 'en',
      site: 'https://example.com',
      base: '/docs/',
      excludeFolders: ['Private', '下書き'],
      aliasFallback: false,
      strictLineBreaks: true,
      dataview: { enabled: false, timeoutMs: 50, inlineQueryPrefix: 'dv:', defaultDateFormat: 'yyyy年M月d日', defaultDateTimeFormat: 'yyyy-MM-dd HH:mm' },
      glossary: { folder: 'Glossary', autoLink: 'all' },
      graph: { depth: 3 },
      strict: true,
    });
  });

  describe('TSUNAGU_VAULT', () => {
    test('absolute', () => {
      const other = project();
      expect(loadConfig(project('vault: ignored'), { TSUNAGU_VAULT: path.join(other, 'notes') }, []).vaultDir).toBe(path.join(other, 'notes'));
    });

    test('relative to the project folder', () => {
      const dir = project();
      mkdirSync(path.join(dir, 'my vault'));
      expect(loadConfig(dir, { TSUNAGU_VAULT: 'my vault' }, []).vaultDir).toBe(path.join(dir, 'my vault'));
      expect(loadConfig(dir, { TSUNAGU_VAULT: './notes/' }, []).vaultDir).toBe(path.join(dir, 'notes'));
    });

    test('~ is the home folder', () => {
      const home = project();
      vi.stubEnv('HOME', home);
      expect(loadConfig(project(), { TSUNAGU_VAULT: '~/notes' }, []).vaultDir).toBe(path.join(home, 'notes'));
      expect(loadConfig(project(), { TSUNAGU_VAULT: '~' }, []).vaultDir).toBe(home);
    });

    test('a missing folder is an error naming it', () => {
      const dir = project();
      expect(configError(dir, { TSUNAGU_VAULT: 'nope' }).message).toContain(path.join(dir, 'nope'));
    });
  });

  test('vault from the file, relative to the project folder', () => {
    const dir = project('vault: notes/sub');
    mkdirSync(path.join(dir, 'notes', 'sub'));
    expect(loadConfig(dir, {}, []).vaultDir).toBe(path.join(dir, 'notes', 'sub'));
  });

  test('an unknown key is an error naming the key', () => {
    const message = configError(project('title: x\nexcludeFolder: [a]')).message;
    expect(message).toContain('tsunagu.config.yaml: "excludeFolder" is not a known option');
  });

  test('an unknown key inside a section is an error naming it', () => {
    expect(configError(project('dataview: { enable: false }')).message).toContain('"dataview.enable" is not a known option');
    expect(configError(project('glossary: { autolink: off }')).message).toContain('"glossary.autolink" is not a known option');
  });

  test.each([
    ['title: 3', '"title" must be a string, not 3'],
    ['aliasFallback: "no"', '"aliasFallback" must be a boolean, not "no"'],
    ['strictLineBreaks: 1', '"strictLineBreaks" must be a boolean'],
    ['dataview: { timeoutMs: soon }', '"dataview.timeoutMs" must be a number, not "soon"'],
    ['dataview: [a]', '"dataview" must be a map of options'],
    ['excludeFolders: Private', '"excludeFolders" must be a list of folder names'],
    ['excludeFolders: [1]', '"excludeFolders" must be a list of folder names'],
    ['lang: fr', '"lang" must be "ja" or "en", not "fr"'],
    ['site: example.com', '"site" must be an absolute URL'],
    ['glossary: { autoLink: always }', '"glossary.autoLink" must be off, first or all, not "always"'],
    ['sections: sometimes', '"sections" must be auto, always or never'],
    ['graph: { depth: 4 }', '"graph.depth" must be 1, 2 or 3'],
    ['graph: { depth: 1.5 }', '"graph.depth" must be 1, 2 or 3'],
    ['limits: { depth: 0 }', '"limits.depth" must be a whole number above 0'],
    ['limits: { nesting: 5 }', '"limits.nesting" is not a known option'],
  ])('%s → ConfigError', (yamlText, expected) => {
    expect(configError(project(yamlText)).message).toContain(expected);
  });

  test('invalid YAML names the file and line', () => {
    const dir = project('title: ok\nlang: [en\nbase: /');
    expect(configError(dir).message).toMatch(new RegExp(`^${path.join(dir, 'tsunagu.config.yaml')}:3: invalid YAML`));
  });

  test('a config file that is not a map is an error', () => {
    expect(configError(project('- a\n- b')).message).toContain('must be a YAML map of options');
  });

  test('TSUNAGU_CONFIG picks another file; a missing one is an error', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'other.yaml'), 'title: Other');
    expect(loadConfig(dir, { TSUNAGU_CONFIG: 'other.yaml' }, []).title).toBe('Other');
    expect(configError(dir, { TSUNAGU_CONFIG: 'missing.yaml' }).message).toContain('missing.yaml, which does not exist');
  });

  test('TSUNAGU_STRICT=1 turns strict on', () => {
    expect(loadConfig(project(), { TSUNAGU_STRICT: '1' }, []).strict).toBe(true);
    expect(loadConfig(project(), { TSUNAGU_STRICT: '0' }, []).strict).toBe(false);
  });
});

describe('settings beside the notes', () => {
  /** A project whose `notes` vault holds `vaultYaml` in `name`. */
  function vaultProject(vaultYaml: string, projectYaml?: string, name = 'tsunagu.yaml'): string {
    const dir = project(projectYaml);
    writeFileSync(path.join(dir, 'notes', name), vaultYaml);
    return dir;
  }

  test("the vault's file is read first; the project's file fills in what it leaves out", () => {
    const dir = vaultProject('title: Vault title\nglossary: { autoLink: all }\n', 'title: Project title\nbase: /docs/\nglossary: { folder: Terms }\n');
    const config = loadConfig(dir, {}, []);
    expect(config).toMatchObject({ title: 'Vault title', base: '/docs/', glossary: { folder: 'Terms', autoLink: 'all' } });
    expect(config.settingsFiles).toEqual([path.join(dir, 'notes', 'tsunagu.yaml'), path.join(dir, 'tsunagu.config.yaml')]);
  });

  test('tsunagu.config.yaml at the vault root works too; tsunagu.yaml wins over it', () => {
    const dir = vaultProject('title: Long name\n', undefined, 'tsunagu.config.yaml');
    expect(loadConfig(dir, {}, []).title).toBe('Long name');
    writeFileSync(path.join(dir, 'notes', 'tsunagu.yaml'), 'title: Short name\n');
    expect(loadConfig(dir, {}, []).title).toBe('Short name');
  });

  test("an unknown option or a wrong type in the vault's file stops the build naming file and option", () => {
    expect(configError(vaultProject('titel: x\n')).message).toContain(`${path.join('notes', 'tsunagu.yaml')}: "titel" is not a known option`);
    expect(configError(vaultProject('graph: { depth: 9 }\n')).message).toContain('"graph.depth" must be 1, 2 or 3');
    expect(configError(vaultProject('vault: elsewhere\n')).message).toContain('"vault" belongs to the command line');
  });

  test('title defaults to the vault folder, lang to detection (undefined), description to none', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'My Vault'));
    const config = loadConfig(dir, { TSUNAGU_VAULT: 'My Vault' }, []);
    expect(config.title).toBe('My Vault');
    expect(config.lang).toBeUndefined();
    expect(config.description).toBe('');
  });

  test('publish: opt-in, and nothing else', () => {
    expect(loadConfig(vaultProject('publish: opt-in\n'), {}, []).publish).toBe('opt-in');
    expect(configError(vaultProject('publish: some\n')).message).toContain('"publish" must be all or opt-in, not "some"');
  });
});

describe('the vault on the command line', () => {
  test.each([
    [['node', 'astro', 'build', '--vault', 'v'], 'v'],
    [['node', 'astro', 'build', '--vault=v'], 'v'],
    [['node', 'astro', 'build', 'v'], 'v'],
    [['node', 'astro', 'build', '--outDir', 'out', 'v', '--strict'], 'v'],
    [['node', 'astro', 'dev', '--port', '4000'], 'notes'],
    [['node', 'astro', 'build', '--strict'], 'notes'],
    [['node', 'vitest', 'run'], 'notes'],
  ])('%j → %s', (argv, expected) => {
    const dir = project();
    mkdirSync(path.join(dir, 'v'));
    expect(loadConfig(dir, {}, argv).vaultDir).toBe(path.join(dir, expected));
  });

  test('beats TSUNAGU_VAULT', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'other'));
    expect(loadConfig(dir, { TSUNAGU_VAULT: 'notes' }, ['node', 'astro', 'build', '--vault', 'other']).vaultDir).toBe(path.join(dir, 'other'));
  });
});

describe('the base path', () => {
  test.each([
    ['', '/'],
    ['/', '/'],
    ['docs', '/docs/'],
    ['/docs', '/docs/'],
    ['docs/', '/docs/'],
    ['//a/b//', '/a/b/'],
    [' docs ', '/docs/'],
  ])('%j → %s', (base, expected) => {
    expect(loadConfig(project(`base: ${JSON.stringify(base)}\n`), {}, []).base).toBe(expected);
  });
});
