import type { GiftParts } from './events/gift.ts';
import type { Rng } from './rng.ts';

/** A gift streak in flight: taps every 0.6-0.9 s, then the repeatEnd frame 3.2-4.0 s after the last tap. */
export interface Streak {
  viewer: number;
  gift: GiftParts;
  /** The first tap's ms (TikTok's groupId). */
  groupId: number;
  count: number;
  total: number;
  /** Timing draws of this streak (its own stream, so fired streaks never disturb the generated stream). */
  rng: Rng;
  /** Extra data fields a fired gift set; applied to each frame. */
  overrides: Record<string, unknown> | null;
  /** The fired request this streak belongs to, if any. */
  tag?: number;
}

/** What a pending entry does when due: send `text` as is (duplicates), build a fired frame, a streak tap, a streak end. */
export const PendingType = { Text: 0, Build: 1, Tap: 2, End: 3 } as const;
export type PendingType = (typeof PendingType)[keyof typeof PendingType];

/** A frame waiting for its time. */
export interface Pending {
  t: number;
  seq: number;
  type: PendingType;
  event: string;
  text: string;
  streak: Streak | null;
  build: ((t: number) => string) | null;
  /** The fired request this frame belongs to, if any. */
  tag?: number;
}

/** A binary min-heap of pending frames ordered by (t, seq): equal times go out in the order they were scheduled. */
export class PendingHeap {
  private readonly items: Pending[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  /** Time of the earliest entry, or Infinity. */
  peekTime(): number {
    return this.items.length > 0 ? this.items[0].t : Infinity;
  }

  /** Adds an entry (its seq is assigned here). */
  push(p: Omit<Pending, 'seq'>): void {
    const e = p as Pending;
    e.seq = this.seq++;
    const a = this.items;
    let i = a.length;
    a.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(e, a[parent])) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = e;
  }

  /** Removes and returns the earliest entry. */
  pop(): Pending | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop() as Pending;
    if (a.length > 0) {
      let i = 0;
      const n = a.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && less(a[r], a[l]) ? r : l;
        if (!less(a[c], last)) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

function less(x: Pending, y: Pending): boolean {
  return x.t < y.t || (x.t === y.t && x.seq < y.seq);
}
