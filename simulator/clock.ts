/** A source of the current time in epoch ms; injected so that tests and replays control time. */
export interface Clock {
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: `const c = manualClock(0); c.advance(500); c.now() // 500`. */
export function manualClock(t0: number): Clock & { set(t: number): void; advance(ms: number): void } {
  let t = t0;
  return {
    now: () => t,
    set: (v: number) => {
      t = v;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** Stream start used with a seed and no start time (2025-01-01T20:00Z), so a seed alone repeats the stream byte for byte. */
export const SEEDED_EPOCH_MS = Date.UTC(2025, 0, 1, 20, 0, 0);
