// Date arithmetic with duration strings (`"1M"`, `"2 days"`), Moment.js format tokens, and relative times, all in
// UTC wall time (how the vault model keeps author-written dates).
import { DAY_MS, DateValue, DurationValue, fail } from './values';

const UNITS: Record<string, { months?: number; ms?: number }> = {
  y: { months: 12 },
  year: { months: 12 },
  years: { months: 12 },
  M: { months: 1 },
  month: { months: 1 },
  months: { months: 1 },
  w: { ms: 7 * DAY_MS },
  week: { ms: 7 * DAY_MS },
  weeks: { ms: 7 * DAY_MS },
  d: { ms: DAY_MS },
  day: { ms: DAY_MS },
  days: { ms: DAY_MS },
  h: { ms: 3_600_000 },
  hour: { ms: 3_600_000 },
  hours: { ms: 3_600_000 },
  m: { ms: 60_000 },
  minute: { ms: 60_000 },
  minutes: { ms: 60_000 },
  s: { ms: 1000 },
  second: { ms: 1000 },
  seconds: { ms: 1000 },
  ms: { ms: 1 },
};
const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** `"1M"`, `"2 days"`, `"1y 2w"`, `"-3d"`, ISO `P1DT2H`; case matters for `M` (month) and `m` (minute). */
export function parseDuration(text: string): DurationValue {
  const s = text.trim();
  const iso = ISO_DURATION.exec(s);
  if (iso && s !== 'P') {
    const [y, mo, w, d, h, mi, sec] = iso.slice(1).map((x) => Number(x ?? 0));
    return new DurationValue(y * 12 + mo, ((w * 7 + d) * 24 * 60 * 60 + h * 3600 + mi * 60 + sec) * 1000);
  }
  let months = 0;
  let ms = 0;
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[-+]\s*/, '');
  const part = /(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*,?\s*/y;
  let at = 0;
  while (at < body.length) {
    part.lastIndex = at;
    const m = part.exec(body);
    const unit = m && (UNITS[m[2]] ?? UNITS[m[2].toLowerCase() === 'm' ? m[2] : m[2].toLowerCase()]);
    if (!m || !unit) fail(`“${text}” is not a duration (write e.g. "1d", "2 weeks", "1M")`);
    months += (unit.months ?? 0) * Number(m[1]);
    ms += (unit.ms ?? 0) * Number(m[1]);
    at = part.lastIndex;
  }
  if (at === 0) fail(`“${text}” is not a duration (write e.g. "1d", "2 weeks", "1M")`);
  return new DurationValue(sign * months, sign * ms);
}

/** Months are added on the calendar (Jan 31 + 1M = Feb 28/29, as Moment does), then the exact part. */
export function addDuration(date: DateValue, d: DurationValue, sign: 1 | -1): DateValue {
  let ms = date.ms;
  if (d.months) {
    const t = new Date(ms);
    const targetMonth = t.getUTCMonth() + sign * d.months;
    const wholeMonth = Math.trunc(targetMonth);
    const firstOfTarget = Date.UTC(t.getUTCFullYear(), wholeMonth, 1);
    const daysInTarget = new Date(Date.UTC(t.getUTCFullYear(), wholeMonth + 1, 0)).getUTCDate();
    const day = Math.min(t.getUTCDate(), daysInTarget);
    ms = firstOfTarget + (day - 1) * DAY_MS + (ms % DAY_MS >= 0 ? ms % DAY_MS : (ms % DAY_MS) + DAY_MS);
  }
  ms += sign * d.ms;
  return new DateValue(ms, date.hasTime || d.ms % DAY_MS !== 0);
}

export function startOfDay(d: DateValue): DateValue {
  return new DateValue(Math.floor(d.ms / DAY_MS) * DAY_MS, false);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS = /\[([^\]]*)\]|YYYY|YY|Q|MMMM|MMM|MM|M|Do|DDDD|DD|D|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|A|a|X|x|Z|ZZ/g;

/** Moment.js tokens (Bases' `format()`), in English as Moment's default locale. */
export function formatMoment(date: DateValue, format: string): string {
  const t = new Date(date.ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = t.getUTCHours();
  const day = t.getUTCDate();
  return format.replace(TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY':
        return String(t.getUTCFullYear());
      case 'YY':
        return pad(t.getUTCFullYear() % 100);
      case 'Q':
        return String(Math.floor(t.getUTCMonth() / 3) + 1);
      case 'MMMM':
        return MONTHS[t.getUTCMonth()];
      case 'MMM':
        return MONTHS[t.getUTCMonth()].slice(0, 3);
      case 'MM':
        return pad(t.getUTCMonth() + 1);
      case 'M':
        return String(t.getUTCMonth() + 1);
      case 'Do':
        return `${day}${ordinal(day)}`;
      case 'DDDD':
        return pad(Math.floor((date.ms - Date.UTC(t.getUTCFullYear(), 0, 1)) / DAY_MS) + 1, 3);
      case 'DD':
        return pad(day);
      case 'D':
        return String(day);
      case 'dddd':
        return WEEKDAYS[t.getUTCDay()];
      case 'ddd':
        return WEEKDAYS[t.getUTCDay()].slice(0, 3);
      case 'dd':
        return WEEKDAYS[t.getUTCDay()].slice(0, 2);
      case 'd':
        return String(t.getUTCDay());
      case 'HH':
        return pad(h);
      case 'H':
        return String(h);
      case 'hh':
        return pad(h % 12 || 12);
      case 'h':
        return String(h % 12 || 12);
      case 'mm':
        return pad(t.getUTCMinutes());
      case 'm':
        return String(t.getUTCMinutes());
      case 'ss':
        return pad(t.getUTCSeconds());
      case 's':
        return String(t.getUTCSeconds());
      case 'SSS':
        return pad(t.getUTCMilliseconds(), 3);
      case 'A':
        return h < 12 ? 'AM' : 'PM';
      case 'a':
        return h < 12 ? 'am' : 'pm';
      case 'X':
        return String(Math.floor(date.ms / 1000));
      case 'x':
        return String(date.ms);
      case 'ZZ':
        return '+0000';
      default:
        return '+00:00';
    }
  });
}

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** "3 days ago", "in 2 months" against the build's clock, in the site's language. */
export function relativeTime(date: DateValue, now: number, locale: string): string {
  const diff = date.ms - now;
  const abs = Math.abs(diff);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * DAY_MS],
    ['month', 30 * DAY_MS],
    ['week', 7 * DAY_MS],
    ['day', DAY_MS],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, size] of steps) if (abs >= size) return format.format(Math.round(diff / size), unit);
  return format.format(Math.round(diff / 1000), 'second');
}
