import { resolve } from 'node:path';
import { z } from 'zod';
import { httpError } from './http.ts';
import type { RouteTable } from './route-kit.ts';
import { fail, ok } from './route-kit.ts';
import { validate } from './validate.ts';

const loadBody = z
  .object({
    recording: z.string().min(1),
    speed: z.number().positive().max(1000).optional(),
    instant: z.boolean().optional(),
    loop: z.boolean().optional(),
    loopExact: z.boolean().optional(),
    startNow: z.boolean().optional(),
    fromMs: z.number().min(0).optional(),
    toMs: z.number().min(0).optional(),
    skipBad: z.boolean().optional(),
    rewriteMedia: z.boolean().optional(),
  })
  .strict();

const controlBody = z
  .object({
    paused: z.boolean().optional(),
    positionMs: z.number().min(0).optional(),
    speed: z.number().positive().max(1000).optional(),
  })
  .strict();

/** Routes that list, load and steer recordings. */
export const replayRoutes: RouteTable = {
  'GET /api/recordings': async ({ state }) => {
    const dir = state.opts.recordingsDir ?? resolve('recordings');
    return ok({ dir, recordings: await state.replay.catalog() });
  },

  'GET /api/replay': ({ state }) => ok({ replay: state.replay.status() }),

  'POST /api/replay': async ({ state, body }) => {
    const v = validate(loadBody, body);
    if (!v.ok) return fail(v.error);
    const found = await state.replay.resolveName(v.value.recording);
    if (!found.ok) return fail(found.error);
    try {
      const status = await state.replay.load(v.value, 'api');
      return ok({ replay: status }, 201);
    } catch (e) {
      const err = e as Error & { code?: string };
      return fail(httpError(400, 'E_REPLAY', err.message, { field: 'recording' }));
    }
  },

  'PUT /api/replay': ({ state, body }) => {
    const v = validate(controlBody, body);
    if (!v.ok) return fail(v.error);
    const r = state.replay.current;
    if (!r) return fail(httpError(409, 'E_REPLAY', 'no replay is loaded: POST /api/replay {"recording": "<name>"} first'));
    if (v.value.speed !== undefined) r.setSpeed(v.value.speed);
    if (v.value.positionMs !== undefined) r.seek(v.value.positionMs);
    if (v.value.paused === true) r.pause();
    if (v.value.paused === false) r.resume();
    return ok({ replay: state.replay.status() });
  },

  'DELETE /api/replay': ({ state }) => {
    const was = state.replay.active;
    state.replay.stop();
    state.pump.poke();
    return ok({ stopped: was, mode: 'generate' });
  },
};
