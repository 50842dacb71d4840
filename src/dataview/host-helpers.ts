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
