import { ERRORS, type ErrorCode } from '../protocol/errors.ts';

export type { ErrorCode } from '../protocol/errors.ts';

/** An error the control API returns as `{"error":{code,message,field?,choices?}}` with HTTP `status`. */
export interface ApiError {
  status: number;
  code: ErrorCode;
  message: string;
  field?: string;
  choices?: string[];
}

/** A call's outcome without exceptions. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Builds a failed Result carrying an ApiError (the code's status in protocol/errors.ts unless given). */
export function fail(
  code: ErrorCode,
  message: string,
  extra: { field?: string; choices?: string[]; status?: number } = {},
): { ok: false; error: ApiError } {
  const error: ApiError = { status: extra.status ?? (ERRORS[code].status || 400), code, message };
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.choices !== undefined) error.choices = extra.choices;
  return { ok: false, error };
}
