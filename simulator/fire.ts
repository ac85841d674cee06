import { z } from 'zod';
import { EVENT_NAMES, eventSchemas, findGift, isEventName, suggestGifts, type EventName } from '../protocol/index.ts';
import { configFrame, defaultConfigRules } from './events/config.ts';
import { shareFrame } from './events/share.ts';
import { socialFrame } from './events/social.ts';
import { streamEndFrame } from './events/stream-end.ts';
import { fail, ok, type ApiError, type Result } from './errors.ts';
import { applyOverrides, type Core } from './generator-core.ts';
import { PendingType } from './generator-heap.ts';
import type { ViewerOverrides } from './population.ts';
import { isRateKind } from './rates.ts';
import { Rng } from './rng.ts';
import { zodFail } from './scenarios/load.ts';

/** Most events one POST may schedule (`count`) and longest streak (`repeatCount`). */
export const MAX_FIRE_COUNT = 1000;
/** Most frames one POST may schedule in all (`count` × frames per event): 1000 streaks of 1000 taps would be a million. */
export const MAX_FIRE_FRAMES = 10_000;

const userSpecSchema = z.strictObject({
  uniqueId: z.string().min(1).optional(),
  random: z.boolean().optional(),
  new: z.boolean().optional(),
  face: z.union([z.boolean(), z.number().int().min(0).max(2)]).optional(),
  isModerator: z.boolean().optional(),
  isSubscriber: z.boolean().optional(),
  followRole: z.number().int().min(0).max(2).optional(),
  gifterLevel: z.number().int().min(0).max(50).optional(),
  nickname: z.string().min(1).max(100).optional(),
});
type UserSpec = z.infer<typeof userSpecSchema>;

/** Data keys the simulator interprets beyond the schema's own fields. */
const EXTRA_KEYS: Partial<Record<EventName, string[]>> = { gift: ['giftName'] };

function checkInt(v: unknown, field: string, min: number, max: number, why = ''): Result<number, ApiError> {
  if (typeof v !== 'number' || !Number.isInteger(v)) return fail('E_BAD_FIELD', `${field} must be an integer, got ${JSON.stringify(v)}`, { field });
  if (v < min || v > max) return fail('E_OUT_OF_RANGE', `${field} must be between ${min} and ${max}${why}, got ${v}`, { field });
  return ok(v);
}

/** Picks the viewer a fired event comes from and pins the requested flags on them. */
function resolveUser(core: Core, spec: UserSpec | undefined, rng: Rng): Result<number | null, ApiError> {
  const pop = core.pop;
  let index: number | null = null;
  if (spec?.uniqueId !== undefined) {
    index = pop.findUniqueId(spec.uniqueId);
    if (index < 0) {
      const stem = spec.uniqueId.replace(/[\d._]+$/, '').slice(0, 6);
      const choices = stem.length >= 2 ? pop.search(stem, 5).map((i) => pop.get(i).uniqueId) : [];
      const hint = choices.length > 0 ? `; did you mean "${choices[0]}"?` : '; see GET /api/viewers?q=<part of the name>';
      return fail('E_UNKNOWN_USER', `unknown viewer "${spec.uniqueId}"${hint}`, { field: 'user.uniqueId', choices });
    }
  } else if (spec?.new) index = pop.addNew();
  else if (spec?.face !== undefined && spec.face !== false) {
    const slot = typeof spec.face === 'number' ? spec.face : rng.int(0, pop.faceIndexes.length - 1);
    index = pop.faceIndexes[slot] ?? pop.faceIndexes[0] ?? 0;
  } else if (spec?.random) index = pop.sample(rng);
  const o: ViewerOverrides = {};
  for (const k of ['isModerator', 'isSubscriber', 'followRole', 'gifterLevel', 'nickname'] as const) {
    if (spec?.[k] !== undefined) (o as Record<string, unknown>)[k] = spec[k];
  }
  if (Object.keys(o).length > 0) {
    if (index === null) index = pop.sample(rng);
    pop.override(index, o);
  }
  return ok(index);
}

/** Checks `data` against the event's schema field by field (partial: the simulator completes the rest). */
function checkData(event: EventName, data: unknown): Result<Record<string, unknown>, ApiError> {
  if (data === undefined) return ok({});
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('E_BAD_FIELD', `data must be an object of ${event} fields, got ${JSON.stringify(data)}`, { field: 'data' });
  }
  const schema = eventSchemas[event];
  const allowed = [...Object.keys(schema.shape), ...(EXTRA_KEYS[event] ?? [])];
  for (const k of Object.keys(data)) {
    if (!allowed.includes(k)) {
      return fail('E_UNKNOWN_FIELD', `data.${k} is not a field of ${event}; valid fields: ${allowed.join(', ')}`, { field: `data.${k}`, choices: allowed });
    }
  }
  const r = (schema as z.ZodObject).partial().safeParse(data);
  if (!r.success) return zodFail(r.error, 'data', 'E_BAD_FIELD');
  return ok(data as Record<string, unknown>);
}

function without(o: Record<string, unknown>, keys: string[]): Record<string, unknown> | null {
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  return Object.keys(rest).length > 0 ? rest : null;
}

/**
 * POST /api/events: validates `{event, data?, user?, count?}` and schedules the frames at `nowMs` (streaks play out
 * over the following seconds). Never throws; bad input gives an ApiError naming the field and the valid choices.
 */
export function fireEvent(core: Core, body: unknown, nowMs: number, rng: Rng): Result<{ scheduled: number; event: string }, ApiError> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('E_BAD_BODY', 'body must be a JSON object like {"event":"chat","data":{"comment":"hi"}}');
  }
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) {
    if (!['event', 'data', 'user', 'count'].includes(k)) {
      return fail('E_UNKNOWN_FIELD', `unknown field "${k}"; valid fields: event, data, user, count`, { field: k, choices: ['event', 'data', 'user', 'count'] });
    }
  }
  if (typeof b.event !== 'string') {
    return fail('E_BAD_FIELD', `event must be one of: ${EVENT_NAMES.join(', ')}`, { field: 'event', choices: [...EVENT_NAMES] });
  }
  const event = b.event;
  if (!isEventName(event)) {
    return fail('E_UNKNOWN_EVENT', `unknown event "${event}"; valid events: ${EVENT_NAMES.join(', ')}`, { field: 'event', choices: [...EVENT_NAMES] });
  }
  let count = 1;
  if (b.count !== undefined) {
    const c = checkInt(b.count, 'count', 1, MAX_FIRE_COUNT);
    if (!c.ok) return c;
    count = c.value;
  }
  const d = checkData(event, b.data);
  if (!d.ok) return d;
  const data = d.value;
  const u = userSpecSchema.safeParse(b.user ?? {});
  if (!u.success) return zodFail(u.error, 'user', 'E_BAD_FIELD');
  const who = resolveUser(core, b.user === undefined ? undefined : u.data, rng);
  if (!who.ok) return who;
  const viewer = (): number => who.value ?? core.pop.sample(rng);

  if (event === 'gift') {
    const ref = data.giftId ?? data.giftName ?? 'Rose';
    const gift = findGift(ref as number | string);
    if (!gift) {
      const field = data.giftId !== undefined ? 'data.giftId' : 'data.giftName';
      const choices = suggestGifts(String(ref));
      return fail('E_UNKNOWN_GIFT', `unknown gift ${JSON.stringify(ref)}; did you mean "${choices[0]}"?`, { field, choices });
    }
    let n = 1;
    if (data.repeatCount !== undefined) {
      const r = checkInt(data.repeatCount, 'data.repeatCount', 1, MAX_FIRE_COUNT);
      if (!r.ok) return r;
      n = r.value;
    }
    const frames = count * (gift.type === 1 ? n + 1 : 1);
    if (frames > MAX_FIRE_FRAMES) {
      return fail('E_OUT_OF_RANGE', `count ${count} × ${gift.type === 1 ? n + 1 : 1} frames per ${gift.name} is ${frames} frames; one request may schedule at most ${MAX_FIRE_FRAMES} (lower count or data.repeatCount)`, { field: 'count' });
    }
    const rest = without(data, ['giftId', 'giftName', 'repeatCount']);
    for (let i = 0; i < count; i++) core.startGift(viewer(), core.partsOf(gift), nowMs + i, null, n, rest);
    return ok({ scheduled: frames, event });
  }
  if (event === 'like' && data.likeCount !== undefined) {
    const r = checkInt(data.likeCount, 'data.likeCount', 1, 15, ' (TikTok batches at most 15 likes per event; use count for more)');
    if (!r.ok) return r;
  }
  if (event === 'streamEnd' && data.action !== undefined && data.action !== 3 && data.action !== 4) {
    return fail('E_BAD_FIELD', `data.action must be 3 (ended) or 4 (suspended), got ${JSON.stringify(data.action)}`, { field: 'data.action', choices: ['3', '4'] });
  }
  for (let i = 0; i < count; i++) {
    const vi = viewer();
    const build = builder(core, event, vi, data, rng);
    core.heap.push({ t: nowMs, type: PendingType.Build, event, text: '', streak: null, build });
  }
  return ok({ scheduled: count, event });
}

/** The frame builder of one fired event, run when due so room counters (likes, followers) stay monotonic. */
function builder(core: Core, event: EventName, vi: number, data: Record<string, unknown>, rng: Rng): (t: number) => string {
  const v = () => core.pop.get(vi);
  const withRest = (keys: string[], f: (t: number) => string) => {
    const rest = without(data, keys);
    return (t: number) => (rest === null ? f(t) : applyOverrides(f(t), rest));
  };
  switch (event) {
    case 'chat':
      return withRest(['comment'], (t) => core.chatText(v(), t, typeof data.comment === 'string' ? JSON.stringify(data.comment) : undefined));
    case 'like':
      return withRest(['likeCount'], (t) => core.likeText(v(), typeof data.likeCount === 'number' ? data.likeCount : rng.int(1, 15), t));
    case 'member':
      return withRest(['actionId'], (t) => core.memberText(v(), typeof data.actionId === 'number' ? data.actionId : 1, t));
    case 'roomUser':
      return withRest(['viewerCount'], (t) => core.roomUserText(t, typeof data.viewerCount === 'number' ? data.viewerCount : undefined));
    case 'follow':
      return withRest([], (t) => core.followText(vi, t));
    case 'share':
      return withRest([], (t) => shareFrame({ user: v(), msgId: core.msgId(t), t }, core.ctx));
    case 'social':
      return withRest([], (t) => socialFrame({ user: v(), msgId: core.msgId(t), t, kind: 'share' }, core.ctx));
    case 'streamEnd':
      return withRest(['action'], () => streamEndFrame({ action: typeof data.action === 'number' ? data.action : 3 }, core.ctx));
    case 'config':
      return () => configFrame({ events: Array.isArray(data.events) ? data.events : defaultConfigRules(core.ctx.mediaBase) });
    default:
      if (!isRateKind(event)) return () => streamEndFrame({ action: 3 }, core.ctx);
      return withRest([], (t) => core.rareText(event, v(), t, rng));
  }
}
