import { fail, ok, type ApiError, type Result } from './errors.ts';
import { DEFAULT_RATES as KIND_DEFAULTS, RATE_KINDS, type RateKind } from './events/index.ts';

export { RATE_KINDS, type RateKind } from './events/index.ts';

/**
 * Average events per second per kind (Poisson arrivals, exponential gaps). For `gift` the rate counts gift *sends*:
 * a streak is one send that produces several frames (each tap plus the end frame).
 */
export type Rates = Record<RateKind, number>;

/** A lively small stream (each kind's default lives in its spec, simulator/events/<kind>.ts). */
export const DEFAULT_RATES: Readonly<Rates> = KIND_DEFAULTS;

/** Highest rate accepted for one kind (events/s). */
export const MAX_RATE = 1_000_000;

const KIND_SET: ReadonlySet<string> = new Set(RATE_KINDS);

/** True when `k` is a rate kind. */
export function isRateKind(k: string): k is RateKind {
  return KIND_SET.has(k);
}

/** Validates one kind/value pair; `where` names the field in messages. */
function checkRate(kind: string, value: unknown, where: string): Result<number, ApiError> {
  if (!isRateKind(kind)) {
    return fail('E_BAD_RATES', `unknown rate kind "${kind}"; valid kinds: ${RATE_KINDS.join(', ')}`, { field: where, choices: [...RATE_KINDS] });
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail('E_BAD_FIELD', `rate "${kind}" must be a number of events per second, got ${JSON.stringify(value)}`, { field: where });
  }
  if (value < 0 || value > MAX_RATE) {
    return fail('E_OUT_OF_RANGE', `rate "${kind}" must be between 0 and ${MAX_RATE} events per second, got ${value}`, { field: where });
  }
  return ok(value);
}

/** Validates a partial rates object (PUT /api/rates body, scenario phase rates). */
export function validateRates(input: unknown, path = ''): Result<Partial<Rates>, ApiError> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('E_BAD_RATES', `rates must be an object like {"chat":2,"like":8}; valid kinds: ${RATE_KINDS.join(', ')}`, { field: path || undefined });
  }
  const out: Partial<Rates> = {};
  for (const [k, v] of Object.entries(input)) {
    const r = checkRate(k, v, path ? `${path}.${k}` : k);
    if (!r.ok) return r;
    out[k as RateKind] = r.value;
  }
  return ok(out);
}

/**
 * Parses the CLI's `--rates` text. @example parseRates('chat=2,like=8,gift=0.3') // ok({chat:2, like:8, gift:0.3})
 */
export function parseRates(text: string): Result<Partial<Rates>, ApiError> {
  const out: Partial<Rates> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^([A-Za-z]+)\s*=\s*(.+)$/.exec(part);
    if (!m) return fail('E_BAD_RATES', `rates: "${part}" is not kind=number (e.g. chat=2,like=8,gift=0.3)`);
    const v = Number(m[2]);
    const r = checkRate(m[1], m[2].trim() === '' || Number.isNaN(v) ? m[2] : v, m[1]);
    if (!r.ok) return r;
    out[m[1] as RateKind] = r.value;
  }
  return ok(out);
}
