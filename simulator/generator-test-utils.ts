import samples from '../protocol/fixtures/tikfinity-samples.json' with { type: 'json' };
import { createEngine, type Engine, type EngineOptions } from './engine.ts';

/** Test start time: 2025-01-01T20:00:00Z. */
export const T0 = Date.UTC(2025, 0, 1, 20, 0, 0);
export const MEDIA = 'http://127.0.0.1:21213';

/** An engine with test defaults; `over` replaces any option. */
export function makeEngine(over: Partial<EngineOptions> = {}): Engine {
  return createEngine({ seed: 7, population: 500, startMs: T0, mediaBase: MEDIA, ...over });
}

/** A parsed frame. */
export interface Frame {
  event: string;
  data: Record<string, unknown>;
  text: string;
}

/** Runs the engine to `untilMs` in `stepMs` steps and returns every frame. */
export function collect(engine: Engine, untilMs: number, stepMs = 100, from = T0): Frame[] {
  const out: Frame[] = [];
  for (let t = from; t <= untilMs; t += stepMs) {
    engine.advance(t, (f) => {
      const j = JSON.parse(f.text) as { event: string; data: Record<string, unknown> };
      out.push({ event: j.event, data: j.data, text: f.text });
    });
  }
  return out;
}

/** The real sample frame of a kind (first one), from the protocol fixtures. */
export function realSample(event: string): { event: string; data: Record<string, unknown> } {
  const s = (samples as { event: string; data: Record<string, unknown> }[]).find((x) => x.event === event);
  if (!s) throw new Error(`no real sample of ${event}`);
  return s;
}

/** Key paths of a value in order, recursing into objects and the first element of arrays. */
export function keyOrder(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.length > 0 ? keyOrder(v[0], `${prefix}[]`) : [];
  if (typeof v !== 'object' || v === null) return [];
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    out.push(`${prefix}${k}`);
    if (k !== 'userBadges') out.push(...keyOrder(x, `${prefix}${k}.`));
  }
  return out;
}

/** Rates with every kind off (only fired events and roomUser remain). */
export const SILENT = {
  chat: 0, like: 0, gift: 0, member: 0, follow: 0, share: 0, subscribe: 0, emote: 0, envelope: 0, questionNew: 0,
  liveIntro: 0, linkMicBattle: 0, linkMicArmies: 0,
};
