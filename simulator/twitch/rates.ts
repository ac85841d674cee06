/**
 * What the fake Twitch generates and how often: average events per second per kind (Poisson arrivals), as `--rates`
 * does for TikTok. Key order is the order arrivals are drawn in, part of what a seed repeats: new kinds go at the end.
 */
import { fail, ok, type ApiError, type Result } from '../errors.ts';

/** Default events/s per generated Twitch kind: a lively mid-sized channel. */
export const DEFAULT_TWITCH_RATES = {
  chat: 5,
  cheer: 0.1,
  sub: 0.05,
  resub: 0.05,
  subgift: 0.02,
  submysterygift: 0.01,
  raid: 0.01,
  announcement: 0.01,
  clearchat: 0.005,
  clearmsg: 0.005,
  roomstate: 0.002,
} as const;

/** One generated Twitch kind. */
export type TwitchRateKind = keyof typeof DEFAULT_TWITCH_RATES;
/** Events/s per kind. */
export type TwitchRates = Record<TwitchRateKind, number>;
/** The kinds, in draw order. */
export const TWITCH_RATE_KINDS = Object.keys(DEFAULT_TWITCH_RATES) as TwitchRateKind[];

const MAX_RATE = 100_000;

function checkRate(kind: string, value: unknown, field: string): Result<number, ApiError> {
  if (!(TWITCH_RATE_KINDS as string[]).includes(kind)) {
    return fail('E_BAD_RATES', `unknown Twitch rate kind "${kind}"; valid kinds: ${TWITCH_RATE_KINDS.join(', ')}`, {
      field,
      choices: [...TWITCH_RATE_KINDS],
    });
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail('E_BAD_FIELD', `Twitch rate "${kind}" must be a number of events per second, got ${JSON.stringify(value)}`, { field });
  }
  if (value < 0 || value > MAX_RATE) {
    return fail('E_OUT_OF_RANGE', `Twitch rate "${kind}" must be between 0 and ${MAX_RATE} events per second, got ${value}`, { field });
  }
  return ok(value);
}

/** Validates a partial rates object (PUT /api/twitch/rates). */
export function validateTwitchRates(input: unknown): Result<Partial<TwitchRates>, ApiError> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('E_BAD_RATES', `Twitch rates must be an object like {"chat":5,"cheer":0.1}; valid kinds: ${TWITCH_RATE_KINDS.join(', ')}`);
  }
  const out: Partial<TwitchRates> = {};
  for (const [k, v] of Object.entries(input)) {
    const r = checkRate(k, v, k);
    if (!r.ok) return r;
    out[k as TwitchRateKind] = r.value;
  }
  return ok(out);
}

/** Parses `--twitch-rates chat=5,cheer=0.1`. @example parseTwitchRates('chat=2,raid=0') // ok({chat:2, raid:0}) */
export function parseTwitchRates(text: string): Result<Partial<TwitchRates>, ApiError> {
  const out: Partial<TwitchRates> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^([A-Za-z]+)\s*=\s*(.*)$/.exec(part);
    if (!m) return fail('E_BAD_RATES', `Twitch rates: "${part}" is not kind=number (e.g. chat=5,cheer=0.1,raid=0.01)`);
    const v = m[2]!.trim() === '' ? m[2] : Number(m[2]);
    const r = checkRate(m[1]!, typeof v === 'number' && Number.isNaN(v) ? m[2] : v, m[1]!);
    if (!r.ok) return r;
    out[m[1] as TwitchRateKind] = r.value;
  }
  return ok(out);
}
