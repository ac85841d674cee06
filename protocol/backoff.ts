/** Reconnect backoff: the first wait and the longest, ms. */
export interface Backoff {
  initial: number;
  max: number;
}

/**
 * Wait before reconnect attempt `attempt` (0-based): exponential, capped at `max`, with jitter over its upper half so
 * many clients do not retry in step (`rng` () => 1: no jitter). The one formula of the recorders, receivers and the
 * overlay's socket. @example backoffDelay(2, { initial: 250, max: 10_000 }, () => 0) // 500
 */
export function backoffDelay(attempt: number, b: Backoff, rng: () => number = Math.random): number {
  const base = Math.min(b.max, b.initial * 2 ** attempt);
  return base / 2 + rng() * (base / 2);
}
