// Sandbox module (runs inside QuickJS; see prelude.ts for how modules become its source): Dataview's value types —
// Link, a Luxon-like DateTime, Duration — and Dataview's total ordering over values.

export type ZoneOffset = (ts: number) => number;
export type LinkType = 'file' | 'header' | 'block';
export interface LinkFields {
  path: string;
  display?: string;
  subpath?: string;
  embed?: boolean;
  type?: LinkType;
}
export type DateUnits = Partial<Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond', number>>;
export type DurationUnits = Partial<Record<string, number>>;

/** Dataview's date settings and the app's locale, as the host's options give them. */
export interface DateDisplay {
  locale: string;
  dateFormat: string;
  dateTimeFormat: string;
}

export function valueTypes(zoneOffset: ZoneOffset, dateDisplay?: DateDisplay) {
  const display = dateDisplay || { locale: 'en-US', dateFormat: 'MMMM dd, yyyy', dateTimeFormat: 'h:mm a - MMMM dd, yyyy' };
  // Names as Luxon gives them in the locale (Intl's parts): Japanese months are their numbers ("MMMM dd" → "8 05").
  const japanese = /^ja\b/i.test(display.locale);
  const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const MONTHS = japanese ? ENGLISH_MONTHS.map((_m, i) => String(i + 1)) : ENGLISH_MONTHS;
  const SHORT_MONTHS = japanese ? MONTHS : MONTHS.map((m) => m.slice(0, 3));
  const WEEKDAYS = japanese
    ? ['月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日', '日曜日']
    : ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const SHORT_WEEKDAYS = japanese ? WEEKDAYS.map((w) => w.charAt(0)) : WEEKDAYS.map((w) => w.slice(0, 3));
  const MERIDIEMS = japanese ? ['午前', '午後'] : ['AM', 'PM'];
  // Luxon's toHuman: "1 day, 12 hours"; in Japanese "1 日、12 時間".
  const HUMAN_UNITS: Record<string, [string, string]> = japanese
    ? { day: ['日', '日'], hour: ['時間', '時間'], minute: ['分', '分'], second: ['秒', '秒'] }
    : { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'], second: ['second', 'seconds'] };
  const HUMAN_SEPARATOR = japanese ? '、' : ', ';

  const pad = (value: number, width: number): string => {
    let text = String(Math.abs(value));
    while (text.length < width) text = `0${text}`;
    return (value < 0 ? '-' : '') + text;
  };

  /** Epoch ms of a wall-clock time in the author's zone (two passes settle DST edges). */
  const localToMillis = (year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): number => {
    const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    const ts = wall - zoneOffset(wall) * 60000;
    return wall - zoneOffset(ts) * 60000;
  };

  const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

  /** Epoch ms of an ISO-like date string (no zone = the author's zone), or undefined. */
  const parseIsoMillis = (text: unknown): number | undefined => {
    const m = ISO_DATE.exec(String(text).trim());
    if (!m) return undefined;
    const parts = [1, 2, 3, 4, 5, 6, 7].map((i) => (m[i] === undefined ? 0 : Number(m[i])));
    const month = parts[1];
    const day = m[3] === undefined ? 1 : parts[2];
    if (month < 1 || month > 12 || day < 1 || day > 31 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return undefined;
    const ms = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3));
    if (m[8] === undefined) return localToMillis(parts[0], month, day, parts[3], parts[4], parts[5], ms);
    const wall = Date.UTC(parts[0], month - 1, day, parts[3], parts[4], parts[5], ms);
    if (m[8] === 'Z') return wall;
    const zone = /([+-])(\d{2}):?(\d{2})?/.exec(m[8])!;
    const offset = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3] || 0));
    return wall - offset * 60000;
  };

  const DATE_UNITS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

  class DateTime {
    declare ts: number;
    declare offset: number;
    declare year: number;
    declare month: number;
    declare day: number;
    declare hour: number;
    declare minute: number;
    declare second: number;
    declare millisecond: number;
    declare weekday: number;
    constructor(ts: number) {
      const offset = zoneOffset(ts);
      const wall = new Date(ts + offset * 60000);
      this.ts = ts;
      this.offset = offset;
      this.year = wall.getUTCFullYear();
      this.month = wall.getUTCMonth() + 1;
      this.day = wall.getUTCDate();
      this.hour = wall.getUTCHours();
      this.minute = wall.getUTCMinutes();
      this.second = wall.getUTCSeconds();
      this.millisecond = wall.getUTCMilliseconds();
      this.weekday = ((wall.getUTCDay() + 6) % 7) + 1;
    }
    static fromMillis(ms: unknown) {
      return new DateTime(Number(ms));
    }
    static fromJSDate(date: Date) {
      return new DateTime(date.getTime());
    }
    static now() {
      return new DateTime(Date.now());
    }
    static utc(year?: number, month?: number, day?: number, hour?: number, minute?: number, second?: number, millisecond?: number) {
      if (year === undefined) return new DateTime(Date.now());
      return new DateTime(Date.UTC(year, (month || 1) - 1, day || 1, hour || 0, minute || 0, second || 0, millisecond || 0));
    }
    static local() {
      return DateTime.now();
    }
    static fromISO(text: unknown) {
      const ts = parseIsoMillis(text);
      if (ts === undefined) throw new Error(`DateTime.fromISO: "${text}" is not an ISO date`);
      return new DateTime(ts);
    }
    static fromObject(o: DateUnits) {
      return new DateTime(localToMillis(o.year!, o.month || 1, o.day || 1, o.hour || 0, o.minute || 0, o.second || 0, o.millisecond || 0));
    }
    get isValid() {
      return true;
    }
    toMillis() {
      return this.ts;
    }
    valueOf() {
      return this.ts;
    }
    toJSDate() {
      return new Date(this.ts);
    }
    toISODate() {
      return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
    }
    toISO() {
      return `${this.toISODate()}T${this.toFormat('HH:mm:ss.SSSZZ')}`;
    }
    toString() {
      return this.toISO();
    }
    toJSON() {
      return this.toISO();
    }
    toLocaleString() {
      return this.toFormat('M/d/yyyy');
    }
    equals(other: unknown) {
      return other instanceof DateTime && other.ts === this.ts;
    }
    set(values: DateUnits) {
      const o: DateUnits = {
        year: this.year,
        month: this.month,
        day: this.day,
        hour: this.hour,
        minute: this.minute,
        second: this.second,
        millisecond: this.millisecond,
      };
      for (const key in values) o[key as keyof DateUnits] = values[key as keyof DateUnits];
      return DateTime.fromObject(o);
    }
    startOf(unit: string) {
      const keep = (DATE_UNITS as readonly string[]).indexOf(unit);
      if (keep < 0) throw new Error(`DateTime.startOf: unsupported unit "${unit}"`);
      const o: DateUnits = { year: this.year, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
      for (let i = 1; i <= keep; i++) o[DATE_UNITS[i]] = this[DATE_UNITS[i]];
      return DateTime.fromObject(o);
    }
    plus(duration: number | DurationUnits) {
      return this.shift(duration, 1);
    }
    minus(duration: number | DurationUnits) {
      return this.shift(duration, -1);
    }
    shift(duration: number | DurationUnits, sign: number) {
      const d: DurationUnits = typeof duration === 'number' ? { milliseconds: duration } : duration;
      const o = {
        year: this.year + sign * (d.years || 0),
        month: this.month + sign * (d.months || 0),
        day: this.day + sign * ((d.days || 0) + 7 * (d.weeks || 0)),
      };
      const calendar = localToMillis(o.year, o.month, o.day, this.hour, this.minute, this.second, this.millisecond);
      const clock = (d.hours || 0) * 3600000 + (d.minutes || 0) * 60000 + (d.seconds || 0) * 1000 + (d.milliseconds || 0);
      return new DateTime(calendar + sign * clock);
    }
    toFormat(format: unknown): string {
      const zone = (colon: boolean) => {
        const o = Math.abs(this.offset);
        return (this.offset < 0 ? '-' : '+') + pad(Math.floor(o / 60), 2) + (colon ? ':' : '') + pad(o % 60, 2);
      };
      const tokens: Record<string, () => string> = {
        yyyy: () => pad(this.year, 4),
        yy: () => pad(this.year % 100, 2),
        y: () => String(this.year),
        MMMM: () => MONTHS[this.month - 1],
        MMM: () => SHORT_MONTHS[this.month - 1],
        MM: () => pad(this.month, 2),
        M: () => String(this.month),
        LLLL: () => MONTHS[this.month - 1],
        LLL: () => SHORT_MONTHS[this.month - 1],
        LL: () => pad(this.month, 2),
        L: () => String(this.month),
        dd: () => pad(this.day, 2),
        d: () => String(this.day),
        EEEE: () => WEEKDAYS[this.weekday - 1],
        EEE: () => SHORT_WEEKDAYS[this.weekday - 1],
        E: () => String(this.weekday),
        HH: () => pad(this.hour, 2),
        H: () => String(this.hour),
        hh: () => pad(this.hour % 12 || 12, 2),
        h: () => String(this.hour % 12 || 12),
        mm: () => pad(this.minute, 2),
        m: () => String(this.minute),
        ss: () => pad(this.second, 2),
        s: () => String(this.second),
        SSS: () => pad(this.millisecond, 3),
        a: () => MERIDIEMS[this.hour < 12 ? 0 : 1],
        ZZ: () => zone(true),
        Z: () => zone(false),
      };
      return String(format).replace(/'([^']*)'|yyyy|yy|y|MMMM|MMM|MM|M|LLLL|LLL|LL|L|dd|d|EEEE|EEE|E|HH|H|hh|h|mm|m|ss|s|SSS|a|ZZ|Z/g, (token, quoted) =>
        quoted !== undefined ? quoted : tokens[token](),
      );
    }
  }

  /** How Dataview shows a date: date only at midnight, else time and date. */
  const renderMinimalDate = (date: DateTime): string => {
    if (date.hour === 0 && date.minute === 0 && date.second === 0) return date.toFormat(display.dateFormat);
    return date.toFormat(display.dateTimeFormat);
  };

  const fileTitle = (path: string): string => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return /\.md$/i.test(name) ? name.slice(0, -3) : name;
  };

  class Link {
    declare path: string;
    declare display: string | undefined;
    declare subpath: string | undefined;
    declare embed: boolean;
    declare type: LinkType;
    constructor(fields: LinkFields) {
      this.path = fields.path;
      this.display = fields.display;
      this.subpath = fields.subpath;
      this.embed = !!fields.embed;
      this.type = fields.type || 'file';
    }
    static file(path: string, embed?: boolean, display?: string) {
      return new Link({ path, embed, display, type: 'file' });
    }
    static header(path: string, header: string, embed?: boolean, display?: string) {
      return new Link({ path, subpath: header, embed, display, type: 'header' });
    }
    static block(path: string, blockId: string, embed?: boolean, display?: string) {
      return new Link({ path, subpath: blockId, embed, display, type: 'block' });
    }
    static infer(linkpath: string, embed?: boolean, display?: string) {
      if (linkpath.indexOf('#^') >= 0) {
        const b = linkpath.split('#^');
        return Link.block(b[0], b[1], embed, display);
      }
      if (linkpath.indexOf('#') >= 0) {
        const h = linkpath.split('#');
        return Link.header(h[0], h.slice(1).join('#'), embed, display);
      }
      return Link.file(linkpath, embed, display);
    }
    equals(other: unknown) {
      return other instanceof Link && this.path === other.path && this.type === other.type && this.subpath === other.subpath;
    }
    toString() {
      return this.markdown();
    }
    toObject() {
      return { path: this.path, type: this.type, subpath: this.subpath, display: this.display, embed: this.embed };
    }
    withPath(path: string) {
      return new Link(Object.assign({}, this, { path }));
    }
    withDisplay(display?: string) {
      return new Link(Object.assign({}, this, { display }));
    }
    withHeader(header: string) {
      return Link.header(this.path, header, this.embed, this.display);
    }
    toFile() {
      return Link.file(this.path, this.embed, this.display);
    }
    toEmbed() {
      return this.embed ? this : new Link(Object.assign({}, this, { embed: true }));
    }
    fromEmbed() {
      return this.embed ? new Link(Object.assign({}, this, { embed: false })) : this;
    }
    obsidianLink() {
      const escaped = this.path.split('|').join('\\|');
      if (this.type === 'header') return `${escaped}#${this.subpath}`;
      if (this.type === 'block') return `${escaped}#^${this.subpath}`;
      return escaped;
    }
    /** The text a rendered link shows: display, else the file name (plus ' > section'). */
    text() {
      if (this.display) return this.display;
      return fileTitle(this.path) + (this.type !== 'file' && this.subpath ? ` > ${this.subpath}` : '');
    }
    markdown() {
      return `${this.embed ? '!' : ''}[[${this.obsidianLink()}|${this.text()}]]`;
    }
    fileName() {
      return fileTitle(this.path);
    }
  }

  /** Dataview's list-pair widget ('key: value' items of a LIST query with an expression). */
  class ListPairWidget {
    declare $widget: string;
    declare key: unknown;
    declare value: unknown;
    constructor(key: unknown, value: unknown) {
      this.$widget = 'dataview:list-pair';
      this.key = key;
      this.value = value;
    }
    markdown() {
      return `${valueToString(this.key)}: ${valueToString(this.value)}`;
    }
  }

  /** A duration typed on the host (Dataview's grammar); it keeps its length and the text Dataview prints for it. */
  const DURATION_MS: Record<string, number> = {
    milliseconds: 1,
    seconds: 1000,
    minutes: 60000,
    hours: 3600000,
    days: 86400000,
    weeks: 604800000,
    months: 2592000000,
    years: 31536000000,
  };

  // Luxon's format tokens for durations, and the ISO 8601 forms Luxon parses.
  const DURATION_TOKENS: Record<string, string> = { S: 'milliseconds', s: 'seconds', m: 'minutes', h: 'hours', d: 'days', w: 'weeks', M: 'months', y: 'years' };
  const ISO_DURATION =
    /^([-+]?)P(?:([-+]?\d+(?:[.,]\d+)?)Y)?(?:([-+]?\d+(?:[.,]\d+)?)M)?(?:([-+]?\d+(?:[.,]\d+)?)W)?(?:([-+]?\d+(?:[.,]\d+)?)D)?(?:T(?:([-+]?\d+(?:[.,]\d+)?)H)?(?:([-+]?\d+(?:[.,]\d+)?)M)?(?:([-+]?\d+(?:[.,]\d+)?)S)?)?$/;
  const ISO_TIME = /^T?(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?$/;
  const unitName = (key: string) => (/s$/.test(key) ? key : `${key}s`);

  class Duration {
    declare ms: number;
    declare text: string;
    /** The units it was made from (Luxon's toObject); a duration known only by its length has milliseconds. */
    declare units: DurationUnits;
    constructor(ms: number, text?: string, units?: DurationUnits) {
      this.ms = ms;
      this.text = text === undefined ? Duration.human(ms) : text;
      this.units = units === undefined ? { milliseconds: ms } : units;
    }
    static fromMillis(ms: unknown) {
      return new Duration(Number(ms));
    }
    static fromObject(o: DurationUnits) {
      let ms = 0;
      const units: DurationUnits = {};
      for (const key in o) {
        const unit = unitName(key);
        if (!DURATION_MS[unit]) continue;
        ms += o[key]! * DURATION_MS[unit];
        units[unit] = o[key];
      }
      return new Duration(ms, undefined, units);
    }
    static invalid() {
      return new Duration(Number.NaN, 'Invalid Duration', {});
    }
    /** ISO 8601 durations (P1Y2M3DT4H5M6S, P2W); anything else is an invalid duration, as in Luxon. */
    static fromISO(text: unknown) {
      const m = ISO_DURATION.exec(String(text));
      if (!m || String(text) === 'P' || /T$/.test(String(text))) return Duration.invalid();
      const sign = m[1] === '-' ? -1 : 1;
      const units: DurationUnits = {};
      ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'].forEach((unit, i) => {
        if (m[i + 2] !== undefined) units[unit] = sign * Number(m[i + 2].replace(',', '.'));
      });
      return Duration.fromObject(units);
    }
    /** ISO 8601 times of day (06:11, 06:11:30.5, T0611) as hours, minutes, seconds and milliseconds. */
    static fromISOTime(text: unknown) {
      const m = ISO_TIME.exec(String(text));
      if (!m) return Duration.invalid();
      const units: DurationUnits = { hours: Number(m[1]) };
      if (m[2] !== undefined) units.minutes = Number(m[2]);
      if (m[3] !== undefined) units.seconds = Number(m[3]);
      if (m[4] !== undefined) units.milliseconds = Math.floor(Number(`0.${m[4]}`) * 1000);
      return Duration.fromObject(units);
    }
    /** Days, hours, minutes and seconds, as Luxon's toHuman names them. */
    static human(ms: number) {
      const parts: string[] = [];
      let rest = Math.abs(ms);
      (
        [
          ['day', 86400000],
          ['hour', 3600000],
          ['minute', 60000],
          ['second', 1000],
        ] as const
      ).forEach((u) => {
        const n = Math.floor(rest / u[1]);
        rest -= n * u[1];
        if (n) parts.push(`${n} ${HUMAN_UNITS[u[0]][n === 1 ? 0 : 1]}`);
      });
      return parts.join(HUMAN_SEPARATOR);
    }
    plus(other: Duration | DurationUnits) {
      return new Duration(this.ms + (other instanceof Duration ? other.ms : Duration.fromObject(other).ms));
    }
    minus(other: Duration | DurationUnits) {
      return new Duration(this.ms - (other instanceof Duration ? other.ms : Duration.fromObject(other).ms));
    }
    toMillis() {
      return this.ms;
    }
    valueOf() {
      return this.ms;
    }
    as(unit: string) {
      const key = /s$/.test(unit) ? unit : `${unit}s`;
      if (!DURATION_MS[key]) throw new Error(`Duration.as: unsupported unit "${unit}"`);
      return this.ms / DURATION_MS[key];
    }
    get isValid() {
      return !Number.isNaN(this.ms);
    }
    /** Luxon's field, which vault scripts test (`!dur.invalid`): null when valid, else why not. */
    get invalid() {
      return this.isValid ? null : { reason: 'unparsable', explanation: null };
    }
    toObject() {
      return { ...this.units };
    }
    /** The same length in the given units, largest first; the smallest keeps the fraction (Luxon's casual matrix). */
    shiftTo(...wanted: string[]) {
      const units = wanted.map(unitName).filter((unit) => DURATION_MS[unit]);
      if (!this.isValid || units.length === 0) return this;
      units.sort((a, b) => DURATION_MS[b] - DURATION_MS[a]);
      const shifted: DurationUnits = {};
      let rest = this.ms;
      units.forEach((unit, i) => {
        const n = i === units.length - 1 ? rest / DURATION_MS[unit] : Math.trunc(rest / DURATION_MS[unit]);
        shifted[unit] = n;
        rest -= n * DURATION_MS[unit];
      });
      return new Duration(this.ms, undefined, shifted);
    }
    /** Luxon's toFormat: shifts to the units the format names, then prints each truncated and zero-padded. */
    toFormat(format: string) {
      if (!this.isValid) return 'Invalid Duration';
      const tokens: { text: string; unit?: string }[] = [];
      const re = /'([^']*)'|(.)\2*/g;
      let m = re.exec(format);
      while (m) {
        const unit = m[1] === undefined ? DURATION_TOKENS[m[2]] : undefined;
        tokens.push({ text: m[1] === undefined ? m[0] : m[1], unit });
        m = re.exec(format);
      }
      const shifted = this.shiftTo(...tokens.filter((t) => t.unit).map((t) => t.unit!)).units;
      return tokens.map((t) => (t.unit ? pad(Math.trunc(shifted[t.unit] || 0), t.text.length) : t.text)).join('');
    }
    toHuman() {
      return this.text;
    }
    toString() {
      return this.text;
    }
  }

  const isDate = (value: unknown): value is DateTime => value instanceof DateTime;
  const isDuration = (value: unknown): value is Duration => value instanceof Duration;
  const isLink = (value: unknown): value is Link => value instanceof Link;

  /** Dataview's type names; values of different types order by these names. */
  const typeOf = (value: unknown): string | undefined => {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'number') return 'number';
    if (typeof value === 'string') return 'string';
    if (typeof value === 'boolean') return 'boolean';
    if (isDate(value)) return 'date';
    if (isDuration(value)) return 'duration';
    // Array.isArray as the sandbox patches it (data arrays count), as Dataview's does.
    if (Array.isArray(value)) return 'array';
    if (isLink(value)) return 'link';
    if (typeof value === 'function') return 'function';
    if (typeof value === 'object') return 'object';
    return undefined;
  };

  /** Dataview's Values.compareValue: a total order over any values. */
  const compareValue = (a: unknown, b: unknown): number => {
    if (a === undefined) a = null;
    if (b === undefined) b = null;
    if (a === null && b === null) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    const ta = typeOf(a);
    const tb = typeOf(b);
    if (ta === undefined && tb === undefined) return 0;
    if (ta === undefined) return -1;
    if (tb === undefined) return 1;
    if (ta !== tb) return ta.localeCompare(tb);
    if (a === b) return 0;
    switch (ta) {
      case 'string':
        return (a as string).localeCompare(b as string);
      case 'number':
        return (a as number) < (b as number) ? -1 : a === b ? 0 : 1;
      case 'boolean':
        return a === b ? 0 : a ? 1 : -1;
      case 'link': {
        const la = a as Link;
        const lb = b as Link;
        const byPath = la.path.localeCompare(lb.path);
        if (byPath !== 0) return byPath;
        const byType = la.type.localeCompare(lb.type);
        if (byType !== 0) return byType;
        if (la.subpath && !lb.subpath) return 1;
        if (!la.subpath && lb.subpath) return -1;
        if (!la.subpath && !lb.subpath) return 0;
        return la.subpath!.localeCompare(lb.subpath!);
      }
      case 'date':
        return (a as DateTime).ts < (b as DateTime).ts ? -1 : (a as DateTime).ts === (b as DateTime).ts ? 0 : 1;
      case 'duration':
        return (a as Duration).ms < (b as Duration).ms ? -1 : (a as Duration).ms === (b as Duration).ms ? 0 : 1;
      case 'array': {
        const xa = a as unknown[];
        const xb = b as unknown[];
        for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
          const c = compareValue(xa[i], xb[i]);
          if (c !== 0) return c;
        }
        return xa.length - xb.length;
      }
      case 'object': {
        const oa = a as Record<string, unknown>;
        const ob = b as Record<string, unknown>;
        const ka = Object.keys(oa).sort();
        const kb = Object.keys(ob).sort();
        const byKeys = compareValue(ka, kb);
        if (byKeys !== 0) return byKeys;
        for (let k = 0; k < ka.length; k++) {
          const v = compareValue(oa[ka[k]], ob[ka[k]]);
          if (v !== 0) return v;
        }
        return 0;
      }
      default:
        return 0;
    }
  };

  /** Dataview's Values.toString (used by DataArray.join). */
  const valueToString = (value: unknown, nested?: boolean): string => {
    const type = typeOf(value);
    if (type === 'null' || type === undefined) return '-';
    if (type === 'string') return value as string;
    if (type === 'number' || type === 'boolean') return String(value);
    if (type === 'link') return (value as Link).markdown();
    if (type === 'function') return '<function>';
    if (type === 'duration') return (value as Duration).text;
    if (type === 'date') return renderMinimalDate(value as DateTime);
    if (type === 'array') {
      const inner = Array.from(value as unknown[])
        .map((v) => valueToString(v, true))
        .join(', ');
      return nested ? `[${inner}]` : inner;
    }
    const object = value as Record<string, unknown>;
    return `{ ${Object.keys(object)
      .map((k) => `${k}: ${valueToString(object[k], true)}`)
      .join(', ')} }`;
  };

  return {
    DateTime,
    Duration,
    Link,
    ListPairWidget,
    parseIsoMillis,
    renderMinimalDate,
    isDate,
    isDuration,
    isLink,
    typeOf,
    compareValue,
    valueToString,
  };
}

export type Values = ReturnType<typeof valueTypes>;
export type DateTimeValue = InstanceType<Values['DateTime']>;
export type DurationValue = InstanceType<Values['Duration']>;
export type LinkValue = InstanceType<Values['Link']>;
