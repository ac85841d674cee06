import type { z } from 'zod';
import { zodFail } from '../scenarios/load.ts';
import { httpError, type HttpError } from './http.ts';

/**
 * Validates a request body with a zod schema; the first issue becomes a 400 naming the field (E_BAD_FIELD, or
 * E_OUT_OF_RANGE with the range for a number outside it; a body that is not an object is E_BAD_BODY).
 */
export function validate<T extends z.ZodType>(schema: T, body: unknown): { ok: true; value: z.infer<T> } | { ok: false; error: HttpError } {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, value: r.data };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, error: httpError(400, 'E_BAD_BODY', `the body must be a JSON object, got ${Array.isArray(body) ? 'an array' : JSON.stringify(body)}`) };
  }
  const f = zodFail(r.error, '', 'E_BAD_FIELD', body);
  return { ok: false, error: { ...f.error, status: 400 } };
}
