import type { Engine, OutFrame } from '../engine.ts';
import { FINE_MS, fineWait } from '../fine-wait.ts';

/**
 * Gaps under this (ms) are not waited for finely: such frames are batched a timer tick at a time (throughput at tens
 * of thousands a second). Kept small: a frame sent a tick late is ~1 ms late, and at 0.3 ms about 8% of a 270/s
 * stream's gaps were that short (Poisson), which put the generated stream's p99 0.7 ms over its floor's (bench); at
 * 0.02 ms it is 0.5%.
 */
const DENSE_MS = 0.02;

/** Where the pump sends each due frame. */
export type FrameSink = (frame: OutFrame) => void;

/**
 * Drives the engine in real time: sleeps until the next frame is due (at most `maxSleepMs`, so fired events and
 * rate changes take effect promptly), then emits everything due. Virtual time = startMs + elapsed real time, so the
 * content of the stream depends only on the seed, never on when the timer happens to fire.
 */
export class Pump {
  private timer: NodeJS.Timeout | null = null;
  private readonly t0 = performance.now();
  private stalledUntil = 0;
  private running = false;
  private immediate: NodeJS.Immediate | null = null;

  constructor(
    private readonly engine: Pick<Engine, 'advance' | 'nextDueMs'>,
    private readonly startMs: number,
    private readonly sink: FrameSink,
    private readonly maxSleepMs = 20,
    /** Wraps each batch of emits (the hub corks its sockets around it). */
    private readonly around: (fn: () => void) => void = (fn) => fn(),
  ) {}

  /** The engine's virtual now. */
  now(): number {
    return this.startMs + Math.floor(performance.now() - this.t0);
  }

  /** Starts pumping. */
  start(): void {
    this.running = true;
    this.tick();
  }

  /** Stops pumping. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }

  /** Wakes the pump now (after a fired event), unless stalled. */
  poke(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    this.timer = setTimeout(() => this.tick(), 0);
  }

  /** Holds every frame back for `ms` (fault injection); they all go out when the stall ends, as a real hiccup would. */
  stall(ms: number): void {
    this.stalledUntil = performance.now() + ms;
    this.poke();
  }

  /** Milliseconds of stall left. */
  stallLeftMs(): number {
    return Math.max(0, Math.round(this.stalledUntil - performance.now()));
  }

  private tick(): void {
    this.timer = null;
    if (!this.running) return;
    const stallLeft = this.stalledUntil - performance.now();
    if (stallLeft > 0) {
      this.timer = setTimeout(() => this.tick(), Math.min(stallLeft, 1000));
      return;
    }
    // Frames go out at their due time to the fraction of a ms: a timer wakes the pump up to ~2 ms off, so a frame due
    // within FINE_MS is waited for finely. advance() gets the exact virtual time (the frames' content does not depend
    // on it: only on the seed and their own due times).
    const next = this.engine.nextDueMs();
    if (next - this.exactNow() <= FINE_MS) fineWait(() => this.exactNow(), next);
    const now = this.exactNow();
    try {
      this.around(() => this.engine.advance(now, this.sink));
    } catch (e) {
      // A generator bug must not stop the stream for good; report it once per tick and keep going.
      process.stderr.write(`tiksim: generator error: ${(e as Error).stack ?? e}\n`);
    }
    const due = this.engine.nextDueMs() - this.exactNow();
    if (due < DENSE_MS) {
      // A dense stream (frames closer than DENSE_MS): the next ms of frames goes out in one corked tick, as before.
      this.timer = setTimeout(() => this.tick(), Math.max(0, due));
      return;
    }
    if (due <= FINE_MS) {
      // Close: the next tick waits finely, after the event loop had its turn.
      this.timer = null;
      this.immediate = setImmediate(() => {
        this.immediate = null;
        this.tick();
      });
      return;
    }
    const sleep = Math.min(this.maxSleepMs, Number.isFinite(due) ? due - 1 : this.maxSleepMs);
    this.timer = setTimeout(() => this.tick(), sleep);
  }

  /** The virtual now to the fraction of a ms (now() is whole ms, for what is stamped with it). */
  private exactNow(): number {
    return this.startMs + (performance.now() - this.t0);
  }
}
