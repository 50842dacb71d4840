// What the vault's own Obsidian settings say of Dataview: whether the plugin is on (`.obsidian/community-plugins.json`)
// and the settings it saved (`.obsidian/plugins/dataview/data.json`). A vault that never turned Dataview on shows
// `` `=x` `` as code in Obsidian, so its inline code must not run as queries here (the help vault's `` `==text==` ``).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface VaultDataview {
  /** The files it reads, there or not (the build's input fingerprint: creating one is a change too). */
  files: string[];
  /** False: the vault lists its community plugins and Dataview is not among them. Undefined: no such list. */
  pluginOn?: boolean;
  inlineQueryPrefix?: string;
  /** Dataview's switches of inline DQL (`` `= …` ``) and inline JavaScript (`` `$= …` ``). */
  enableInlineDataview?: boolean;
  enableInlineDataviewJs?: boolean;
  defaultDateFormat?: string;
  defaultDateTimeFormat?: string;
}

/** The vault's Obsidian config folder (Obsidian's default name; a vault may choose another, which is not read). */
const CONFIG_DIR = '.obsidian';

export function readVaultDataview(vaultDir: string): VaultDataview {
  const pluginsFile = path.join(vaultDir, CONFIG_DIR, 'community-plugins.json');
  const settingsFile = path.join(vaultDir, CONFIG_DIR, 'plugins', 'dataview', 'data.json');
  const plugins = readJson(pluginsFile);
  const settings = readJson(settingsFile);
  const saved = settings !== null && typeof settings === 'object' && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
  const text = (key: string) => (typeof saved[key] === 'string' ? { [key]: saved[key] } : {});
  const flag = (key: string) => (typeof saved[key] === 'boolean' ? { [key]: saved[key] } : {});
  return {
    files: [pluginsFile, settingsFile],
    ...(Array.isArray(plugins) ? { pluginOn: plugins.includes('dataview') } : {}),
    ...text('inlineQueryPrefix'),
    ...flag('enableInlineDataview'),
    ...flag('enableInlineDataviewJs'),
    ...text('defaultDateFormat'),
    ...text('defaultDateTimeFormat'),
  };
}

/** A file's JSON, or undefined when it is missing or unreadable (Obsidian rewrites these files; a bad one is not the author's text). */
function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
