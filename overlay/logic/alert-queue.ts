/** One gift alert waiting for or holding a display slot. It may stand for several merged streaks. */
export interface Alert<P> {
  /** Sequence number, for stable ordering. */
  readonly id: number;
  /** The first streak's key; merged streaks map to this alert too. */
  readonly key: string;
  /** What the scene draws (sender, gift...), from the first streak. */
  readonly payload: P;
  readonly userId: string;
  readonly giftId: number;
  /** Diamonds per single gift. */
  readonly each: number;
  /** Total gifts shown: settled parts plus live streaks. */
  count: number;
  /** Distinct senders merged in besides the first. */
  others: number;
  /** Streaks merged into this alert (1 when none). */
  groups: number;
  /** True once every streak in it has settled. */
  settled: boolean;
  /** Counts of the streaks still climbing, by key. */
  readonly live: Map<string, number>;
  /** Count of the parts already settled. */
  base: number;
  readonly senders: Set<string>;
}

/** Options for AlertQueue. */
export interface AlertQueueOptions<P> {
  /** Above this many waiting alerts, a new streak merges into a waiting one of the same sender and gift. */
  mergeAt?: number;
  /** The queue never holds more than this; beyond it, the same gift from anyone merges, then the cheapest is dropped. */
  max?: number;
  /** Called when a waiting alert is dropped to make room (to release its media). */
  onDrop?: (a: Alert<P>) => void;
}

/** What push() did with a new streak. */
export type PushResult<P> = { kind: 'queued'; alert: Alert<P> } | { kind: 'merged'; alert: Alert<P> } | { kind: 'dropped'; key: string };

/**
 * The gift alert queue with backpressure: streak updates go to the alert that holds them (queued or showing);
 * when the queue backs up, new streaks merge into waiting alerts, and the queue never grows past `max`.
 */
export class AlertQueue<P> {
  private readonly waiting: Alert<P>[] = [];
  private readonly byKey = new Map<string, Alert<P>>();
  private seq = 0;
  private readonly mergeAt: number;
  private readonly max: number;
  private readonly onDrop: (a: Alert<P>) => void;
  /** Streaks dropped for lack of room (cheapest first). */
  dropped = 0;
  /** Streaks merged into another alert. */
  merged = 0;

  constructor(opts: AlertQueueOptions<P> = {}) {
    this.mergeAt = opts.mergeAt ?? 3;
    this.max = opts.max ?? 8;
    this.onDrop = opts.onDrop ?? (() => {});
  }

  /** Alerts waiting for a slot. */
  get length(): number {
    return this.waiting.length;
  }

  /** Enqueues a new streak (or merges/drops it under backpressure). */
  push(key: string, userId: string, giftId: number, each: number, count: number, settled: boolean, payload: P): PushResult<P> {
    if (this.waiting.length >= this.mergeAt) {
      const same = this.waiting.find((a) => a.userId === userId && a.giftId === giftId);
      if (same) return this.mergeInto(same, key, userId, count, settled);
    }
    if (this.waiting.length >= this.max) {
      const sameGift = this.waiting.find((a) => a.giftId === giftId);
      if (sameGift) return this.mergeInto(sameGift, key, userId, count, settled);
      let cheapest = this.waiting[0]!;
      for (const a of this.waiting) if (value(a) < value(cheapest)) cheapest = a;
      if (value(cheapest) >= each * count) {
        this.dropped++;
        return { kind: 'dropped', key };
      }
      this.remove(cheapest);
      this.dropped += cheapest.groups;
      this.onDrop(cheapest);
    }
    const alert: Alert<P> = {
      id: ++this.seq, key, payload, userId, giftId, each, count, others: 0, groups: 1, settled,
      live: new Map(), base: settled ? count : 0, senders: new Set([userId]),
    };
    if (!settled) alert.live.set(key, count);
    this.waiting.push(alert);
    if (!settled) this.byKey.set(key, alert);
    return { kind: 'queued', alert };
  }

  /** Applies a streak's new count (and settlement) to whichever alert holds it, queued or showing. */
  update(key: string, count: number, settled: boolean): Alert<P> | undefined {
    const a = this.byKey.get(key);
    if (!a) return undefined;
    if (settled) {
      a.live.delete(key);
      a.base += count;
      this.byKey.delete(key);
    } else a.live.set(key, Math.max(a.live.get(key) ?? 0, count));
    a.count = a.base;
    for (const c of a.live.values()) a.count += c;
    a.settled = a.live.size === 0;
    return a;
  }

  /** Takes the first waiting alert for which `ready` is true (media loaded), or undefined. It keeps receiving updates. */
  take(ready: (a: Alert<P>) => boolean = () => true): Alert<P> | undefined {
    const i = this.waiting.findIndex(ready);
    if (i < 0) return undefined;
    return this.waiting.splice(i, 1)[0];
  }

  /** Peeks at the waiting alerts (oldest first), e.g. to start loading their media. */
  peek(): readonly Alert<P>[] {
    return this.waiting;
  }

  /** Forgets an alert that left the screen; streak frames still arriving for it are then ignored. */
  release(a: Alert<P>): void {
    for (const k of a.live.keys()) this.byKey.delete(k);
  }

  /** How fast alerts should play given the backlog: 1 when calm, up to 3 when full. */
  speed(): number {
    return 1 + (2 * Math.min(this.waiting.length, this.max)) / this.max;
  }

  private mergeInto(a: Alert<P>, key: string, userId: string, count: number, settled: boolean): PushResult<P> {
    this.merged++;
    a.groups++;
    if (!a.senders.has(userId)) {
      a.others++;
      if (a.senders.size < 64) a.senders.add(userId);
    }
    if (settled) a.base += count;
    else {
      a.live.set(key, count);
      this.byKey.set(key, a);
    }
    a.count = a.base;
    for (const c of a.live.values()) a.count += c;
    a.settled = a.live.size === 0;
    return { kind: 'merged', alert: a };
  }

  private remove(a: Alert<P>): void {
    const i = this.waiting.indexOf(a);
    if (i >= 0) this.waiting.splice(i, 1);
    this.release(a);
  }
}

function value<P>(a: Alert<P>): number {
  return a.each * a.count;
}
