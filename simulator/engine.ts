import { fail, ok, type ApiError, type Result } from './errors.ts';
import { fireEvent } from './fire.ts';
import { Core, type OutFrame } from './generator-core.ts';
import { FACE_VIEWER_COUNT, type ViewerSummary } from './population.ts';
import { DEFAULT_QUIRKS, validateQuirks, type Quirks } from './quirks.ts';
import { DEFAULT_RATES, validateRates, type Rates } from './rates.ts';
import { Rng } from './rng.ts';
import { resolveScenario } from './scenarios/load.ts';
import type { Scenario } from './scenarios/schema.ts';

export type { Clock } from './clock.ts';
export { systemClock, manualClock } from './clock.ts';
export type { ApiError, Result } from './errors.ts';
export { ERRORS } from '../protocol/errors.ts';
export type { OutFrame } from './generator-core.ts';
export type { Quirks } from './quirks.ts';
export { parseQuirks, DEFAULT_QUIRKS } from './quirks.ts';
export type { Rates, RateKind } from './rates.ts';
export { parseRates, DEFAULT_RATES, RATE_KINDS } from './rates.ts';
export type { Scenario } from './scenarios/schema.ts';
export { loadScenarioFile, SCENARIO_PRESETS } from './scenarios/load.ts';
export type { ViewerSummary } from './population.ts';
export { FACE_VIEWER_COUNT } from './population.ts';

/** Options of createEngine (docs/ARCHITECTURE.md, "simulator engine"). */
export interface EngineOptions {
  seed: number;
  /** Viewers in the population (default 500; up to millions, identities are derived on demand). */
  population: number;
  rates?: Partial<Rates>;
  /** A preset name or a scenario object; starts at `startMs`. */
  scenario?: Scenario | string;
  quirks?: Partial<Quirks>;
  /** Virtual start time (epoch ms) used for createTime/msgId/groupId. */
  startMs: number;
  /** Every generated URL starts with this, e.g. 'http://127.0.0.1:21213'. */
  mediaBase: string;
  tikfinity?: { userId: number; username: string };
  /**
   * Generate and accept every TikTok-Live-Connector kind, not only the 17 TikFinity forwards (default false: the
   * stream is byte for byte what it was). The other kinds' frames carry TLC-style data (protocol/tlc).
   */
  allKinds?: boolean;
}

export type { ScenarioInfo } from '../protocol/api.ts';
import type { GenerationStatus, ScenarioInfo } from '../protocol/api.ts';

/** What GET /api/status shows of the generator: protocol's GenerationStatus, with the rates typed by kind. */
export interface EngineStatus extends GenerationStatus {
  rates: Partial<Rates>;
}

/** The event generator the server drives. */
export interface Engine {
  /** Emits, in order, every frame due at or before `nowMs` (generated + fired), via `emit`. */
  advance(nowMs: number, emit: (f: OutFrame) => void): void;
  /** Time (ms) of the next due frame, or Infinity. */
  nextDueMs(): number;
  /** POST /api/events body → frames scheduled at `nowMs` (streaks play out over time). */
  fire(body: unknown, nowMs: number, tag?: number): Result<{ scheduled: number; event: string }, ApiError>;
  /** Partial merge into the base rates (PUT /api/rates). */
  setRates(r: unknown): Result<Rates, ApiError>;
  /** A preset name, `{name}`, a scenario object, or null to stop the scenario. */
  setScenario(s: unknown, nowMs: number): Result<ScenarioInfo | null, ApiError>;
  /** Pauses generation only; fired events and streaks in flight still go out. */
  setPaused(p: boolean): void;
  /** The last 6 chat frames' text, for a newly connected client. */
  chatBacklog(): string[];
  status(): EngineStatus;
  /** What a new seed must keep: the base rates, the scenario object and whether generation is paused. */
  settings(): { rates: Rates; scenario: Scenario | null; paused: boolean };
  /** Viewers whose uniqueId/nickname contain `query`; '' → the most active; 'face:' → the face-photo viewers. */
  viewers(query: string, limit: number): ViewerSummary[];
}

/** TikFinity account used when none is given (the real capture's). */
const DEFAULT_TIKFINITY = { userId: 1888822, username: 'wizardofdealz' };

/** Largest population accepted. */
export const MAX_POPULATION = 10_000_000;

function must<T>(r: Result<T, ApiError>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
  return r.value;
}

/**
 * Creates a seeded engine. Throws (with a clear message) only on invalid options; the server validates CLI input
 * first with parseRates/parseQuirks/loadScenarioFile.
 * @example const e = createEngine({seed: 1, population: 500, startMs: Date.UTC(2025,0,1), mediaBase: 'http://127.0.0.1:21213'});
 */
export function createEngine(opts: EngineOptions): Engine {
  if (!Number.isInteger(opts.population) || opts.population < 1 || opts.population > MAX_POPULATION) {
    throw new Error(`population must be an integer between 1 and ${MAX_POPULATION}, got ${opts.population}`);
  }
  const rates = { ...DEFAULT_RATES, ...must(validateRates(opts.rates ?? {}), 'rates') };
  const quirks = { ...DEFAULT_QUIRKS, ...must(validateQuirks(opts.quirks ?? {}), 'quirks') };
  const core = new Core({
    seed: opts.seed >>> 0,
    population: opts.population,
    rates,
    quirks,
    startMs: opts.startMs,
    mediaBase: opts.mediaBase.replace(/\/+$/, ''),
    tikfinity: opts.tikfinity ?? DEFAULT_TIKFINITY,
    allKinds: opts.allKinds === true,
  });
  let fireSeq = 0;
  const fireRng = (): Rng => new Rng(opts.seed >>> 0, 0x6000_0000 + fireSeq++);
  core.onSpike = (event, count, data, t) => {
    fireEvent(core, { event, count, ...(data ? { data } : {}) }, t, fireRng());
  };
  if (opts.scenario !== undefined) core.setScenario(must(resolveScenario(opts.scenario), 'scenario'), opts.startMs);

  const scenarioInfo = (t: number): ScenarioInfo | null => {
    const tl = core.timeline;
    if (!tl) return null;
    const at = tl.at(t);
    return {
      name: tl.scenario.name,
      description: tl.scenario.description ?? '',
      phase: at.phase.name,
      phaseIndex: at.index,
      phases: tl.scenario.phases.length,
      elapsedS: Math.round(at.elapsedS * 10) / 10,
      loop: tl.scenario.loop === true,
    };
  };

  return {
    advance: (nowMs, emit) => core.advance(nowMs, emit),
    nextDueMs: () => core.nextDueMs(),
    fire: (body, nowMs, tag) => {
      try {
        return fireEvent(core, body, nowMs, fireRng(), tag);
      } catch (e) {
        return fail('E_BAD_BODY', `could not fire this event: ${(e as Error).message}`);
      }
    },
    setRates: (r) => {
      const v = validateRates(r);
      if (!v.ok) return v;
      core.rates = { ...core.rates, ...v.value };
      core.redrawAll(core.lastNow);
      return ok({ ...core.rates });
    },
    setScenario: (s, nowMs) => {
      if (s === null || (typeof s === 'object' && s !== null && (s as { name?: unknown }).name === null)) {
        core.setScenario(null, nowMs);
        return ok(null);
      }
      const r = resolveScenario(s);
      if (!r.ok) return r;
      core.setScenario(r.value, nowMs);
      return ok(scenarioInfo(nowMs));
    },
    setPaused: (p) => core.setPaused(p),
    settings: () => ({ rates: { ...core.rates }, scenario: core.timeline?.scenario ?? null, paused: core.paused }),
    chatBacklog: () => core.chatBacklog(),
    status: () => ({
      seed: opts.seed,
      population: core.pop.total,
      rates: core.ratesAt(core.lastNow),
      allKinds: opts.allKinds === true,
      scenario: scenarioInfo(core.lastNow),
      paused: core.paused,
      quirks: { ...core.quirks },
      viewersInRoom: core.room.viewersInRoom,
      totalLikes: core.room.totalLikes,
      diamonds: core.room.diamonds,
      pendingFrames: core.heap.size,
      cachedViewers: core.pop.cached,
    }),
    viewers: (query, limit) => {
      const n = Math.max(0, Math.min(1000, Math.floor(limit)));
      const q = query.trim();
      let idx: number[];
      if (q === 'face:' || q === 'face') idx = core.pop.faceIndexes.slice(0, FACE_VIEWER_COUNT);
      else if (q === '') {
        const top = core.room.topList().map((e) => e.index);
        idx = [...new Set([...top, ...Array.from({ length: Math.min(n, core.pop.size) }, (_, i) => i)])];
      } else idx = core.pop.search(q, n);
      return idx.slice(0, n).map((i) => core.pop.summary(i, core.room.coinsOf(i)));
    },
  };
}
