/**
 * The fake Twitch's control routes (`serve --twitch`): status, fire any line kind, rates, scenarios, pause, and the faults
 * (RECONNECT, drop, stall). On a server started without --twitch each answers E_TWITCH_OFF.
 */
import { z } from 'zod';
import { httpError } from './http.ts';
import type { RouteContext, RouteResult, RouteTable } from './route-kit.ts';
import { fail, ok } from './route-kit.ts';
import { validate } from './validate.ts';
import { fireFnOf, twitchFireBody, TWITCH_FIRE_KINDS } from '../twitch/fire.ts';
import { validateTwitchRates } from '../twitch/rates.ts';
import { resolveTwitchScenario, TWITCH_SCENARIO_PRESETS } from '../twitch/scenario.ts';
import type { RunningTwitch } from '../twitch/server.ts';

const reconnectBody = z.object({ afterMs: z.number().int().min(0).max(60_000).optional() }).strict();
const stallBody = z.object({ seconds: z.number().positive().max(600) }).strict();
const generationBody = z.object({ paused: z.boolean() }).strict();

type TwitchRoute = (tw: RunningTwitch, ctx: RouteContext) => RouteResult;

function withTwitch(route: TwitchRoute): (ctx: RouteContext) => RouteResult {
  return (ctx) => {
    const tw = ctx.state.twitch;
    if (!tw) return fail(httpError(409, 'E_TWITCH_OFF', 'the fake Twitch is not running: start the server with --twitch (tiksim serve --twitch)'));
    return route(tw, ctx);
  };
}

/** Routes under /api/twitch/. */
export const twitchRoutes: RouteTable = {
  'GET /api/twitch/status': withTwitch((tw) => ok(tw.status())),

  'POST /api/twitch/events': withTwitch((tw, { body }) => {
    const kind = (body as { kind?: unknown } | null)?.kind;
    if (typeof body === 'object' && body !== null && !TWITCH_FIRE_KINDS.includes(kind as never)) {
      return fail(httpError(400, 'E_BAD_FIELD', `"kind" must be one of ${TWITCH_FIRE_KINDS.join(', ')}; got ${JSON.stringify(kind)}`, { field: 'kind', choices: [...TWITCH_FIRE_KINDS] }));
    }
    const v = validate(twitchFireBody, body);
    if (!v.ok) return fail(v.error);
    const channels = tw.status().channels.filter((c) => c.clients > 0).map((c) => c.name);
    tw.fire(v.value.kind, fireFnOf(v.value), v.value.channel);
    const to = v.value.channel !== undefined ? channels.filter((c) => c === v.value.channel) : channels;
    return ok({ ok: true, kind: v.value.kind, channels: to }, 202);
  }),

  'GET /api/twitch/rates': withTwitch((tw) => ok({ rates: tw.generator.currentRates() })),

  'PUT /api/twitch/rates': withTwitch((tw, { body }) => {
    const r = validateTwitchRates(body);
    if (!r.ok) return fail(r.error);
    const rates = tw.generator.setRates(r.value, tw.now());
    const scn = tw.generator.scenarioInfo(tw.now());
    // As for TikTok: while a scenario runs its phase rates apply over these; say so rather than let them vanish.
    return ok({ rates, ...(scn ? { scenario: scn.name, note: `Twitch scenario "${scn.name}" is running: its phase rates apply over these (PUT /api/twitch/scenario null to steer by rates alone)` } : {}) });
  }),

  'GET /api/twitch/scenarios': withTwitch(() => ok({ scenarios: TWITCH_SCENARIO_PRESETS })),

  'PUT /api/twitch/scenario': withTwitch((tw, { body }) => {
    const r = resolveTwitchScenario(body);
    if (!r.ok) return fail(r.error);
    return ok({ scenario: tw.generator.setScenario(r.value, tw.now()), rates: tw.generator.currentRates() });
  }),

  'PUT /api/twitch/generation': withTwitch((tw, { body }) => {
    const v = validate(generationBody, body);
    if (!v.ok) return fail(v.error);
    tw.generator.paused = v.value.paused;
    return ok({ paused: tw.generator.paused });
  }),

  'POST /api/twitch/faults/reconnect': withTwitch((tw, { body }) => {
    const v = validate(reconnectBody, body ?? {});
    if (!v.ok) return fail(v.error);
    const afterMs = v.value.afterMs ?? 1000;
    return ok({ told: tw.reconnect(afterMs), closeAfterMs: afterMs });
  }),

  'POST /api/twitch/faults/drop': withTwitch((tw) => ok({ dropped: tw.drop() })),

  'POST /api/twitch/faults/stall': withTwitch((tw, { body }) => {
    const v = validate(stallBody, body);
    if (!v.ok) return fail(v.error);
    tw.stall(v.value.seconds * 1000);
    return ok({ stalledMs: v.value.seconds * 1000 });
  }),
};
