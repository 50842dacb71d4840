// Whether this process computes the site again after a change (the dev server) or once (a build): only a process
// that computes again keeps in memory what one computation made for the next (parsed notes); a build that did would
// carry it to its end.
const KEY = Symbol.for('tsunagu.computes-again');
// On globalThis: the integration and the pages are bundled apart (see site.ts).
type Holder = { [KEY]?: true };

/** The dev server, before its first computation. */
export function computeAgainOnChange(): void {
  (globalThis as Holder)[KEY] = true;
}

export function computesAgain(): boolean {
  return (globalThis as Holder)[KEY] === true;
}
