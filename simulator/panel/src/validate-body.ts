import { isEventName } from '../../../protocol/names.ts';
import type { ApiError, FireBody } from './api-types.ts';

/**
 * The JSON editor's check before sending: parses and checks the body's outline (an object with a known `event`,
 * an object `data`, a numeric `count`). The server validates the rest and its 400 is shown as is.
 */
export function checkFireBody(text: string): { ok: true; body: FireBody } | { ok: false; error: ApiError } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { code: 'E_BAD_JSON', message: `not valid JSON: ${(e as Error).message}` } };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, error: { code: 'E_BAD_JSON', message: 'the body must be a JSON object like {"event":"chat","data":{...}}' } };
  }
  const o = parsed as Record<string, unknown>;
  if (typeof o.event !== 'string' || !isEventName(o.event)) {
    return { ok: false, error: { code: 'E_BAD_FIELD', field: 'event', message: `"event" must be one of TikFinity's event names, got ${JSON.stringify(o.event)}` } };
  }
  if (o.data !== undefined && (!o.data || typeof o.data !== 'object' || Array.isArray(o.data))) {
    return { ok: false, error: { code: 'E_BAD_FIELD', field: 'data', message: '"data" must be an object' } };
  }
  if (o.count !== undefined && typeof o.count !== 'number') {
    return { ok: false, error: { code: 'E_BAD_FIELD', field: 'count', message: '"count" must be a number' } };
  }
  if (o.user !== undefined && (!o.user || typeof o.user !== 'object' || Array.isArray(o.user))) {
    return { ok: false, error: { code: 'E_BAD_FIELD', field: 'user', message: '"user" must be an object' } };
  }
  return { ok: true, body: o as unknown as FireBody };
}
