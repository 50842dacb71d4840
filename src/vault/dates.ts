// A note's created and modified dates: frontmatter, else git history, else the file system.
import { execFileSync } from 'node:child_process';
import { property } from './properties';
import type { GitDates } from './types';

const MODIFIED_KEYS = ['updated', 'modified', 'lastmod', 'last_modified', 'datetimeUpdate', 'date_modified', 'mtime'];
const CREATED_KEYS = ['created', 'datetimeCreate', 'date', 'date_created', 'ctime'];

/** One `git log` for the whole vault: vault-relative path → first and last commit times (ms). */
export function readGitDates(vaultDir: string): Map<string, GitDates> {
  const dates = new Map<string, GitDates>();
  let log: string;
  try {
    // git names files from the repository top; git itself knows the vault's place there, symlinks resolved.
    const prefix = execFileSync('git', ['rev-parse', '--show-prefix'], { cwd: vaultDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(
      /\/?\n$/,
      '',
    );
    log = execFileSync('git', ['-c', 'core.quotepath=off', 'log', '--format=%x00%ct', '--name-only', '--no-renames', '--', '.'], {
      cwd: vaultDir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let time = 0;
    // Commit lines start with NUL, which no file name can hold (a vault may well have `@person.md`).
    for (const line of log.split('\n')) {
      if (line.startsWith('\0')) time = Number(line.slice(1)) * 1000;
      else if (line) {
        const rel = (prefix && line.startsWith(`${prefix}/`) ? line.slice(prefix.length + 1) : line).normalize('NFC');
        const seen = dates.get(rel);
        // git log lists newest first: the first time seen is the last change, the last time seen the first.
        if (seen) seen.first = time;
        else dates.set(rel, { first: time, last: time });
      }
    }
  } catch {
    // Not a git repository, or git missing: file-system times are used.
  }
  return dates;
}

export function noteDates(fm: Record<string, unknown>, git: GitDates | undefined, mtimeMs: number): { created: Date; modified: Date } {
  const modified = parseDate(property(fm, ...MODIFIED_KEYS)) ?? (git ? new Date(git.last) : new Date(mtimeMs));
  const created = parseDate(property(fm, ...CREATED_KEYS)) ?? (git ? new Date(git.first) : modified);
  return { created, modified };
}

/**
 * Dates as authors write them. A date without a zone ("2025-07-08 22:51") is read as UTC so that the site
 * shows it as written, whatever machine builds it.
 */
export function parseDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|([+-])(\d{2}):?(\d{2}))?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone, sign, zoneH, zoneM] = m;
  const wallTime = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(fraction) * 1000));
  // Date.UTC rolls 2025-02-30 over to March 2: an impossible date is not a date.
  const check = new Date(wallTime);
  const fields = [check.getUTCFullYear(), check.getUTCMonth() + 1, check.getUTCDate(), check.getUTCHours(), check.getUTCMinutes(), check.getUTCSeconds()];
  if (fields.some((field, i) => field !== Number([y, mo, d, h, mi, s][i]))) return undefined;
  const offsetMinutes = zone && zone !== 'Z' ? (sign === '-' ? -1 : 1) * (Number(zoneH) * 60 + Number(zoneM)) : 0;
  return new Date(wallTime - offsetMinutes * 60_000);
}
