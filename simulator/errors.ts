/** Error codes of the simulator engine and control API, each with its one-line meaning (documented in README). */
export const ERROR_CODES = {
  E_BAD_JSON: 'the body or file is not valid JSON',
  E_BAD_BODY: 'the body is not an object of the expected shape',
  E_BAD_FIELD: 'a field has the wrong type or an invalid value',
  E_UNKNOWN_FIELD: 'a field is not one the event/object accepts',
  E_OUT_OF_RANGE: 'a number lies outside its allowed range',
  E_UNKNOWN_EVENT: 'the event name is not one of TikFinity’s events',
  E_UNKNOWN_GIFT: 'no gift of the catalog has that id or name',
  E_UNKNOWN_USER: 'no viewer of the population has that uniqueId',
  E_UNKNOWN_SCENARIO: 'no built-in scenario preset has that name',
  E_BAD_SCENARIO: 'a scenario object or file does not match the scenario format',
  E_BAD_RATES: 'a rates string or object is malformed (unknown kind, not a number)',
  E_BAD_QUIRKS: 'a quirks string or object is malformed (unknown quirk, bad value)',
  E_FILE: 'a file could not be read',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error the control API returns as `{"error":{code,message,field?,choices?}}` with HTTP `status`. */
export interface ApiError {
  status: number;
  code: string;
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

/** Builds a failed Result carrying an ApiError (status 400 unless given). */
export function fail(
  code: ErrorCode,
  message: string,
  extra: { field?: string; choices?: string[]; status?: number } = {},
): { ok: false; error: ApiError } {
  const error: ApiError = { status: extra.status ?? 400, code, message };
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.choices !== undefined) error.choices = extra.choices;
  return { ok: false, error };
}
