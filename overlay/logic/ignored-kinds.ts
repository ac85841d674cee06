/**
 * Frames of kinds the overlay does not show: counted by kind (for `window.__overlay.ignored`) and noted once per kind
 * per page, never once per frame. With `--all-kinds` a busy room sends dozens of such kinds several times a second; a
 * warning per frame would bury the console.
 */
export class IgnoredKinds {
  /** `counts` is filled in place (the harness's record); `note` gets the first sighting of each kind. */
  constructor(
    private readonly counts: Record<string, number>,
    private readonly note: (message: string) => void,
  ) {}

  /** Counts one frame of `kind`; the first one of the kind is noted with `why`. */
  add(kind: string, why: string): void {
    // Own keys only: an event named "__proto__" or "constructor" is just another name.
    const n = Object.hasOwn(this.counts, kind) ? this.counts[kind]! : 0;
    Object.defineProperty(this.counts, kind, { value: n + 1, enumerable: true, writable: true, configurable: true });
    if (n === 0) this.note(`event "${kind}" not shown: ${why}`);
  }
}
