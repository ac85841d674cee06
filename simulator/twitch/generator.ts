/**
 * The fake Twitch's engine: Poisson arrivals per kind at the configured rates, on the virtual clock the server gives
 * it, and fired events queued for now. What is drawn depends only on the seed and the times asked for, never on how
 * many channels are joined or when timers fire: a seed repeats the stream.
 */
import { Rng } from '../rng.ts';
import { KIND_FNS, type Build, type EventHost, type RecentChat } from './events.ts';
import { TwitchPopulation } from './population.ts';
import { DEFAULT_TWITCH_RATES, TWITCH_RATE_KINDS, type TwitchRateKind, type TwitchRates } from './rates.ts';
import type { TwitchScenario } from './scenario-schema.ts';

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
  /** A scenario started at startMs (`--twitch-scenario`). */
  scenario?: CompiledTwitchScenario;
}

/** A checked Twitch scenario with each burst's event function bound (scenario.ts makes it; the generator runs it). */
export interface CompiledTwitchScenario {
  scenario: TwitchScenario;
  /** Per phase, per burst: the kind function with the burst's parameters. */
  burstFns: FireFn[][];
}

/** Where the running scenario stands (GET /api/twitch/status). */
export interface TwitchScenarioInfo {
  name: string;
  loop: boolean;
  phase: string;
  phaseIndex: number;
  phases: number;
  /** Virtual ms since the scenario was set. */
  elapsedMs: number;
  /** Virtual ms left in this phase (null after a non-looping scenario's last phase began: it stays). */
  phaseLeftMs: number | null;
}

interface RunningScenario {
  def: CompiledTwitchScenario;
  startMs: number;
  index: number;
  phaseStartMs: number;
  /** When the next phase begins (Infinity in a non-looping scenario's last phase). */
  phaseEndMs: number;
  /** This phase's burst events still to come, in time order (ties keep the order written). */
  bursts: Array<{ at: number; kind: TwitchRateKind; fn: FireFn }>;
}

const KINDS = KIND_FNS satisfies Record<TwitchRateKind, (h: EventHost) => Build>;

/** Poisson generator of Twitch events, plus a queue of fired ones. */
export class TwitchGenerator {
  readonly seed: number;
  readonly pop: TwitchPopulation;
  private readonly rng: Rng;
  /** The rates set by options and the API; a scenario's phase overrides the kinds it names. */
  private base: TwitchRates;
  private rates: TwitchRates;
  private scn: RunningScenario | null = null;
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
    this.base = { ...DEFAULT_TWITCH_RATES, ...o.rates };
    this.rates = { ...this.base };
    this.last = o.startMs;
    this.paused = o.paused ?? false;
    for (const k of TWITCH_RATE_KINDS) this.schedule(k, o.startMs);
    if (o.scenario) this.setScenario(o.scenario, o.startMs);
  }

  /** Starts a scenario at `nowMs` (its first phase's rates apply from then), or stops it (null: back to the base rates). */
  setScenario(def: CompiledTwitchScenario | null, nowMs: number): TwitchScenarioInfo | null {
    if (def === null) {
      this.scn = null;
      this.applyRates(nowMs);
      return null;
    }
    this.scn = { def, startMs: nowMs, index: -1, phaseStartMs: nowMs, phaseEndMs: nowMs, bursts: [] };
    this.enterPhase(0, nowMs);
    return this.scenarioInfo(nowMs);
  }

  /** The running scenario and its phase, or null. */
  scenarioInfo(nowMs = this.last): TwitchScenarioInfo | null {
    const s = this.scn;
    if (!s) return null;
    const sc = s.def.scenario;
    return {
      name: sc.name,
      loop: sc.loop === true,
      phase: sc.phases[s.index]!.name,
      phaseIndex: s.index,
      phases: sc.phases.length,
      elapsedMs: Math.max(0, Math.round(nowMs - s.startMs)),
      phaseLeftMs: Number.isFinite(s.phaseEndMs) ? Math.max(0, Math.round(s.phaseEndMs - nowMs)) : null,
    };
  }

  private enterPhase(index: number, at: number): void {
    const s = this.scn!;
    const phases = s.def.scenario.phases;
    const p = phases[index]!;
    s.index = index;
    s.phaseStartMs = at;
    const last = index === phases.length - 1 && s.def.scenario.loop !== true;
    s.phaseEndMs = last ? Infinity : at + p.durationS * 1000;
    s.bursts = [];
    for (const [j, b] of (p.bursts ?? []).entries()) {
      const fn = s.def.burstFns[index]![j]!;
      for (let n = 0; n < b.count; n++) s.bursts.push({ at: at + b.atS * 1000 + n * b.everyMs, kind: b.kind, fn });
    }
    // Bursts past the phase's end are dropped: the next phase is another moment of the stream.
    s.bursts = s.bursts.filter((b) => b.at < s.phaseEndMs);
    s.bursts.sort((a, b) => a.at - b.at);
    this.applyRates(at);
  }

  /** Rates now in force = base, with the phase's over it; a kind whose rate changed is drawn again from `at`. */
  private applyRates(at: number): void {
    const over = this.scn ? this.scn.def.scenario.phases[this.scn.index]!.rates : {};
    for (const k of TWITCH_RATE_KINDS) {
      const r = over[k] ?? this.base[k];
      if (this.rates[k] === r) continue;
      this.rates[k] = r;
      this.schedule(k, at);
    }
  }

  /** The rates now in force. */
  currentRates(): TwitchRates {
    return { ...this.rates };
  }

  /** The base rates (what a scenario's phases override). */
  baseRates(): TwitchRates {
    return { ...this.base };
  }

  /** Merges new base rates; a kind whose rate in force changed is drawn again from now (a phase's own rates stay). */
  setRates(r: Partial<TwitchRates>, nowMs: number): TwitchRates {
    Object.assign(this.base, r);
    this.applyRates(nowMs);
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
      // A scenario's phase change and bursts take their turn in time order, before arrivals at the same moment.
      const s = this.scn;
      if (s && s.phaseEndMs <= Math.min(at, nowMs) && (s.bursts.length === 0 || s.phaseEndMs <= s.bursts[0]!.at)) {
        this.enterPhase((s.index + 1) % s.def.scenario.phases.length, s.phaseEndMs);
        continue;
      }
      if (s && s.bursts.length > 0 && s.bursts[0]!.at <= Math.min(at, nowMs)) {
        const b = s.bursts.shift()!;
        if (!this.paused) emit(this.emission(b.kind, b.at, b.fn));
        continue;
      }
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
    const s = this.scn;
    if (s) at = Math.min(at, s.phaseEndMs, s.bursts[0]?.at ?? Infinity);
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
