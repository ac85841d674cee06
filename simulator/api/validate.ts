import type { z } from 'zod';
import { httpError, type HttpError } from './http.ts';

/** Validates a request body with a zod schema; the first issue becomes a 400 naming the field. */
export function validate<T extends z.ZodType>(schema: T, body: unknown): { ok: true; value: z.infer<T> } | { ok: false; error: HttpError } {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const extra: Partial<HttpError> = { field };
  if (issue && issue.code === 'unrecognized_keys') {
    return { ok: false, error: httpError(400, 'E_BAD_FIELD', `unknown field(s): ${issue.keys.join(', ')}`, { field: issue.keys[0] }) };
  }
  if (issue && 'values' in issue && Array.isArray(issue.values)) extra.choices = issue.values.map(String);
  return { ok: false, error: httpError(400, 'E_BAD_FIELD', `${field ?? 'body'}: ${issue?.message ?? 'invalid'}`, extra) };
}
