import type { RateKind, Rates } from '../rates.ts';
import type { Scenario, ScenarioPhase } from './schema.ts';

/** Where a scenario stands at a moment. */
export interface PhaseAt {
  index: number;
  phase: ScenarioPhase;
  /** Seconds since the scenario started. */
  elapsedS: number;
  /** 0..1 through the phase (1 once a non-looping scenario has ended). */
  progress: number;
  /** Absolute ms where this phase ends (Infinity after a non-looping scenario's end). */
  endMs: number;
}

/** A scheduled spike, with its absolute time. */
export interface DueSpike {
  atMs: number;
  event: string;
  count: number;
  data: Record<string, unknown> | undefined;
}

/** A scenario placed on the virtual time line: phase lookup, per-kind rates, and its spikes in time order. */
export class Timeline {
  private readonly offsets: number[] = [];
  private readonly durationMs: number;
  private readonly spikes: { offMs: number; event: string; count: number; data: Record<string, unknown> | undefined }[] = [];
  private spikeIdx = 0;
  private spikeCycle = 0;

  constructor(
    readonly scenario: Scenario,
    readonly startMs: number,
  ) {
    let off = 0;
    for (const p of scenario.phases) {
      this.offsets.push(off);
      for (const s of p.spikes ?? []) this.spikes.push({ offMs: off + s.atS * 1000, event: s.event, count: s.count, data: s.data });
      off += p.durationS * 1000;
    }
    this.durationMs = off;
    this.spikes.sort((a, b) => a.offMs - b.offMs);
  }

  /** The phase at absolute time `t`. */
  at(t: number): PhaseAt {
    const ph = this.scenario.phases;
    const e = Math.max(0, t - this.startMs);
    const loop = this.scenario.loop === true;
    if (!loop && e >= this.durationMs) {
      return { index: ph.length - 1, phase: ph[ph.length - 1], elapsedS: e / 1000, progress: 1, endMs: Infinity };
    }
    const cycle = loop ? Math.floor(e / this.durationMs) : 0;
    const inCycle = e - cycle * this.durationMs;
    let i = ph.length - 1;
    while (i > 0 && this.offsets[i] > inCycle) i--;
    const dur = ph[i].durationS * 1000;
    const startOfPhase = this.startMs + cycle * this.durationMs + this.offsets[i];
    return { index: i, phase: ph[i], elapsedS: e / 1000, progress: Math.min(1, (t - startOfPhase) / dur), endMs: startOfPhase + dur };
  }

  /** The rate of `kind` at `t`: the phase's rate (or `base` for kinds the phase leaves out), ramped if `rampTo` says so. */
  rate(kind: RateKind, base: Readonly<Rates>, at: PhaseAt): number {
    const r0 = at.phase.rates[kind] ?? base[kind];
    const r1 = at.phase.rampTo?.[kind];
    return r1 === undefined ? r0 : r0 + (r1 - r0) * at.progress;
  }

  /** True when the phase at `at` changes its rates continuously. */
  ramps(at: PhaseAt): boolean {
    return at.phase.rampTo !== undefined && at.progress < 1;
  }

  /** Absolute time of the next spike, or Infinity. */
  nextSpikeMs(): number {
    if (this.spikeIdx >= this.spikes.length) return Infinity;
    return this.startMs + this.spikeCycle * this.durationMs + this.spikes[this.spikeIdx].offMs;
  }

  /** Takes the next spike and moves on (wrapping when the scenario loops). */
  takeSpike(): DueSpike {
    const s = this.spikes[this.spikeIdx];
    const atMs = this.nextSpikeMs();
    this.spikeIdx++;
    if (this.spikeIdx >= this.spikes.length && this.scenario.loop === true && this.durationMs > 0) {
      this.spikeIdx = 0;
      this.spikeCycle++;
    }
    return { atMs, event: s.event, count: s.count, data: s.data };
  }

  /** Drops spikes due before `t` (after a pause). */
  skipSpikesBefore(t: number): void {
    let guard = 0;
    while (this.nextSpikeMs() < t && guard++ < 1_000_000) this.takeSpike();
  }
}
