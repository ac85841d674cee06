import type { Engine, OutFrame } from '../engine.ts';

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
    this.timer = null;
  }

  /** Wakes the pump now (after a fired event), unless stalled. */
  poke(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
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
    const now = this.now();
    try {
      this.around(() => this.engine.advance(now, this.sink));
    } catch (e) {
      // A generator bug must not stop the stream for good; report it once per tick and keep going.
      process.stderr.write(`tiksim: generator error: ${(e as Error).stack ?? e}\n`);
    }
    const due = this.engine.nextDueMs() - this.now();
    const sleep = Math.max(0, Math.min(this.maxSleepMs, Number.isFinite(due) ? due : this.maxSleepMs));
    this.timer = setTimeout(() => this.tick(), sleep);
  }
}
