import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  it('doubles from the first wait up to the cap, jittered over the upper half', () => {
    const b = { initial: 250, max: 10_000 };
    expect([0, 1, 2, 10].map((a) => backoffDelay(a, b, () => 0))).toEqual([125, 250, 500, 5000]);
    expect(backoffDelay(0, b, () => 0.999999)).toBeCloseTo(250, 3);
  });
});
