/**
 * When each rate kind next arrives: a unit exponential per kind spent against its rate, which a scenario's phases and
 * ramps and its reaction boosts shape over time. Draws come from the core's own rng, in the core's order, so a seed
 * repeats the stream.
 */
import type { RateKind } from './events/index.ts';
import type { Rates } from './rates.ts';
import type { Rng } from './rng.ts';
import type { Scenario } from './scenarios/schema.ts';
import { Timeline } from './scenarios/timeline.ts';

/** A rate-walk longer than this gives up (a kind silent for a day is silent). */
const MAX_WALK_MS = 86_400_000;

/** The next-arrival times of the rate kinds, and what shapes their rates. */
export class Arrivals {
  /** Next arrival (virtual ms) of each rate kind, by its index in `kinds`. */
  readonly next: Float64Array;
  timeline: Timeline | null = null;
  private boosts: { until: number; factor: Partial<Record<RateKind, number>> }[] = [];
  private readonly index: Partial<Record<RateKind, number>>;

  /**
   * `rates`: the base rates as they are now (PUT /api/rates replaces the core's object); `kinds`: the kinds drawn, in
   * draw order (TikFinity's, or every kind with allKinds: the others' rates are kept but never drawn).
   */
  constructor(
    private readonly rates: () => Rates,
    private readonly rng: Rng,
    readonly kinds: readonly RateKind[],
  ) {
    this.next = new Float64Array(kinds.length);
    this.index = Object.fromEntries(kinds.map((k, i) => [k, i]));
  }

  /** The effective rate of kind index `k` at `t` (scenario phase, ramp and reaction boosts applied). */
  rateAt(k: number, t: number): number {
    const kind = this.kinds[k]!;
    let r = this.timeline ? this.timeline.rate(kind, this.rates(), this.timeline.at(t)) : this.rates()[kind];
    for (const b of this.boosts) if (t < b.until) r *= b.factor[kind] ?? 1;
    return r;
  }

  /** Effective rates at `t` of the kinds drawn, for status(). */
  ratesAt(t: number): Partial<Rates> {
    const out: Partial<Rates> = {};
    for (let k = 0; k < this.kinds.length; k++) out[this.kinds[k]!] = Math.round(this.rateAt(k, t) * 1e6) / 1e6;
    return out;
  }

  /** Time of the next arrival of kind `k` after `from`: a unit exponential spent against the (piecewise) rate. */
  drawNext(k: number, from: number): number {
    let e = this.rng.exp1();
    let t = from;
    const tl = this.timeline;
    if (tl === null && this.boosts.length === 0) {
      const r = this.rates()[this.kinds[k]!];
      return r > 0 ? t + (e * 1000) / r : Infinity;
    }
    while (t - from < MAX_WALK_MS) {
      let end = Infinity;
      if (tl !== null) {
        const at = tl.at(t);
        end = tl.ramps(at) ? Math.min(at.endMs, t + 250) : at.endMs;
      }
      for (const b of this.boosts) if (b.until > t && b.until < end) end = b.until;
      const r = this.rateAt(k, t);
      if (r > 0) {
        const need = (e * 1000) / r;
        if (t + need <= end) return t + need;
        e -= ((end - t) * r) / 1000;
      }
      if (end === Infinity) return Infinity;
      t = end;
    }
    return Infinity;
  }

  /** Redraws every kind's next arrival from `t` (after a rate, scenario or pause change; arrivals are memoryless). */
  redrawAll(t: number): void {
    for (let k = 0; k < this.kinds.length; k++) this.next[k] = this.drawNext(k, t);
  }

  /** Starts a scenario at `t` (null = plain rates). */
  setScenario(s: Scenario | null, t: number): void {
    this.timeline = s ? new Timeline(s, t) : null;
    this.boosts = [];
    this.redrawAll(t);
  }

  /** A gift worth `value` diamonds counted at `tf`: starts the scenario's reaction boosts it qualifies for. */
  react(value: number, tf: number): void {
    const reactions = this.timeline?.scenario.reactions;
    if (!reactions) return;
    for (const r of reactions) {
      if (value >= r.onGiftMinDiamonds) {
        this.boosts = this.boosts.filter((b) => b.until > tf);
        this.boosts.push({ until: tf + r.forS * 1000, factor: r.boost as Partial<Record<RateKind, number>> });
        // A boost changes the rate, so the boosted kinds' pending arrivals are redrawn from now.
        for (const kind of Object.keys(r.boost) as RateKind[]) {
          const i = this.index[kind];
          if (i !== undefined) this.next[i] = this.drawNext(i, tf);
        }
      }
    }
  }
}
