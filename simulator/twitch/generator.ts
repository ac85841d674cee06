/**
 * The fake Twitch's engine: Poisson arrivals per kind at the configured rates, on the virtual clock the server gives
 * it, and fired events queued for now. What is drawn depends only on the seed and the times asked for, never on how
 * many channels are joined or when timers fire: a seed repeats the stream.
 */
import { Rng } from '../rng.ts';
import { KIND_FNS, type Build, type EventHost, type RecentChat } from './events.ts';
import { TwitchPopulation } from './population.ts';
import { DEFAULT_TWITCH_RATES, TWITCH_RATE_KINDS, type TwitchRateKind, type TwitchRates } from './rates.ts';

/** One event out of the generator: its kind, sequence number, time, and how to write it per channel. */
export interface TwitchEmission {
  kind: string;
  seq: number;
  at: number;
  build: Build;
}

/** A fired event: a kind function applied to its parameters, at the moment it is fired. */
export type FireFn = (h: EventHost) => Build;

/** What the generator is started with. */
export interface TwitchGeneratorOptions {
  seed: number;
  /** Distinct chatters (default 2000). */
  population?: number;
  rates?: Partial<TwitchRates>;
  /** Virtual time of the start (epoch ms). */
  startMs: number;
  paused?: boolean;
}

const KINDS = KIND_FNS satisfies Record<TwitchRateKind, (h: EventHost) => Build>;

/** Poisson generator of Twitch events, plus a queue of fired ones. */
export class TwitchGenerator {
  readonly seed: number;
  readonly pop: TwitchPopulation;
  private readonly rng: Rng;
  private rates: TwitchRates;
  private readonly nextAt = new Map<TwitchRateKind, number>();
  private readonly fired: Array<{ kind: string; fn: FireFn; at: number }> = [];
  private readonly recent: RecentChat[] = [];
  private readonly gifted = new Map<string, number>();
  private seq = 0;
  private last: number;
  paused: boolean;

  constructor(o: TwitchGeneratorOptions) {
    this.seed = o.seed;
    this.pop = new TwitchPopulation(o.seed, o.population ?? 2000);
    this.rng = new Rng(o.seed, 0x7717c4);
    this.rates = { ...DEFAULT_TWITCH_RATES, ...o.rates };
    this.last = o.startMs;
    this.paused = o.paused ?? false;
    for (const k of TWITCH_RATE_KINDS) this.schedule(k, o.startMs);
  }

  /** The rates now in force. */
  currentRates(): TwitchRates {
    return { ...this.rates };
  }

  /** Merges new rates; a changed kind's next arrival is drawn again from now. */
  setRates(r: Partial<TwitchRates>, nowMs: number): TwitchRates {
    for (const [k, v] of Object.entries(r) as [TwitchRateKind, number][]) {
      if (this.rates[k] === v) continue;
      this.rates[k] = v;
      this.schedule(k, nowMs);
    }
    return this.currentRates();
  }

  /** Queues a fired event for `nowMs`; it goes out with the next advance. */
  fire(kind: string, fn: FireFn, nowMs: number): void {
    this.fired.push({ kind, fn, at: nowMs });
  }

  /** Emits, in time order, every event due at or before `nowMs`. */
  advance(nowMs: number, emit: (e: TwitchEmission) => void): void {
    // Fired events first: they were asked for at or before now, and a test waits on them.
    while (this.fired.length > 0) {
      const f = this.fired.shift()!;
      emit(this.emission(f.kind, Math.max(f.at, this.last), f.fn));
    }
    for (;;) {
      let kind: TwitchRateKind | undefined;
      let at = Infinity;
      for (const [k, t] of this.nextAt) if (t < at) [kind, at] = [k, t];
      if (kind === undefined || at > nowMs) break;
      this.schedule(kind, at);
      // Paused: time still passes (arrivals are drawn and dropped), so resuming does not unleash a backlog.
      if (this.paused) continue;
      const fn = KINDS[kind];
      emit(this.emission(kind, at, (h) => fn(h)));
    }
    this.last = Math.max(this.last, nowMs);
  }

  /** Time of the next due event (a fired one: now), or Infinity. */
  nextDueMs(): number {
    if (this.fired.length > 0) return this.last;
    let at = Infinity;
    for (const t of this.nextAt.values()) if (t < at) at = t;
    return at;
  }

  private emission(kind: string, at: number, fn: FireFn): TwitchEmission {
    const seq = this.seq++;
    // Arrival times are fractional (high rates stay Poisson); Twitch's timestamps are whole ms.
    const ms = Math.floor(at);
    const host: EventHost = { seed: this.seed, rng: this.rng, pop: this.pop, seq, at: ms, recent: this.recent, gifted: this.gifted };
    return { kind, seq, at: ms, build: fn(host) };
  }

  private schedule(kind: TwitchRateKind, from: number): void {
    const rate = this.rates[kind];
    if (rate <= 0) this.nextAt.set(kind, Infinity);
    else this.nextAt.set(kind, from + (this.rng.exp1() / rate) * 1000);
  }
}
