import type { CatalogGift } from '../protocol/index.ts';
import type { GiftParts } from './events/gift.ts';
import { KINDS, RATE_KINDS, TIKFINITY_RATE_KINDS, type KindHost, type KindSpec } from './events/index.ts';
import { goalGift } from './events/goal-update.ts';
import { Arrivals } from './generator-arrivals.ts';
import { frameCtx, makeMsgId, type FrameCtx } from './generator-context.ts';
import { PendingHeap, PendingType, type Streak } from './generator-heap.ts';
import { RoomState } from './generator-room.ts';
import { GiftStreaks, type StreakHost } from './generator-streaks.ts';
import type { Emit } from './out-frame.ts';
import { Population } from './population.ts';
import type { Quirks } from './quirks.ts';
import type { Rates } from './rates.ts';
import { Rng, hash32 } from './rng.ts';
import type { Scenario } from './scenarios/schema.ts';
import type { Timeline } from './scenarios/timeline.ts';
import { textPools, type TextPools } from './text-pools.ts';

export type { OutFrame } from './out-frame.ts';

/** Everything the generator needs to start. */
export interface CoreOptions {
  seed: number;
  population: number;
  rates: Rates;
  quirks: Quirks;
  startMs: number;
  mediaBase: string;
  tikfinity: { userId: number; username: string };
  /** Generate every TikTok kind, not only TikFinity's 17 (their frames carry TLC-style data). */
  allKinds?: boolean;
}

/** Chat messages kept for newly connected clients. */
const BACKLOG = 6;

// Fired events build their data through this; it lives with the gift frames that need it most.
export { applyOverrides } from './generator-streaks.ts';

/**
 * The generation core: Poisson arrivals per kind (next-arrival times), a heap of pending frames (streak taps and ends,
 * duplicates, fired events), and the room state they change. Content depends only on the seed, the scenario and the
 * calls made, never on how advance() is chunked: every draw happens while processing events in time order.
 */
export class Core implements StreakHost, KindHost {
  readonly pools: TextPools;
  readonly pop: Population;
  readonly hosts: Population;
  readonly ctx: FrameCtx;
  readonly room: RoomState;
  readonly heap = new PendingHeap();
  readonly streaks: GiftStreaks;
  readonly roomId: string;
  rates: Rates;
  quirks: Quirks;
  paused = false;
  /** The latest `nowMs` seen; rate changes and resumes redraw arrivals from here. */
  lastNow: number;
  readonly rng: Rng;
  /** When each rate kind next arrives: Poisson draws against the rates, the scenario and its boosts. */
  readonly arrivals: Arrivals;
  /** The spec of each drawn rate kind, by its index in arrivals.kinds. */
  private readonly rateSpecs: readonly KindSpec[];
  private roomUserNext: number;
  private msgSeq = 0;
  private readonly backlog: string[] = [];
  armyPoints = [0, 0];
  /** Called for each scenario spike when it is due (fire() machinery lives outside the core). */
  onSpike: ((event: string, count: number, data: Record<string, unknown> | undefined, t: number) => void) | null = null;

  constructor(readonly opts: CoreOptions) {
    this.pools = textPools(opts.seed);
    this.pop = new Population(opts.seed, opts.population, this.pools, opts.mediaBase);
    this.hosts = new Population(hash32(opts.seed, 0x4057), 8, this.pools, opts.mediaBase, false);
    this.ctx = frameCtx(opts.mediaBase, opts.tikfinity);
    this.rng = new Rng(opts.seed, 1);
    this.rates = { ...opts.rates };
    this.quirks = { ...opts.quirks };
    this.lastNow = opts.startMs;
    const r = new Rng(opts.seed, 2);
    this.roomId = `7${String(r.int(100_000_000, 999_999_999))}${String(r.int(100_000_000, 999_999_999))}`;
    const receiver = this.hosts.get(0).userId;
    this.room = new RoomState(Math.max(1, Math.round(opts.population * 0.05)), r.int(2_000, 90_000));
    this.streaks = new GiftStreaks(this, opts.seed, receiver);
    this.roomUserNext = opts.startMs + this.rng.range(800, 2500);
    this.arrivals = new Arrivals(() => this.rates, this.rng, opts.allKinds ? RATE_KINDS : TIKFINITY_RATE_KINDS);
    this.rateSpecs = this.arrivals.kinds.map((k) => KINDS[k]);
    this.arrivals.redrawAll(opts.startMs);
  }

  /** A new message id for virtual time `t`. */
  msgId(t: number): string {
    return makeMsgId(t, this.msgSeq++);
  }

  /** The next time anything is due, or Infinity. */
  nextDueMs(): number {
    let best = this.heap.peekTime();
    if (this.paused) return best;
    const next = this.arrivals.next;
    const K = next.length;
    for (let k = 0; k < K; k++) if (next[k] < best) best = next[k];
    if (this.roomUserNext < best) best = this.roomUserNext;
    const s = this.timeline ? this.timeline.nextSpikeMs() : Infinity;
    return s < best ? s : best;
  }

  /** Emits, in time order, every frame due at or before `nowMs`. */
  advance(nowMs: number, emit: Emit): void {
    if (nowMs > this.lastNow) this.lastNow = nowMs;
    const next = this.arrivals.next;
    const K = next.length;
    for (;;) {
      let best = this.heap.peekTime();
      let src = -1;
      if (!this.paused) {
        for (let k = 0; k < K; k++) {
          if (next[k] < best) {
            best = next[k];
            src = k;
          }
        }
        if (this.roomUserNext < best) {
          best = this.roomUserNext;
          src = K;
        }
        if (this.timeline !== null && this.timeline.nextSpikeMs() < best) {
          best = this.timeline.nextSpikeMs();
          src = K + 1;
        }
      }
      if (best > nowMs) return;
      if (src === -1) this.runPending(emit);
      else if (src === K) {
        this.roomUserNext = best + this.rng.range(1600, 2500);
        KINDS.roomUser.generate(this, best, emit);
      } else if (src === K + 1) {
        const s = (this.timeline as Timeline).takeSpike();
        this.onSpike?.(s.event, s.count, s.data, best);
      } else {
        next[src] = this.arrivals.drawNext(src, best);
        (this.rateSpecs[src]!.generate as NonNullable<KindSpec['generate']>)(this, best, emit);
      }
    }
  }

  /** Sends a frame, remembers chats for the backlog, and maybe duplicates it (quirk). */
  private out(emit: Emit, event: string, text: string, t: number, tag?: number): void {
    emit(tag === undefined ? { event, text } : { event, text, tag });
    if (event === 'chat' && this.quirks.chatBacklog) {
      if (this.backlog.length >= BACKLOG) this.backlog.shift();
      this.backlog.push(text);
    }
    if (this.quirks.duplicates > 0 && this.rng.chance(this.quirks.duplicates)) {
      this.heap.push({ t: t + this.rng.range(20, 600), type: PendingType.Text, event, text, streak: null, build: null });
    }
  }

  /** Sends a fired or scheduled frame through the same path as generated ones. */
  send(emit: Emit, event: string, text: string, t: number, tag?: number): void {
    this.out(emit, event, text, t, tag);
  }

  /** Queues a frame built when due at `t`, through the same path as fired ones. */
  later(t: number, event: string, build: (t: number) => string): void {
    this.heap.push({ t, type: PendingType.Build, event, text: '', streak: null, build });
  }

  /** The last chat frames, oldest first. */
  chatBacklog(): string[] {
    return this.quirks.chatBacklog ? [...this.backlog] : [];
  }

  private runPending(emit: Emit): void {
    const p = this.heap.pop();
    if (p === undefined) return;
    const t = Math.floor(p.t);
    if (p.type === PendingType.Text) emit({ event: p.event, text: p.text });
    else if (p.type === PendingType.Build) this.out(emit, p.event, (p.build as (t: number) => string)(t), p.t, p.tag);
    else if (p.type === PendingType.Tap) this.streaks.tap(p.streak as Streak, p.t, emit);
    else this.streaks.end(p.streak as Streak, p.t, emit);
  }

  /** Effective rates at `t` of the kinds drawn, for status(). */
  ratesAt(t: number): Partial<Rates> {
    return this.arrivals.ratesAt(t);
  }

  /** Redraws every kind's next arrival from `t` (after a rate change). */
  redrawAll(t: number): void {
    this.arrivals.redrawAll(t);
  }

  /** Starts a scenario at `t` (null = plain rates). */
  setScenario(s: Scenario | null, t: number): void {
    this.arrivals.setScenario(s, t);
  }

  /** The running scenario's timeline, or null. */
  get timeline(): Timeline | null {
    return this.arrivals.timeline;
  }

  /** Pauses or resumes generation; on resume arrivals restart from the latest time seen. */
  setPaused(p: boolean): void {
    if (p === this.paused) return;
    this.paused = p;
    if (!p) {
      this.redrawAll(this.lastNow);
      this.roomUserNext = this.lastNow + this.rng.range(1600, 2500);
      this.timeline?.skipSpikesBefore(this.lastNow);
    }
  }

  /**
   * A gift worth `value` diamonds counted at `tf`: starts the scenario's reaction boosts it qualifies for and, with
   * allKinds, moves the room's LIVE goal when it is the goal's gift (a goalUpdate frame, built when due).
   */
  react(value: number, tf: number, viewer = -1, giftId = 0, count = 0): void {
    this.arrivals.react(value, tf);
    if (this.opts.allKinds && viewer >= 0) goalGift(this, tf, viewer, giftId, count);
  }

  // ---- gifts (the streak machinery is in generator-streaks.ts) ------------------------------------------------

  /** A gift weighted towards cheap ones: ~45% Roses, the rest ~ 1/diamonds. */
  pickGift(rng: Rng): GiftParts {
    return this.streaks.pick(rng);
  }

  /** Parts of a catalog gift. */
  partsOf(g: CatalogGift): GiftParts {
    return this.streaks.partsOf(g);
  }

  /** Starts a gift send at `tf` (emit null = schedule it on the heap); see GiftStreaks.start. */
  startGift(viewer: number, gift: GiftParts, tf: number, emit: Emit | null, total?: number, overrides: Record<string, unknown> | null = null, tag?: number): void {
    this.streaks.start(viewer, gift, tf, emit, total, overrides, tag);
  }
}
