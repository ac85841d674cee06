/**
 * The checks of a fired event's body (`POST /api/events`, a scenario's spikes), apart from who sends it: the event
 * name, `count`, `data` field by field against the event's schema, the gift and streak length, the frame cap.
 */
import { z } from 'zod';
import { EVENT_NAMES, eventSchemas, findGift, isEventName, isTiktokEventName, suggestGifts, TIKTOK_EVENT_NAMES, tlcExamples, tlcSchemas, type CatalogGift, type EventName, type TiktokEventName } from '../protocol/index.ts';
import { fail, ok, type ApiError, type Result } from './errors.ts';
import { zodFail } from './zod-errors.ts';
import { kindSpec, type SimKind } from './events/index.ts';
import { deepMerge } from './events/tlc-kind.ts';

/** Most events one POST may schedule (`count`) and longest streak (`repeatCount`). */
export const MAX_FIRE_COUNT = 1000;
/** Most frames one POST may schedule in all (`count` × frames per event): 1000 streaks of 1000 taps would be a million. */
export const MAX_FIRE_FRAMES = 10_000;


function checkInt(v: unknown, field: string, min: number, max: number, why = ''): Result<number, ApiError> {
  if (typeof v !== 'number' || !Number.isInteger(v)) return fail('E_BAD_FIELD', `${field} must be an integer, got ${JSON.stringify(v)}`, { field });
  if (v < min || v > max) return fail('E_OUT_OF_RANGE', `${field} must be between ${min} and ${max}${why}, got ${v}`, { field });
  return ok(v);
}

/** Checks `data` against the event's schema field by field (partial: the simulator completes the rest). */
function checkData(event: EventName, data: unknown): Result<Record<string, unknown>, ApiError> {
  if (data === undefined) return ok({});
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('E_BAD_FIELD', `data must be an object of ${event} fields, got ${JSON.stringify(data)}`, { field: 'data' });
  }
  const schema = eventSchemas[event];
  const allowed = [...Object.keys(schema.shape), ...(kindSpec(event).extraKeys ?? [])];
  for (const k of Object.keys(data)) {
    if (!allowed.includes(k)) {
      return fail('E_UNKNOWN_FIELD', `data.${k} is not a field of ${event}; valid fields: ${allowed.join(', ')}`, { field: `data.${k}`, choices: allowed });
    }
  }
  const r = (schema as z.ZodObject).partial().safeParse(data);
  if (!r.success) return zodFail(r.error, 'data', 'E_BAD_FIELD', data);
  return ok(data as Record<string, unknown>);
}

/**
 * Checks a TLC-style kind's `data` (any of its fields, at any depth) by merging it over the kind's example and
 * validating the result against its schema (protocol/tlc), so a wrong type is refused now, not when the frame is built.
 */
function checkTlcData(event: TiktokEventName, data: unknown): Result<Record<string, unknown>, ApiError> {
  if (data === undefined) return ok({});
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('E_BAD_FIELD', `data must be an object of ${event} fields (TLC-style, e.g. ${JSON.stringify(tlcExamples[event]).slice(0, 80)}…), got ${JSON.stringify(data)}`, { field: 'data' });
  }
  const r = tlcSchemas[event].safeParse(deepMerge(tlcExamples[event] as Record<string, unknown>, data as Record<string, unknown>));
  if (!r.success) return zodFail(r.error, 'data', 'E_BAD_FIELD', data);
  return ok(data as Record<string, unknown>);
}

/** A body that passed the checks. */
export interface CheckedFire {
  event: SimKind;
  count: number;
  data: Record<string, unknown>;
  /** For gifts: the catalog entry, the streak length and the frames it schedules. */
  gift?: { gift: CatalogGift; repeat: number; frames: number };
}

/**
 * Checks `{event, data?, user?, count?}` without firing it. Never throws. `allKinds`: the engine also takes every
 * TikTok kind TikFinity does not forward (otherwise such a name is refused with E_NEEDS_ALL_KINDS).
 */
export function checkFireBody(body: unknown, allKinds = false): Result<CheckedFire, ApiError> {
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
  const tlc = !isEventName(event) && isTiktokEventName(event);
  if (tlc && !allKinds) {
    return fail('E_NEEDS_ALL_KINDS', `"${event}" is a TikTok kind TikFinity does not forward; start the simulator with --all-kinds (API: allKinds: true) to fire it`, { field: 'event', choices: [...EVENT_NAMES] });
  }
  if (!isEventName(event) && !tlc) {
    const choices: string[] = allKinds ? [...new Set<string>([...EVENT_NAMES, ...TIKTOK_EVENT_NAMES])] : [...EVENT_NAMES];
    return fail('E_UNKNOWN_EVENT', `unknown event "${event}"; valid events: ${choices.join(', ')}`, { field: 'event', choices });
  }
  let count = 1;
  if (b.count !== undefined) {
    const c = checkInt(b.count, 'count', 1, MAX_FIRE_COUNT);
    if (!c.ok) return c;
    count = c.value;
  }
  if (!isEventName(event)) {
    const d = checkTlcData(event as TiktokEventName, b.data);
    return d.ok ? ok({ event: event as TiktokEventName, count, data: d.value }) : d;
  }
  // Checked before the schema (which holds 1 to 15 as well) so that the message says why and what to use instead.
  const likes = event === 'like' && typeof b.data === 'object' && b.data !== null ? (b.data as Record<string, unknown>).likeCount : undefined;
  if (likes !== undefined) {
    const r = checkInt(likes, 'data.likeCount', 1, 15, ' (TikTok batches at most 15 likes per event; use count for more)');
    if (!r.ok) return r;
  }
  const d = checkData(event, b.data);
  if (!d.ok) return d;
  const data = d.value;
  if (event === 'gift') {
    const ref = data.giftId ?? data.giftName ?? 'Rose';
    const gift = findGift(ref as number | string);
    if (!gift) {
      const field = data.giftId !== undefined ? 'data.giftId' : 'data.giftName';
      const choices = suggestGifts(String(ref));
      const hint = choices.length ? `; did you mean "${choices[0]}"?` : '; GET /api/gifts lists the catalog';
      return fail('E_UNKNOWN_GIFT', `unknown gift ${typeof ref === 'number' ? `id ${ref}` : JSON.stringify(ref)}${hint}`, { field, ...(choices.length ? { choices } : {}) });
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
    return ok({ event, count, data, gift: { gift, repeat: n, frames } });
  }
  if (event === 'streamEnd' && data.action !== undefined && data.action !== 3 && data.action !== 4) {
    return fail('E_BAD_FIELD', `data.action must be 3 (ended) or 4 (suspended), got ${JSON.stringify(data.action)}`, { field: 'data.action', choices: ['3', '4'] });
  }
  return ok({ event, count, data });
}
