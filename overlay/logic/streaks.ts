import { isCountableGift } from '../../protocol/events/gift.ts';
/** The gift fields streak counting needs (a subset of protocol's GiftData). */
export interface StreakGift {
  userId: string;
  groupId: string;
  giftId: number;
  giftType: number;
  repeatCount: number;
  repeatEnd: boolean;
  diamondCount: number;
  msgId: string;
}

/** What one gift frame (or the passing of time) did to a streak. `diamonds` is non-zero exactly once per gift. */
export type StreakUpdate =
  | { kind: 'start'; key: string; count: number; settled: boolean; diamonds: number }
  | { kind: 'update'; key: string; count: number }
  | { kind: 'settle'; key: string; count: number; diamonds: number; reason: 'end' | 'timeout' }
  | { kind: 'ignored'; key: string; reason: 'late' | 'duplicate' };

interface Live {
  count: number;
  lastAt: number;
  diamondCount: number;
}

/** Options for StreakTracker. */
export interface StreakOptions {
  /** A streak without repeatEnd settles this long after its last frame (PROTOCOL.md: ~5 s). */
  timeoutMs?: number;
  /** How many settled keys are remembered, to ignore a late repeatEnd or a repeated frame. */
  remember?: number;
}

/**
 * Counts gifts by PROTOCOL.md's rule: each gift once, a streak when its repeatEnd arrives or `timeoutMs` after its
 * last frame. Time is passed in (the overlay's game clock), never read.
 */
export class StreakTracker {
  private readonly live = new Map<string, Live>();
  private readonly settled = new Map<string, true>();
  private readonly timeoutMs: number;
  private readonly remember: number;

  constructor(opts: StreakOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.remember = opts.remember ?? 4096;
  }

  /** The key a gift frame's streak is tracked under; non-streak gifts are unique per message. */
  static keyOf(g: StreakGift): string {
    return g.giftType === 1 ? `${g.userId}|${g.groupId}|${g.giftId}` : `${g.userId}|${g.groupId}|${g.giftId}|${g.msgId}`;
  }

  /** Feeds one gift frame at game time `now`. */
  onGift(g: StreakGift, now: number): StreakUpdate {
    const key = StreakTracker.keyOf(g);
    const count = Number.isFinite(g.repeatCount) && g.repeatCount > 0 ? Math.floor(g.repeatCount) : 1;
    const each = Number.isFinite(g.diamondCount) && g.diamondCount > 0 ? g.diamondCount : 0;
    if (this.settled.has(key)) return { kind: 'ignored', key, reason: g.repeatEnd ? 'late' : 'duplicate' };
    const cur = this.live.get(key);
    if (!cur) {
      // protocol's one counting rule: a gift counts when it is no streak, or when its frame ends the streak.
      if (isCountableGift(g)) {
        this.markSettled(key);
        return { kind: 'start', key, count, settled: true, diamonds: each * count };
      }
      this.live.set(key, { count, lastAt: now, diamondCount: each });
      return { kind: 'start', key, count, settled: false, diamonds: 0 };
    }
    cur.count = Math.max(cur.count, count);
    cur.lastAt = now;
    if (g.repeatEnd) {
      this.live.delete(key);
      this.markSettled(key);
      return { kind: 'settle', key, count: cur.count, diamonds: cur.diamondCount * cur.count, reason: 'end' };
    }
    return { kind: 'update', key, count: cur.count };
  }

  /** Settles streaks silent for `timeoutMs`; call once per game step. */
  tick(now: number, out: StreakUpdate[] = []): StreakUpdate[] {
    for (const [key, s] of this.live) {
      if (now - s.lastAt >= this.timeoutMs) {
        this.live.delete(key);
        this.markSettled(key);
        out.push({ kind: 'settle', key, count: s.count, diamonds: s.diamondCount * s.count, reason: 'timeout' });
      }
    }
    return out;
  }

  /** Streaks still climbing. */
  get active(): number {
    return this.live.size;
  }

  private markSettled(key: string): void {
    this.settled.set(key, true);
    if (this.settled.size > this.remember) {
      const oldest = this.settled.keys().next();
      if (!oldest.done) this.settled.delete(oldest.value);
    }
  }
}
