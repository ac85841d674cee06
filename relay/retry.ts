/**
 * When a failed delivery is tried again: the Standard Webhooks schedule (immediately, then 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 14 h, 20 h, 24 h; shared/reference/WEBHOOKS.md) with ±10 % jitter, shrunk by `--retry-scale` for tests,
 * never sooner than the receiver's `Retry-After`.
 */

/** Wait before each attempt, ms: the first goes out at once, the 10th about 3 days after the first. */
export const RETRY_SCHEDULE_MS: readonly number[] = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000];

/** Longest Retry-After honoured (a receiver asking for more is retried after this). */
const MAX_RETRY_AFTER_MS = 86_400_000;

/** What to do after a failed attempt. */
export type NextStep = { retry: true; delayMs: number } | { retry: false };

/**
 * The wait after `attempts` failed attempts (1 after the first), or no retry once the schedule is spent.
 * @example nextRetry(1, { scale: 1, rng: () => 0.5 }) // { retry: true, delayMs: 5000 }
 */
export function nextRetry(attempts: number, o: { scale: number; rng: () => number; retryAfterMs?: number }): NextStep {
  const base = RETRY_SCHEDULE_MS[attempts];
  if (base === undefined) return { retry: false };
  const jittered = base * o.scale * (0.9 + 0.2 * o.rng());
  const after = o.retryAfterMs === undefined ? 0 : Math.min(o.retryAfterMs, MAX_RETRY_AFTER_MS);
  return { retry: true, delayMs: Math.round(Math.max(jittered, after)) };
}

/** A `Retry-After` header (seconds or an HTTP date) in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}
