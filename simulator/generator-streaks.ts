import { GIFT_CATALOG, isCountableGift, type CatalogGift } from '../protocol/index.ts';
import { giftFrame, giftParts, type GiftParts } from './events/gift.ts';
import type { FrameCtx } from './generator-context.ts';
import type { OutFrame } from './out-frame.ts';
import { PendingType, type PendingHeap, type Streak } from './generator-heap.ts';
import type { RoomState } from './generator-room.ts';
import type { Population } from './population.ts';
import type { Quirks } from './quirks.ts';
import { Rng } from './rng.ts';

type Emit = (f: OutFrame) => void;

/** The share of gift sends that are Roses; the rest are weighted ~ 1/diamonds (cheap gifts dominate). */
const ROSE_SHARE = 0.45;
/** The Rose's catalog id: drawn by ROSE_SHARE, so it is left out of the 1/diamonds table. */
const ROSE_ID = 5655;

/**
 * What gift sends borrow from the core. Taps and ends go out through the core's `send` so they share its duplicate
 * quirk and rng stream; `react` lets a counted gift start the scenario's reaction boosts, which live with the rates.
 */
export interface StreakHost {
  readonly heap: PendingHeap;
  readonly room: RoomState;
  readonly pop: Population;
  readonly ctx: FrameCtx;
  readonly quirks: Quirks;
  msgId(t: number): string;
  send(emit: Emit, event: string, text: string, t: number, tag?: number): void;
  /** A counted gift at `tf` (`count` × gift `giftId` from `viewer`): reaction boosts, a LIVE goal's progress. */
  react(value: number, tf: number, viewer: number, giftId: number, count: number): void;
}

/**
 * Gift sends: which gift, how a streak plays out (taps every 0.6-0.9 s, the repeatEnd frame 3.2-4.0 s after the last
 * tap, or no end at all under the dropStreakEnd quirk), and when its coins count.
 */
export class GiftStreaks {
  private readonly gifts = new Map<number, GiftParts>();
  private readonly giftCum: number[] = [];
  private readonly giftList: GiftParts[] = [];
  private streakSeq = 0;

  constructor(private readonly host: StreakHost, private readonly seed: number, receiver: string) {
    let cum = 0;
    for (const g of GIFT_CATALOG) {
      const parts = giftParts(g, host.ctx, receiver);
      this.gifts.set(g.id, parts);
      if (g.id === ROSE_ID) continue;
      this.giftList.push(parts);
      cum += 1 / Math.pow(g.diamondCount, 1.05);
      this.giftCum.push(cum);
    }
  }

  /** A gift weighted towards cheap ones: ~45% Roses, the rest ~ 1/diamonds. */
  pick(rng: Rng): GiftParts {
    if (rng.float() < ROSE_SHARE) return this.gifts.get(ROSE_ID) as GiftParts;
    const x = rng.float() * this.giftCum[this.giftCum.length - 1];
    let lo = 0;
    let hi = this.giftCum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.giftCum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.giftList[lo];
  }

  /** Parts of a catalog gift. */
  partsOf(g: CatalogGift): GiftParts {
    return this.gifts.get(g.id) as GiftParts;
  }

  /** Starts a gift send at `tf`: a streak for giftType 1 (length drawn short with a long tail unless given), else one frame. */
  start(viewer: number, gift: GiftParts, tf: number, emit: Emit | null, total?: number, overrides: Record<string, unknown> | null = null, tag?: number): void {
    // Each send gets its own stream, so fired streaks never disturb the generated one.
    const rng = new Rng(this.seed, 0x5000_0000 + this.streakSeq++);
    const streak: Streak = { viewer, gift, groupId: Math.floor(tf), count: 0, total: 1, rng, overrides };
    if (tag !== undefined) streak.tag = tag;
    const heap = this.host.heap;
    if (gift.gift.type === 1) {
      streak.total = total ?? Math.min(300, Math.floor(Math.pow(1 - rng.float(), -1 / 1.35)));
      if (emit) this.tap(streak, tf, emit);
      else heap.push({ t: tf, type: PendingType.Tap, event: 'gift', text: '', streak, build: null });
    } else {
      streak.total = total ?? 1;
      streak.count = streak.total;
      if (emit) this.end(streak, tf, emit);
      else heap.push({ t: tf, type: PendingType.End, event: 'gift', text: '', streak, build: null });
    }
  }

  /** Sends one tap of a streak and schedules what follows it: the next tap, the end frame, or nothing (end lost). */
  tap(s: Streak, tf: number, emit: Emit): void {
    s.count++;
    this.host.send(emit, 'gift', this.giftText(s, Math.floor(tf), false), tf, s.tag);
    const heap = this.host.heap;
    if (s.count < s.total) {
      heap.push({ t: tf + s.rng.range(600, 900), type: PendingType.Tap, event: 'gift', text: '', streak: s, build: null });
    } else if (s.rng.chance(this.host.quirks.dropStreakEnd)) {
      this.credit(s, tf); // the end frame is lost: consumers count at their timeout, at the last tap's total
    } else {
      heap.push({ t: tf + s.rng.range(3200, 4000), type: PendingType.End, event: 'gift', text: '', streak: s, build: null });
    }
  }

  /** Sends the frame that makes a send count, and credits its coins. */
  end(s: Streak, tf: number, emit: Emit): void {
    // Streakable gifts end with repeatEnd:true; other gifts arrive once with repeatEnd:false (both count, by
    // protocol's one rule: the leaderboard credits exactly the frames a consumer counts).
    const repeatEnd = s.gift.gift.type === 1;
    this.host.send(emit, 'gift', this.giftText(s, Math.floor(tf), repeatEnd), tf, s.tag);
    if (isCountableGift({ giftType: s.gift.gift.type, repeatEnd })) this.credit(s, tf);
  }

  private giftText(s: Streak, t: number, end: boolean): string {
    const h = this.host;
    const text = giftFrame({ user: h.pop.get(s.viewer), msgId: h.msgId(t), t, gift: s.gift, repeatCount: s.count, repeatEnd: end, groupId: s.groupId }, h.ctx);
    return s.overrides === null ? text : applyOverrides(text, s.overrides);
  }

  private credit(s: Streak, tf: number): void {
    const value = s.gift.gift.diamondCount * s.count;
    this.host.room.credit(s.viewer, value);
    this.host.react(value, tf, s.viewer, s.gift.gift.id, s.count);
  }
}

/** Sets fields of a frame's data (keeping key order for existing keys). Used for fired events only. */
export function applyOverrides(text: string, overrides: Record<string, unknown>): string {
  const f = JSON.parse(text) as { event: string; data: Record<string, unknown> };
  const d = f.data;
  for (const [k, v] of Object.entries(overrides)) d[k] = v;
  // TikFinity's own fields stay last, as on every real frame.
  for (const k of ['tikfinityUserId', 'tikfinityUsername']) {
    if (k in d) {
      const v = d[k];
      delete d[k];
      d[k] = v;
    }
  }
  return JSON.stringify(f);
}
