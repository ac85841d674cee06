import { describe, expect, it } from 'vitest';
import { FrameClock, easeShare, fadeToward } from './motion.ts';

describe('motion', () => {
  it('FrameClock: 16 ms first, then game time between updates, clamped to 0..250', () => {
    const c = new FrameClock();
    expect([c.dt(1000), c.dt(1017), c.dt(1017), c.dt(1010), c.dt(2000)]).toEqual([16, 17, 0, 0, 250]);
  });

  it('fadeToward moves by the step and stops at the target, both ways', () => {
    expect(fadeToward(0, 1, 0.25)).toBe(0.25);
    expect(fadeToward(0.9, 1, 0.25)).toBe(1);
    expect(fadeToward(0.5, 0, 0.25)).toBe(0.25);
    expect(fadeToward(0.1, 0, 0.25)).toBe(0);
    expect(fadeToward(1, 1, 0.25)).toBe(1);
  });

  it('easeShare: none in no time, most of the way after a few time constants', () => {
    expect(easeShare(0, 100)).toBe(0);
    expect(easeShare(100, 100)).toBeCloseTo(0.632, 3);
    expect(easeShare(500, 100)).toBeGreaterThan(0.99);
  });
});
