// The two pure functions the sandbox may call on the host: a zone offset for dates, and ICU collation for
// localeCompare (Obsidian's Chromium has both; QuickJS has neither).

/** Minutes east of UTC in `timeZone` (or the build machine's zone) at instant `ts`. */
export function zoneOffsetFunction(timeZone: string | undefined): (ts: number) => number {
  if (!timeZone) return (ts) => -new Date(ts).getTimezoneOffset();
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ts) => {
    if (!Number.isFinite(ts)) return 0;
    const parts = Object.fromEntries(format.formatToParts(ts).map((p) => [p.type, Number(p.value)]));
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return Math.round((wall - Math.floor(ts / 1000) * 1000) / 60000);
  };
}

export function collateFunction(locale: string | undefined): (a: string, b: string) => number {
  return new Intl.Collator(locale).compare;
}

/**
 * Each string's rank in collation order (strings the collator finds equal share one), so that the sandbox compares
 * strings it knows (page paths and names) without a host call: comparing ranks gives what `collate` gives.
 */
export function collationRanks(strings: Iterable<string>, collate: (a: string, b: string) => number): Map<string, number> {
  const sorted = [...new Set(strings)].sort(collate);
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((text, i) => {
    if (i > 0 && collate(sorted[i - 1], text) !== 0) rank++;
    ranks.set(text, rank);
  });
  return ranks;
}
