import { z } from 'zod';
import { GIFT_CATALOG } from '../../protocol/index.ts';
import { SCENARIO_PRESETS } from '../engine.ts';
import type { RouteTable } from './routes.ts';
import { fail, ok } from './routes.ts';
import { validate } from './validate.ts';

const generationBody = z
  .object({
    paused: z.boolean().optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  })
  .strict();

function intParam(url: URL, name: string, def: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  const n = raw === null ? def : Number(raw);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : def;
}

/** Routes that fire events and steer generation: status, events, rates, scenario, generation, gifts, viewers, log. */
export const generationRoutes: RouteTable = {
  'GET /api/status': ({ state }) => {
    const eng = state.engine.status();
    return ok({
      mode: state.replay.active ? 'replay' : 'generate',
      // One word for what the stream is doing, so a client need not work it out from mode and paused.
      generation: state.replay.active ? 'replaying' : eng.paused ? 'paused' : 'generating',
      clients: state.hub.size,
      clientList: state.hub.list(),
      sent: { total: state.sent.total, byKind: state.sent.byKind, connectFrames: state.sent.connectFrames },
      ratesObserved: state.meter.rates(Date.now()),
      dropped: {
        frames: state.hub.stats.droppedFrames,
        slowClients: state.hub.stats.slowClientsDisconnected,
        deadClients: state.hub.stats.deadClientsTerminated,
      },
      stallMs: state.pump.stallLeftMs(),
      uptimeMs: Date.now() - state.startedAt,
      streamTimeMs: state.pump.now(),
      ...eng,
      seed: state.opts.seed,
      replay: state.replay.status(),
      logSeq: state.log.last,
    });
  },

  'POST /api/events': ({ state, body }) => {
    const r = state.engine.fire(body, state.pump.now());
    if (!r.ok) return fail(r.error);
    state.pump.poke();
    return ok({ ok: true, ...r.value }, 202);
  },

  'GET /api/rates': ({ state }) => ok({ rates: state.engine.status().rates }),

  'PUT /api/rates': ({ state, body }) => {
    const r = state.engine.setRates(body);
    if (!r.ok) return fail(r.error);
    state.pump.poke();
    const st = state.engine.status();
    // While a scenario runs, its phases steer the rates: say so instead of letting the new ones vanish silently.
    return ok({
      rates: r.value,
      effective: st.rates,
      ...(st.scenario ? { scenario: st.scenario.name, note: `scenario "${st.scenario.name}" is running: its phase rates apply over these (PUT /api/scenario null to steer by rates alone)` } : {}),
    });
  },

  'GET /api/scenarios': () => ok({ scenarios: SCENARIO_PRESETS }),

  'PUT /api/scenario': ({ state, body }) => {
    const r = state.engine.setScenario(body, state.pump.now());
    if (!r.ok) return fail(r.error);
    state.pump.poke();
    return ok({ scenario: r.value });
  },

  'PUT /api/generation': ({ state, body }) => {
    const v = validate(generationBody, body);
    if (!v.ok) return fail(v.error);
    if (v.value.seed !== undefined) state.reseed(v.value.seed);
    if (v.value.paused !== undefined) state.engine.setPaused(v.value.paused || state.replay.active);
    return ok({ seed: state.opts.seed, paused: state.engine.status().paused });
  },

  'GET /api/gifts': ({ state }) =>
    ok({
      gifts: GIFT_CATALOG.map((g) => ({
        id: g.id,
        name: g.name,
        diamondCount: g.diamondCount,
        type: g.type,
        streakable: g.type === 1,
        describe: g.describe,
        imageUrl: `${state.mediaBase}/media/gift/${g.id}.png`,
      })),
    }),

  'GET /api/viewers': ({ state, url }) => {
    const limit = intParam(url, 'limit', 20, 1, 200);
    const q = url.searchParams.get('q') ?? '';
    const faces = url.searchParams.get('faces');
    const viewers = faces === '1' || faces === 'true' ? state.engine.viewers('face:', limit) : state.engine.viewers(q, limit);
    return ok({ viewers });
  },

  'GET /api/log': ({ state, url }) => {
    const after = intParam(url, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(url, 'limit', 100, 1, 500);
    return ok({ seq: state.log.last, entries: state.log.since(after, limit) });
  },
};
