import type { ApiError } from './api-types.ts';

/**
 * The JSON editor's check before sending: only that the text parses, since invalid JSON cannot be sent at all.
 * Everything else (an object, a known event, the fields) is the API's to judge: its 400 is shown as it words it,
 * with its codes and choices (E_UNKNOWN_EVENT lists every event), so the panel never disagrees with the API.
 */
export function checkFireBody(text: string): { ok: true; body: unknown } | { ok: false; error: ApiError } {
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: { code: 'E_BAD_JSON', message: `not valid JSON: ${(e as Error).message}` } };
  }
}

/** The body with `user` added when it is an object that names none (the editor's "Add the sender" box). */
export function withSender(body: unknown, user: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || 'user' in body) return body;
  return { ...body, user };
}
