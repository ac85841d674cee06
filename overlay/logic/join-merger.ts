/** A batch of joins shown as one toast. */
export interface JoinBurst {
  first: string;
  second?: string;
  count: number;
}

/**
 * Merges joins: the first join opens a window of `windowMs`; every join in it lands in the same burst, and bursts
 * come out at most once per window, so a flood of joins becomes "ana and 12 others joined".
 */
export class JoinMerger {
  private pending: JoinBurst | null = null;
  private openedAt = 0;

  constructor(private readonly windowMs = 1200) {}

  /** Records a join at game time `now`. */
  add(name: string, now: number): void {
    if (!this.pending) {
      this.pending = { first: name, count: 1 };
      this.openedAt = now;
    } else {
      if (this.pending.count === 1) this.pending.second = name;
      this.pending.count++;
    }
  }

  /** Returns the burst whose window has closed, once. */
  tick(now: number): JoinBurst | null {
    if (!this.pending || now - this.openedAt < this.windowMs) return null;
    const b = this.pending;
    this.pending = null;
    return b;
  }
}

/** The toast text for a burst. @example joinText({first:'ana', count:13}) // 'ana and 12 others joined' */
export function joinText(b: JoinBurst): string {
  if (b.count <= 1) return `${b.first} joined`;
  if (b.count === 2 && b.second !== undefined) return `${b.first} and ${b.second} joined`;
  const n = b.count - 1;
  return `${b.first} and ${n} ${n === 1 ? 'other' : 'others'} joined`;
}
