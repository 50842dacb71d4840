// Sandbox module: what the sandbox's realm gets from the host and changes about itself before the other modules
// load. The host's functions arrive as plain callbacks; nothing host-side becomes a global.

export type HostZoneOffset = (ts: number) => number;
export type HostCollate = (a: string, b: string) => number;
export type HostReadFile = (path: string) => string | undefined;
export type HostRequest = (json: string) => string;
export type HostPause = (paused: boolean) => void;

export function hostBindings(hostZoneOffset: HostZoneOffset, hostReadFile: HostReadFile, hostRequest: HostRequest, hostPause: HostPause) {
  // Zone offsets only change at quarter-hour instants: one host call per quarter hour seen.
  const offsetsByQuarterHour = new Map<number, number>();
  const zoneOffset = (ts: number): number => {
    const quarter = Math.floor(ts / 900000);
    if (!offsetsByQuarterHour.has(quarter)) offsetsByQuarterHour.set(quarter, hostZoneOffset(quarter * 900000));
    return offsetsByQuarterHour.get(quarter)!;
  };
  const readVaultFile = (path: unknown): string | undefined => hostReadFile(String(path));
  const askHost = (request: object): unknown => JSON.parse(hostRequest(JSON.stringify(request)));
  /**
   * Runs work done once for every later block (an index, a sorted source, list items) with the block's clock paused:
   * the block that happens to need it first should not pay for it against its time limit (the host caps the pause).
   * No author code runs inside.
   */
  let sharing = false;
  const sharedWork = <T>(build: () => T): T => {
    if (sharing) return build();
    sharing = true;
    hostPause(true);
    try {
      return build();
    } finally {
      sharing = false;
      hostPause(false);
    }
  };
  /** The build's clock, as the host reads it (pinned by SOURCE_DATE_EPOCH, or recorded as read). */
  const now = () => askHost({ op: 'now' }) as number;
  return { zoneOffset, readVaultFile, askHost, sharedWork, now };
}

/** Obsidian's (Chromium's) behaviour of built-ins that vault scripts rely on. Only ever run inside the sandbox. */
export function patchRealm(hostCollate: HostCollate, ranks: Map<string, number>, isArray: (value: unknown) => boolean, hostNow: () => number): void {
  const define = (target: object, name: string, value: unknown) => Object.defineProperty(target, name, { configurable: true, writable: true, value });
  // The realm's own clock would bypass the build's: every read of the time (Date.now(), new Date(), Date(), the
  // DateTime built on them) asks the host.
  const RealmDate = Date;
  function BuildDate(...args: unknown[]) {
    if (!new.target) return new RealmDate(hostNow()).toString();
    return Reflect.construct(RealmDate, args.length === 0 ? [hostNow()] : args, new.target);
  }
  BuildDate.prototype = RealmDate.prototype;
  define(RealmDate.prototype, 'constructor', BuildDate);
  BuildDate.now = hostNow;
  BuildDate.parse = RealmDate.parse;
  BuildDate.UTC = RealmDate.UTC;
  globalThis.Date = BuildDate as unknown as DateConstructor;
  // Obsidian runs in Chromium, whose localeCompare uses ICU; QuickJS's compares code points. Strings whose collation
  // rank the host sent (page paths and names: most sorts compare links) need no host call.
  define(String.prototype, 'localeCompare', function localeCompare(this: unknown, other: unknown) {
    const a = String(this);
    const b = String(other);
    const rankA = ranks.get(a);
    const rankB = rankA === undefined ? undefined : ranks.get(b);
    if (rankA !== undefined && rankB !== undefined) return rankA < rankB ? -1 : rankA > rankB ? 1 : 0;
    return hostCollate(a, b);
  });
  // Obsidian's helpers on built-in prototypes.
  define(Array.prototype, 'contains', function contains(this: unknown[], x: unknown) {
    return this.includes(x);
  });
  define(Array.prototype, 'first', function first(this: unknown[]) {
    return this[0];
  });
  define(Array.prototype, 'last', function last(this: unknown[]) {
    return this[this.length - 1];
  });
  define(Array.prototype, 'unique', function unique(this: unknown[]) {
    return Array.from(new Set(this));
  });
  define(String.prototype, 'contains', function contains(this: string, x: string) {
    return this.includes(x);
  });
  // console.* is common in blocks; it has no output on a static page.
  const quiet = () => {};
  globalThis.console = { log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet, table: quiet } as unknown as Console;
  // Dataview patches Array.isArray so that data arrays count as arrays.
  Array.isArray = isArray as typeof Array.isArray;
}
