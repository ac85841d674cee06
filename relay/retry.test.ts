import { describe, expect, it } from 'vitest';
import { nextRetry, parseRetryAfter, RETRY_SCHEDULE_MS } from './retry.ts';

describe('retry schedule', () => {
  it('follows 5 s, 5 min, 30 min, 2 h ... with jitter of at most 10 %, then gives up', () => {
    expect(nextRetry(1, { scale: 1, rng: () => 0.5 })).toEqual({ retry: true, delayMs: 5000 });
    expect(nextRetry(2, { scale: 1, rng: () => 0 })).toEqual({ retry: true, delayMs: 270_000 });
    expect(nextRetry(3, { scale: 1, rng: () => 1 })).toEqual({ retry: true, delayMs: 1_980_000 });
    expect(nextRetry(RETRY_SCHEDULE_MS.length, { scale: 1, rng: () => 0.5 })).toEqual({ retry: false });
  });

  it('shrinks with --retry-scale but never waits less than Retry-After', () => {
    expect(nextRetry(2, { scale: 0.001, rng: () => 0.5 })).toEqual({ retry: true, delayMs: 300 });
    expect(nextRetry(2, { scale: 0.001, rng: () => 0.5, retryAfterMs: 1000 })).toEqual({ retry: true, delayMs: 1000 });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2025, 0, 1);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
